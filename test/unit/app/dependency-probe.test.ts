import { describe, expect, it } from "vitest";
import { createDependencyProbe } from "../../../src/app/dependency-probe.ts";

function counter(result: () => Promise<unknown>) {
  const calls = { n: 0 };
  return {
    calls,
    check: () => {
      calls.n++;
      return result();
    },
  };
}

describe("createDependencyProbe", () => {
  it("GIVEN both dependencies answer THEN both are ok", async () => {
    const probe = createDependencyProbe({ database: async () => 1, redis: async () => "PONG" });
    await expect(probe()).resolves.toEqual({ database: "ok", redis: "ok" });
  });

  it("GIVEN a failing or silent dependency THEN it is down and the probe never throws", async () => {
    const probe = createDependencyProbe(
      { database: () => Promise.reject(new Error("SQLITE_BUSY")), redis: () => new Promise(() => undefined) },
      { timeoutMs: 20 },
    );
    await expect(probe()).resolves.toEqual({ database: "down", redis: "down" });
  });

  it("GIVEN many callers at once and within the TTL THEN one probe serves them all", async () => {
    let clock = 0;
    const db = counter(async () => 1);
    const redis = counter(async () => "PONG");
    const probe = createDependencyProbe(
      { database: db.check, redis: redis.check },
      { ttlMs: 1_000, now: () => clock },
    );
    await Promise.all(Array.from({ length: 500 }, () => probe()));
    clock = 999;
    await probe();
    expect([db.calls.n, redis.calls.n]).toEqual([1, 1]);
  });

  it("GIVEN the TTL has passed THEN the next call probes again and sees a change", async () => {
    let clock = 0;
    let up = true;
    const probe = createDependencyProbe(
      {
        database: async () => 1,
        redis: () => (up ? Promise.resolve("PONG") : Promise.reject(new Error("down"))),
      },
      { ttlMs: 1_000, now: () => clock },
    );
    expect((await probe()).redis).toBe("ok");
    up = false;
    clock = 500;
    expect((await probe()).redis).toBe("ok");
    clock = 1_001;
    expect((await probe()).redis).toBe("down");
  });
});
