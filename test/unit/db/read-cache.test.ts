import { describe, expect, it } from "vitest";
import { createReadCache } from "../../../src/db/read-cache.ts";

/** A load whose completion the test controls. */
function controlledLoads() {
  const calls: { key: string; resolve(value: number): void; reject(error: Error): void }[] = [];
  return {
    calls,
    load: (key: string) =>
      new Promise<number>((resolve, reject) => {
        calls.push({ key, resolve, reject });
      }),
  };
}

describe("createReadCache", () => {
  it("GIVEN many concurrent misses of one key THEN one load serves them all and is kept", async () => {
    const loads = controlledLoads();
    const cache = createReadCache({ max: 10, ttlMs: 60_000, load: loads.load });
    const pending = Array.from({ length: 20 }, () => cache.get("guild"));
    expect(loads.calls).toHaveLength(1);
    loads.calls[0]?.resolve(7);
    expect(await Promise.all(pending)).toEqual(Array(20).fill(7));
    expect(await cache.get("guild")).toBe(7);
    expect(loads.calls).toHaveLength(1);
  });

  it("GIVEN a clear while a load is in flight THEN its callers get its value but it is not kept, and later callers load again", async () => {
    const loads = controlledLoads();
    const cache = createReadCache({ max: 10, ttlMs: 60_000, load: loads.load });
    const before = cache.get("guild");
    cache.clear();
    const after = cache.get("guild");
    expect(loads.calls).toHaveLength(2);
    loads.calls[0]?.resolve(1);
    loads.calls[1]?.resolve(2);
    expect(await before).toBe(1);
    expect(await after).toBe(2);
    expect(await cache.get("guild")).toBe(2);
    expect(loads.calls).toHaveLength(2);
  });

  it("GIVEN a failed load THEN its callers see the error and the next get loads again", async () => {
    const loads = controlledLoads();
    const cache = createReadCache({ max: 10, ttlMs: 60_000, load: loads.load });
    const failing = cache.get("guild");
    loads.calls[0]?.reject(new Error("database down"));
    await expect(failing).rejects.toThrow("database down");
    const retried = cache.get("guild");
    expect(loads.calls).toHaveLength(2);
    loads.calls[1]?.resolve(3);
    expect(await retried).toBe(3);
  });

  it("GIVEN an expired entry THEN it is loaded again", async () => {
    let loaded = 0;
    const cache = createReadCache({ max: 10, ttlMs: 20, load: async () => ++loaded });
    expect(await cache.get("guild")).toBe(1);
    expect(await cache.get("guild")).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await cache.get("guild")).toBe(2);
  });

  it("GIVEN more keys than max THEN the least recently used go first", async () => {
    const seen: string[] = [];
    const cache = createReadCache({
      max: 2,
      ttlMs: 60_000,
      load: async (key: string) => {
        seen.push(key);
        return key.length;
      },
    });
    await cache.get("a");
    await cache.get("bb");
    await cache.get("a");
    await cache.get("ccc");
    await cache.get("a");
    await cache.get("bb");
    expect(seen).toEqual(["a", "bb", "ccc", "bb"]);
  });
});
