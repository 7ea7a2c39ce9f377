import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RestartableRedis, startRestartableRedis } from "../../../scripts/harness/redis.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import {
  type CacheInvalidation,
  type InvalidationEvent,
  startCacheInvalidation,
} from "../../../src/redis/cache-invalidation.ts";
import { connectRedis, createRedis, PRODUCER_REDIS_OPTIONS } from "../../../src/redis/connection.ts";

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

// A private redis-server: one case kills it.
describe("startCacheInvalidation on a real Redis", () => {
  let redis: RestartableRedis;
  const buses: CacheInvalidation[] = [];
  const closers: Array<() => unknown> = [];

  async function replica(channel: string) {
    const publisher = await connectRedis(redis.url, 5_000, PRODUCER_REDIS_OPTIONS);
    publisher.on("error", () => undefined);
    closers.push(() => publisher.disconnect());
    const logs: Array<Record<string, unknown>> = [];
    const logger = createLogger("debug", { write: (line: string) => logs.push(JSON.parse(line)) });
    const bus = await startCacheInvalidation({ url: redis.url, publisher, channel, logger });
    buses.push(bus);
    const events: InvalidationEvent[] = [];
    bus.subscribe((event) => events.push(event));
    return { bus, events, logs };
  }

  beforeAll(async () => {
    redis = await startRestartableRedis();
  });

  afterAll(async () => {
    for (const bus of buses) await bus.close();
    for (const close of closers) close();
    await redis?.cleanup();
  });

  it("GIVEN two processes WHEN one publishes THEN it applies it before publish returns, the other receives it once, and it does not come back to the first", async () => {
    const a = await replica("t1");
    const b = await replica("t1");
    a.bus.publish(["roles"]);
    expect(a.events).toEqual([{ scopes: ["roles"], source: "local" }]);
    await until(() => b.events.length > 0, 2_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(b.events).toEqual([{ scopes: ["roles"], source: "remote" }]);
    expect(a.events).toHaveLength(1);
  });

  it("GIVEN several publications in one turn THEN they travel as one message with every scope", async () => {
    const a = await replica("t2");
    const b = await replica("t2");
    a.bus.publish(["roles"]);
    a.bus.publish(["programme", "roles"]);
    a.bus.publish(["roles"]);
    expect(a.events).toHaveLength(3);
    await until(() => b.events.length > 0, 2_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(b.events).toEqual([{ scopes: ["roles", "programme"], source: "remote" }]);
  });

  it("GIVEN another deployment's channel or a malformed message THEN nothing is applied", async () => {
    const a = await replica("t3");
    const other = await replica("t3-other");
    other.bus.publish(["programme"]);
    const raw = createRedis(redis.url);
    closers.push(() => raw.disconnect());
    await raw.connect();
    await raw.publish("t3", "not json");
    await raw.publish("t3", JSON.stringify({ origin: "x", scopes: ["everything"], sentAt: 0 }));
    await raw.publish("t3", JSON.stringify({ origin: "x", scopes: ["programme"], sentAt: Date.now() }));
    await until(() => a.events.length > 0, 2_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(a.events).toEqual([{ scopes: ["programme"], source: "remote" }]);
  });

  it("GIVEN Redis is killed THEN publish neither throws nor waits, and when it is back every process drops everything once and hears the others again", async () => {
    const a = await replica("t4");
    const b = await replica("t4");
    await redis.kill();
    const started = performance.now();
    a.bus.publish(["roles"]);
    expect(performance.now() - started).toBeLessThan(5);
    expect(a.events).toEqual([{ scopes: ["roles"], source: "local" }]);
    await until(
      () => a.logs.some((l) => l.msg === "cache invalidation not published; other processes rely on expiry"),
      3_000,
    );
    expect(b.events.filter((e) => e.source === "remote")).toEqual([]);

    await redis.start();
    await until(() => b.events.some((e) => e.source === "resync"), 10_000);
    expect(b.events.find((e) => e.source === "resync")?.scopes).toEqual(["programme", "roles"]);
    // The subscription is made again: a new publication arrives.
    await until(() => a.events.some((e) => e.source === "resync"), 10_000);
    let delivered = false;
    for (let i = 0; i < 100 && !delivered; i++) {
      a.bus.publish(["programme"]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      delivered = b.events.some((e) => e.source === "remote" && e.scopes.includes("programme"));
    }
    expect(delivered).toBe(true);
  }, 30_000);
});
