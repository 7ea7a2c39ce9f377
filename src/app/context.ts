import type { Redis } from "ioredis";
import type { Config } from "../config/env.ts";
import type { Database } from "../db/client.ts";
import type { Queues } from "../jobs/queues.ts";
import type { Logger } from "../observability/logger.ts";
import type { Metrics } from "../observability/metrics.ts";
import type { Features } from "./features.ts";

/** Status of one dependency as shown to operators and in `/taiken about`. */
export type DependencyStatus = "ok" | "down";

/** Everything a handler or job may use, built once by the composition root (`src/main.ts`). */
export interface AppContext {
  config: Config;
  logger: Logger;
  /** For adapters (jobs, the access policy); commands use `features`. */
  db: Database;
  /** The use-cases, bound to their adapters. */
  features: Features;
  redis: Redis;
  queues: Queues;
  metrics: Metrics;
  /** The current time; tests pass a fixed clock. */
  now: () => Date;
  startedAt: Date;
  version: string;
  /** Pings the database and Redis; never throws. */
  checkDependencies: () => Promise<{ database: DependencyStatus; redis: DependencyStatus }>;
}
