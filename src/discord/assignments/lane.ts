/**
 * A lane for the database work of claim and swap clicks: at most `width` at a time, first come
 * first served, each started in a turn of the event loop of its own.
 *
 * Why: better-sqlite3 answers synchronously, so on SQLite a Prisma query resolves without ever
 * handing the event loop back. Hundreds of clicks started together become one long chain of
 * microtasks: no gateway frame is read, no acknowledgement leaves and no timer fires until every
 * one of them has done its database work (measured with 500 clicks: every acknowledgement about
 * 5.7 s after its click, all at the same moment). In the lane each click's work is a few
 * milliseconds between two turns of the loop, in which acknowledgements and answers go out and
 * further clicks come in; and the first click is answered first instead of all of them at the
 * end. SQLite has one connection, so running one at a time costs nothing there. PostgreSQL
 * queries are real I/O and yield, so a few run at once there.
 *
 * Only database work goes in: a task that waited on Discord would hold the lane for a round trip.
 */
import type { AppContext } from "../../app/context.ts";

export interface Lane {
  /** Runs `task` when its turn comes; settles as it does. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** Tasks running at once on PostgreSQL: a few, well below its connection pool. */
const POSTGRESQL_WIDTH = 4;

export function createLane(width: number): Lane {
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`lane width must be ≥ 1, got ${width}`);
  const waiting: Array<() => void> = [];
  let running = 0;

  const startNext = () => {
    if (running >= width) return;
    const start = waiting.shift();
    if (start === undefined) return;
    running += 1;
    // An immediate queued while immediates run waits for the next turn: gateway frames, HTTP
    // responses and timers are handled between two tasks.
    setImmediate(start);
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push(() => {
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              running -= 1;
              startNext();
            });
        });
        startNext();
      });
    },
  };
}

const lanes = new WeakMap<object, Lane>();

/** The app's claim lane: one per database client, one task at a time on SQLite. */
export function claimLane(app: Pick<AppContext, "db" | "config">): Lane {
  let lane = lanes.get(app.db);
  if (lane === undefined) {
    lane = createLane(app.config.database.provider === "sqlite" ? 1 : POSTGRESQL_WIDTH);
    lanes.set(app.db, lane);
  }
  return lane;
}
