import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { createLeaseRepository } from "../../../src/db/repositories/leases.ts";
import { createExclusive } from "../../../src/db/stores/exclusive.ts";

describe("leases: one holder per key across processes (the per-programme lock)", () => {
  let database: TestDatabase;
  const at = new Date("2026-04-02T01:00:00Z");
  const later = (ms: number) => new Date(at.getTime() + ms);

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("GIVEN ten takers of one free key at once THEN exactly one holds it", async () => {
    const leases = createLeaseRepository(database.db);
    const won = await Promise.all(
      Array.from({ length: 10 }, (_, i) => leases.acquire("k:race", `h${i}`, at, 60_000)),
    );
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  it("GIVEN a held lease THEN others are refused until it expires; then one of two takers gets it and the old holder can neither renew nor release it", async () => {
    const leases = createLeaseRepository(database.db);
    expect(await leases.acquire("k:expiry", "old", at, 60_000)).toBe(true);
    expect(await leases.acquire("k:expiry", "new", later(59_999), 60_000)).toBe(false);
    const takers = await Promise.all([
      leases.acquire("k:expiry", "a", later(60_000), 60_000),
      leases.acquire("k:expiry", "b", later(60_000), 60_000),
    ]);
    expect(takers.filter(Boolean)).toHaveLength(1);
    expect(await leases.renew("k:expiry", "old", later(60_001), 60_000)).toBe(false);
    await leases.release("k:expiry", "old");
    expect(await leases.acquire("k:expiry", "c", later(60_002), 60_000)).toBe(false);
  });

  it("GIVEN a holder renewing THEN its lease outlives the first expiry; released, the key is free at once", async () => {
    const leases = createLeaseRepository(database.db);
    expect(await leases.acquire("k:renew", "h", at, 1_000)).toBe(true);
    expect(await leases.renew("k:renew", "h", later(900), 1_000)).toBe(true);
    expect(await leases.acquire("k:renew", "x", later(1_500), 1_000)).toBe(false);
    await leases.release("k:renew", "h");
    expect(await leases.acquire("k:renew", "x", later(1_500), 1_000)).toBe(true);
  });

  it("GIVEN work under createExclusive THEN an overlapping run is busy and not run, a later one runs, and a failing run still releases the key", async () => {
    const exclusive = createExclusive(database.db, () => new Date());
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ran: string[] = [];
    const first = exclusive.run("k:work", async () => {
      ran.push("first");
      await gate;
      return 1;
    });
    await expect.poll(() => ran).toEqual(["first"]);
    expect(await exclusive.run("k:work", async () => ran.push("second"))).toEqual({ busy: true });
    release();
    expect(await first).toEqual({ busy: false, value: 1 });
    await expect(
      exclusive.run("k:work", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await exclusive.run("k:work", async () => "third")).toEqual({ busy: false, value: "third" });
    expect(ran).toEqual(["first"]);
  });
});
