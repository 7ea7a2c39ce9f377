import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Prometheus metrics the bot exports on `/metrics`. One registry per process (tests make their own). */
export interface Metrics {
  registry: Registry;
  /** Interactions handled, by kind (command, button, modal …), name and outcome (ok, user_error, error). */
  interactions: Counter<"kind" | "name" | "outcome">;
  /** Seconds from receiving an interaction to the handler finishing. */
  interactionSeconds: Histogram<"kind" | "name">;
  /** Unexpected errors, by where they happened. */
  errors: Counter<"source">;
  /** Jobs waiting, active, delayed and failed per queue, refreshed on each scrape. */
  queueJobs: Gauge<"queue" | "state">;
}

/**
 * Creates the metrics registry. `collectQueueDepths` is called on every scrape so queue
 * depths are read from Redis only when someone asks for them.
 */
export function createMetrics(
  collectQueueDepths?: () => Promise<Array<{ queue: string; state: string; count: number }>>,
): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "taiken_" });
  return {
    registry,
    interactions: new Counter({
      name: "taiken_interactions_total",
      help: "Interactions handled, by kind, name and outcome",
      labelNames: ["kind", "name", "outcome"],
      registers: [registry],
    }),
    interactionSeconds: new Histogram({
      name: "taiken_interaction_duration_seconds",
      help: "Time from receiving an interaction to its handler finishing",
      labelNames: ["kind", "name"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    errors: new Counter({
      name: "taiken_errors_total",
      help: "Unexpected errors, by source",
      labelNames: ["source"],
      registers: [registry],
    }),
    queueJobs: new Gauge({
      name: "taiken_queue_jobs",
      help: "Jobs per queue and state",
      labelNames: ["queue", "state"],
      registers: [registry],
      async collect() {
        if (!collectQueueDepths) return;
        for (const { queue, state, count } of await collectQueueDepths()) this.set({ queue, state }, count);
      },
    }),
  };
}
