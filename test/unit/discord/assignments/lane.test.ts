import { describe, expect, it } from "vitest";
import { createLane } from "../../../../src/discord/assignments/lane.ts";

/**
 * Tasks that record when they start and end. By default they resolve through microtasks only, like
 * queries on SQLite; `io` makes them wait for a turn of the event loop, like queries on PostgreSQL.
 */
function recorder(io = false) {
  const events: string[] = [];
  let running = 0;
  let most = 0;
  const task = (name: string) => async () => {
    running += 1;
    most = Math.max(most, running);
    events.push(`start ${name}`);
    for (let i = 0; i < 5; i++)
      await (io ? new Promise((resolve) => setImmediate(resolve)) : Promise.resolve());
    events.push(`end ${name}`);
    running -= 1;
    return name;
  };
  return { events, task, most: () => most };
}

describe("the claim lane", () => {
  it("GIVEN tasks queued at once THEN they run one at a time, first come first served", async () => {
    const lane = createLane(1);
    const { events, task, most } = recorder();
    const results = await Promise.all(["a", "b", "c"].map((name) => lane.run(task(name))));
    expect(results).toEqual(["a", "b", "c"]);
    expect(events).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
    expect(most()).toBe(1);
  });

  it("GIVEN a width of two AND tasks waiting on I/O THEN two run at once, never more", async () => {
    const lane = createLane(2);
    const { task, most } = recorder(true);
    await Promise.all(["a", "b", "c", "d", "e"].map((name) => lane.run(task(name))));
    expect(most()).toBe(2);
  });

  it("GIVEN tasks that never wait for I/O THEN the event loop still turns between them", async () => {
    const lane = createLane(1);
    const events: string[] = [];
    const first = lane.run(async () => {
      events.push("a");
      // What arrives meanwhile (here: an immediate, as a gateway frame or an HTTP response would).
      setImmediate(() => events.push("event loop"));
    });
    const second = lane.run(async () => {
      events.push("b");
    });
    await Promise.all([first, second]);
    expect(events).toEqual(["a", "event loop", "b"]);
  });

  it("GIVEN a task that fails THEN its caller gets the error AND the next task still runs", async () => {
    const lane = createLane(1);
    const failed = lane.run(async () => {
      throw new Error("boom");
    });
    const next = lane.run(async () => "next");
    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("next");
  });

  it("GIVEN a width below one THEN the lane is refused", () => {
    expect(() => createLane(0)).toThrow(RangeError);
  });
});
