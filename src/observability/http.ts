import { createServer, type Server } from "node:http";
import type { Logger } from "./logger.ts";
import type { Metrics } from "./metrics.ts";

/** What `/healthz` reports. `ok` is false when any dependency is down or Discord is not ready. */
export interface HealthReport {
  ok: boolean;
  [part: string]: unknown;
}

/** The operations endpoint: `GET /healthz` (200 or 503, JSON) and `GET /metrics` (Prometheus text). */
export interface OpsServer {
  /** The port actually bound (useful when the configured port is 0). */
  port: number;
  close(): Promise<void>;
}

/** Starts the operations endpoint on `host:port`. */
export async function startOpsServer(options: {
  host: string;
  port: number;
  metrics: Metrics;
  health: () => Promise<HealthReport>;
  logger: Logger;
}): Promise<OpsServer> {
  const server: Server = createServer((request, response) => {
    const url = request.url?.split("?")[0];
    const respond = async () => {
      if (request.method !== "GET") {
        response.writeHead(405, { "content-type": "application/json" }).end('{"error":"method not allowed"}');
      } else if (url === "/healthz") {
        const report = await options.health();
        response
          .writeHead(report.ok ? 200 : 503, { "content-type": "application/json" })
          .end(JSON.stringify(report));
      } else if (url === "/metrics") {
        const body = await options.metrics.registry.metrics();
        response.writeHead(200, { "content-type": options.metrics.registry.contentType }).end(body);
      } else {
        response.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
      }
    };
    respond().catch((error: unknown) => {
      options.logger.error({ err: error, url }, "ops endpoint failed");
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end('{"error":"internal"}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  options.logger.info({ host: options.host, port }, "serving /healthz and /metrics");
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
