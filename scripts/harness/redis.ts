import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Redis } from "ioredis";
import { createLogger } from "../../src/observability/logger.ts";
import { connectRedis } from "../../src/redis/connection.ts";
import { startLocalRedis } from "../../src/redis/local-server.ts";

/** A Redis for one test file: `REDIS_URL` when CI gives one, else a private redis-server. */
export interface TestRedis {
  url: string;
  redis: Redis;
  /** A key prefix unique to this test file, so files can share one server. */
  prefix: string;
  cleanup(): Promise<void>;
}

export async function createTestRedis(): Promise<TestRedis> {
  const prefix = `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  let url = process.env.REDIS_URL;
  let stopServer: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  if (!url) {
    dir = await mkdtemp(path.join(os.tmpdir(), "taiken-redis-"));
    const local = await startLocalRedis({
      bin: "redis-server",
      dataDir: dir,
      logger: createLogger("silent"),
    });
    url = local.url;
    stopServer = () => local.stop();
  }
  const redis = await connectRedis(url);
  return {
    url,
    redis,
    prefix,
    async cleanup() {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      await stopServer?.();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
