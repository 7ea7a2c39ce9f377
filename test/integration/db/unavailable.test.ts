import Sqlite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { isDatabaseUnavailable } from "../../../src/db/errors.ts";
import { withServer } from "../../../src/db/pg-admin.ts";
import { mapError } from "../../../src/discord/errors.ts";
import { t } from "../../../src/i18n/translate.ts";

/** The database failing under a running bot: the error is recognised, answered, and it recovers. */
describe("a database that stops answering", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  async function failure(write: () => Promise<unknown>): Promise<unknown> {
    try {
      await write();
    } catch (error) {
      return error;
    }
    throw new Error("the write succeeded");
  }

  const lease = (key: string) =>
    database.db.lease.create({ data: { key, holder: "h", expiresAt: new Date() } });

  it("GIVEN PostgreSQL terminates the bot's connections (a failover or restart) THEN a query running when its connection dies fails as unavailable with the localised answer, its transaction is rolled back, and the one after succeeds", async (ctx) => {
    if (database.provider !== "postgresql") ctx.skip();
    const dbName = new URL(database.url).pathname.slice(1);
    const terminate = () =>
      withServer(database.url, (client) =>
        client.query(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
          [dbName],
        ),
      );
    // Idle connections that die are dropped by the pool and never seen by a command.
    await database.db.lease.count();
    await terminate();
    await lease("pg:after-idle");
    // One that dies under a query fails that query.
    const running = failure(() =>
      database.db.$transaction(async (tx) => {
        await tx.lease.create({ data: { key: "pg:terminated", holder: "h", expiresAt: new Date() } });
        await tx.$queryRawUnsafe("select pg_sleep(5)");
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await terminate();
    const error = await running;
    expect(isDatabaseUnavailable(error)).toBe(true);
    const mapped = mapError(error, "en");
    expect(mapped).toMatchObject({ source: "database", outcome: "error" });
    expect(mapped.content).toBe(t("en", "error.databaseUnavailable", { errorId: mapped.errorId ?? "" }));
    // The pool replaces the dead connection: the command run again works.
    await lease("pg:again");
    expect(
      (await database.db.lease.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map(
        (l) => l.key,
      ),
    ).toEqual(["pg:after-idle", "pg:again"]);
  });

  it("GIVEN another process holds SQLite's write lock past the busy timeout THEN the write fails as unavailable, nothing is written, and it succeeds once the lock is gone", async (ctx) => {
    if (database.provider !== "sqlite") ctx.skip();
    const other = new Sqlite(new URL(database.url).pathname);
    other.exec("BEGIN IMMEDIATE");
    try {
      const error = await failure(() => lease("sqlite:busy"));
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(mapError(error, "ja").source).toBe("database");
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    await lease("sqlite:again");
    expect(await database.db.lease.findMany({ select: { key: true } })).toEqual([{ key: "sqlite:again" }]);
  }, 20_000);

  it("GIVEN a bug or a broken rule THEN it is not mistaken for an outage", async () => {
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    await lease("dup");
    expect(isDatabaseUnavailable(await failure(() => lease("dup")))).toBe(false);
  });
});
