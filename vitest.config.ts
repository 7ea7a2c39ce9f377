import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests share one Redis and one PostgreSQL server; each file isolates itself
    // (own database, own queue prefix), so files may run in parallel.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
