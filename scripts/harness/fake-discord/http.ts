import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorObject } from "ajv/dist/2020.js";
import { handleControl } from "./control.ts";
import type { UploadedFile } from "./messages.ts";
import { type Handler, HttpError, routes } from "./routes.ts";
import type { FakeDiscord, RecordedRequest } from "./server.ts";

const JSON_HEADERS = { "Content-Type": "application/json" };

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Discord's nested error shape for 50035 Invalid Form Body, from ajv errors. */
export function discordFormErrors(errors: ErrorObject[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const e of errors) {
    const parts = e.instancePath.split("/").filter(Boolean);
    if (e.keyword === "required")
      parts.push(String((e.params as { missingProperty?: string }).missingProperty));
    let node = root;
    for (const p of parts) {
      node[p] ??= {};
      node = node[p] as Record<string, unknown>;
    }
    node._errors ??= [];
    const list = node._errors as Array<{ code: string; message: string }>;
    list.push({
      code: e.keyword === "required" ? "BASE_TYPE_REQUIRED" : `BASE_TYPE_${e.keyword.toUpperCase()}`,
      message: e.message ?? e.keyword,
    });
  }
  return root;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
  } else {
    res.writeHead(status, { ...JSON_HEADERS, ...headers });
    res.end(JSON.stringify(body));
  }
}

async function parseBody(
  contentType: string,
  raw: Buffer,
): Promise<{ body: unknown; files: UploadedFile[]; invalid?: boolean }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    const files: UploadedFile[] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field === "payload_json") body = JSON.parse(value);
      } else {
        files.push({
          field,
          filename: value.name,
          contentType: value.type || "application/octet-stream",
          data: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(raw.toString("utf8")), files: [] };
  } catch {
    return { body: raw.toString("utf8"), files: [], invalid: true };
  }
}

/**
 * One HTTP request: control API, attachments, or Discord's REST API — recorded, then
 * checked in Discord's order (route, auth, scripted failures, rate limits, body
 * against the spec) and handed to the route handler.
 */
export async function handleHttp(
  fake: FakeDiscord,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const receivedAt = performance.now();
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", fake.baseUrl);
  const raw = await readBody(req);
  if (url.pathname.startsWith("/_fake/")) {
    const out = await handleControl(fake, method, url, raw);
    send(res, out.status, out.body);
    return;
  }
  if (method === "GET" && url.pathname.startsWith("/attachments/")) {
    const id = url.pathname.split("/")[3] ?? "";
    const file = fake.store.files.get(id);
    // A signed URL works until its `ex`; a missing or altered `ex` fails like an expired one.
    const ex = url.searchParams.get("ex");
    const expired =
      file?.expiresAt !== undefined &&
      (ex !== Math.floor(file.expiresAt / 1000).toString(16) || Date.now() > file.expiresAt);
    if (!file || expired) {
      send(res, 404, { message: "404: Not Found", code: 0 });
    } else if (file.servedBytes !== undefined) {
      res.writeHead(200, { "Content-Type": file.contentType, "Content-Length": String(file.data.length) });
      res.write(file.data.subarray(0, file.servedBytes), () => res.destroy());
    } else {
      res.writeHead(200, { "Content-Type": file.contentType, "Content-Length": String(file.data.length) });
      res.end(file.data);
    }
    return;
  }

  const prefix = "/api/v10";
  const rawPath = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : url.pathname;
  let path: string;
  try {
    path = rawPath.split("/").map(decodeURIComponent).join("/");
  } catch {
    path = rawPath;
  }
  const match = url.pathname.startsWith(`${prefix}/`) ? fake.spec?.match(method, path) : undefined;
  const template = match?.template ?? (fake.spec ? null : path);
  const parsed = await parseBody(String(req.headers["content-type"] ?? ""), raw);
  const record: RecordedRequest = {
    id: fake.nextRequestId(),
    method,
    route: `${method} ${template ?? path}`,
    template,
    path,
    params: match?.params ?? {},
    query: Object.fromEntries(url.searchParams),
    body: parsed.body,
    files: parsed.files.map((f) => ({
      field: f.field,
      filename: f.filename,
      size: f.data.length,
      contentType: f.contentType,
    })),
    authorized: req.headers.authorization === `Bot ${fake.token}`,
    status: 0,
    response: undefined,
    receivedAt,
    answeredAt: 0,
  };
  if (typeof req.headers["x-audit-log-reason"] === "string") {
    record.auditLogReason = decodeURIComponent(req.headers["x-audit-log-reason"]);
  }
  fake.requests.push(record);

  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    record.status = status;
    record.response = body;
    send(res, status, status === 204 ? undefined : body, headers);
    record.answeredAt = performance.now();
    fake.changed();
  };

  // Unknown routes: 404 at once, and a violation when the spec does not have the path.
  if (!url.pathname.startsWith(`${prefix}/`) || (fake.spec && !match)) {
    fake.violations.push({
      kind: "not-in-spec",
      method,
      path,
      route: record.route,
      body: parsed.body,
      errors: [],
    });
    answer(404, { message: "404: Not Found", code: 0 });
    return;
  }
  if (fake.spec && match && !match.operation) {
    fake.violations.push({
      kind: "method-not-in-spec",
      method,
      path,
      route: record.route,
      body: parsed.body,
      errors: [],
    });
    answer(405, { message: "405: Method Not Allowed", code: 0 });
    return;
  }
  const params = match?.params ?? {};
  const needsBot = template
    ? !template.startsWith("/interactions/") && !template.startsWith("/webhooks/{webhook_id}/{webhook_token}")
    : true;
  if (needsBot && !record.authorized) {
    answer(401, { message: "401: Unauthorized", code: 0 });
    return;
  }

  const failure = fake.limiter.takeFailure(record.route);
  if (failure) {
    if (failure.status === 429) {
      const retryAfter = failure.retryAfter ?? 0.05;
      const scope = failure.scope ?? "user";
      answer(
        429,
        failure.body ?? {
          message: "You are being rate limited.",
          retry_after: retryAfter,
          global: scope === "global",
        },
        {
          "Retry-After": String(retryAfter),
          "X-RateLimit-Scope": scope,
          ...(scope === "global" ? { "X-RateLimit-Global": "true" } : {}),
        },
      );
    } else {
      answer(failure.status, failure.body ?? { message: `${failure.status}: Scripted failure`, code: 0 });
    }
    return;
  }

  const exemptFromGlobal = !needsBot;
  const decision = fake.limiter.check(record.route, params, exemptFromGlobal);
  if (decision.limited) {
    const { retryAfter, global, scope } = decision.limited;
    answer(
      429,
      {
        message: "You are being rate limited.",
        retry_after: Number(retryAfter.toFixed(3)),
        global,
        code: 0,
      },
      { ...decision.headers, "Retry-After": retryAfter.toFixed(3), "X-RateLimit-Scope": scope },
    );
    return;
  }

  if (parsed.invalid) {
    answer(400, { message: "The request body contains invalid JSON.", code: 50109 }, decision.headers);
    return;
  }
  if (fake.spec && template) {
    const errors = fake.spec.validateRequest(method, template, parsed.body);
    if (errors) {
      fake.violations.push({
        kind: "request-body",
        method,
        path,
        route: record.route,
        body: parsed.body,
        errors,
      });
      if (fake.options.rejectInvalid !== false) {
        answer(
          400,
          { code: 50035, message: "Invalid Form Body", errors: discordFormErrors(errors) },
          decision.headers,
        );
        return;
      }
    }
  }

  const handler: Handler | undefined = routes[record.route];
  if (!handler) {
    fake.unhandled.push(record);
    answer(404, { message: "404: Not Found", code: 0 }, decision.headers);
    return;
  }
  let status: number;
  let body: unknown;
  try {
    const out = await handler({
      fake,
      params,
      query: url.searchParams,
      body: parsed.body,
      files: parsed.files,
      receivedAt,
    });
    status = out.status;
    body = out.body;
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    status = error.status;
    body = { message: error.message, code: error.code };
  }
  if (fake.options.validateResponses && fake.spec && template && status < 300 && body !== undefined) {
    const errors = fake.spec.validateResponse(method, template, status, body);
    if (errors) fake.responseViolations.push({ route: record.route, status, body, errors });
  }
  answer(status, body, decision.headers);
}
