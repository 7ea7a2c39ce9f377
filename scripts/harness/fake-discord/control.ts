import { InteractionHandle, type InteractionRecord, type ModalSubmitOptions } from "./interactions.ts";
import type { FailRule } from "./ratelimit.ts";
import type { FakeDiscord } from "./server.ts";

/**
 * The control API under `/_fake/...` on the fake's own HTTP server: everything a test
 * does in-process, as JSON over HTTP, so a benchmark can run the fake in another
 * process (see standalone.ts). Not part of Discord's API; never rate limited or
 * validated; not recorded in `fake.requests`.
 *
 * Routes (JSON bodies and answers):
 * - GET  /_fake/info — urls, token, application id, default guild id, spec timings
 * - GET  /_fake/requests?since=N — recorded requests with id > N
 * - GET  /_fake/violations | /_fake/response-violations | /_fake/unhandled
 * - POST /_fake/clear-log
 * - POST /_fake/members (addMember init) · DELETE /_fake/members/{userId}
 * - POST /_fake/channels (createChannel init) · POST /_fake/roles (createRole init)
 * - POST /_fake/messages (sendUserMessage init) · GET /_fake/channels/{id}/messages
 * - GET  /_fake/guilds/{id}? — guild summary (counts) · GET /_fake/commands
 * - POST /_fake/interactions/{slash|autocomplete|button|select|modal} → interaction snapshot
 *   (modal: `{ modalInteractionId, fields }` reuses the interaction answered with the modal)
 * - GET  /_fake/interactions/{id}?wait=none|response|final|followup&n=1&timeout=ms → snapshot
 * - POST /_fake/fail-next (FailRule with a string route) · POST /_fake/rate-limits `{ enabled }`
 * - GET  /_fake/gateway/sent?t=EVENT — gateway frames sent (op, t, s, at)
 */

type Json = Record<string, unknown>;

export interface InteractionSnapshot {
  id: string;
  token: string;
  type: number;
  dispatchedAt?: number;
  callbackAt?: number;
  latencyMs?: number;
  callback?: InteractionRecord["callback"];
  original?: unknown;
  followUps: unknown[];
  errors: InteractionRecord["errors"];
  /** Set when the awaited condition failed (timeout, modal instead of message...). */
  waitError?: string;
}

export function snapshot(fake: FakeDiscord, record: InteractionRecord): InteractionSnapshot {
  const handle = new InteractionHandle(fake, record);
  return {
    id: record.id,
    token: record.token,
    type: record.type,
    ...(record.dispatchedAt !== undefined ? { dispatchedAt: record.dispatchedAt } : {}),
    ...(record.callbackAt !== undefined ? { callbackAt: record.callbackAt } : {}),
    ...(handle.latencyMs !== undefined ? { latencyMs: handle.latencyMs } : {}),
    ...(record.callback ? { callback: record.callback } : {}),
    ...(handle.original() ? { original: handle.original() } : {}),
    followUps: handle.followUps(),
    errors: record.errors,
  };
}

const notFound = { status: 404, body: { message: "404: Not Found", code: 0 } };

export async function handleControl(
  fake: FakeDiscord,
  method: string,
  url: URL,
  raw: Buffer,
): Promise<{ status: number; body?: unknown }> {
  const parts = url.pathname.split("/").slice(2).map(decodeURIComponent);
  const route = `${method} /${parts.map((p, i) => (i > 0 && /^\d+$/.test(p) ? ":id" : p)).join("/")}`;
  let body: Json = {};
  if (raw.length) body = JSON.parse(raw.toString("utf8")) as Json;
  const q = url.searchParams;
  try {
    switch (route) {
      case "GET /info":
        return {
          status: 200,
          body: {
            apiUrl: fake.apiUrl,
            gatewayUrl: fake.gatewayUrl,
            token: fake.token,
            applicationId: fake.applicationId,
            guildId: fake.guild.id,
            guildIds: [...fake.store.guilds.keys()],
            bot: fake.bot,
            specTimings: fake.spec?.timings ?? null,
            specCompileMs: fake.spec?.compileMs ?? 0,
            pid: process.pid,
          },
        };
      case "GET /requests": {
        const since = Number(q.get("since") ?? 0);
        return { status: 200, body: fake.requests.filter((r) => r.id > since) };
      }
      case "GET /violations":
        return { status: 200, body: fake.violations };
      case "GET /response-violations":
        return { status: 200, body: fake.responseViolations };
      case "GET /unhandled":
        return { status: 200, body: fake.unhandled };
      case "POST /clear-log":
        fake.clearLog();
        return { status: 204 };
      case "POST /members":
        return { status: 200, body: fake.addMember(body) };
      case "DELETE /members/:id":
        fake.removeMember(parts[2] ?? "", q.get("guildId") ?? undefined);
        return { status: 204 };
      case "POST /channels":
        return { status: 200, body: fake.createChannel(body as Parameters<FakeDiscord["createChannel"]>[0]) };
      case "POST /roles":
        return { status: 200, body: fake.createRole(body as Parameters<FakeDiscord["createRole"]>[0]) };
      case "POST /messages":
        return {
          status: 200,
          body: fake.sendUserMessage(body as Parameters<FakeDiscord["sendUserMessage"]>[0]),
        };
      case "GET /channels/:id/messages":
        return { status: 200, body: fake.messages(parts[1] ?? "") };
      case "GET /commands":
        return { status: 200, body: fake.commands(q.get("guildId") ?? undefined) };
      case "GET /guilds":
      case "GET /guilds/:id": {
        const guild = parts[1] ? fake.store.guilds.get(parts[1]) : fake.guild;
        if (!guild) return notFound;
        return {
          status: 200,
          body: {
            id: guild.id,
            name: guild.name,
            memberCount: guild.memberCount,
            explicitMembers: guild.members.size,
            roles: [...guild.roles.values()],
            channels: [...guild.channels.values()],
            threads: [...guild.threads.values()],
            scheduledEvents: [...guild.scheduledEvents.values()],
          },
        };
      }
      case "POST /interactions/slash":
        return { status: 200, body: snapshot(fake, fake.sendSlashCommand(body as never).record) };
      case "POST /interactions/autocomplete":
        return { status: 200, body: snapshot(fake, fake.autocomplete(body as never).record) };
      case "POST /interactions/button":
        return { status: 200, body: snapshot(fake, fake.clickButton(body as never).record) };
      case "POST /interactions/select":
        return { status: 200, body: snapshot(fake, fake.selectMenu(body as never).record) };
      case "POST /interactions/modal": {
        const { modalInteractionId, ...rest } = body;
        const from = modalInteractionId ? fake.interactions.get(String(modalInteractionId)) : undefined;
        const handle = fake.submitModal({
          ...(rest as unknown as ModalSubmitOptions),
          ...(from ? { modal: new InteractionHandle(fake, from) } : {}),
        });
        return { status: 200, body: snapshot(fake, handle.record) };
      }
      case "GET /interactions/:id": {
        const record = fake.interactions.get(parts[1] ?? "");
        if (!record) return notFound;
        const handle = new InteractionHandle(fake, record);
        const timeout = Number(q.get("timeout") ?? 10_000);
        const wait = q.get("wait") ?? "none";
        let waitError: string | undefined;
        try {
          if (wait === "response") await handle.response(timeout);
          else if (wait === "final") await handle.finalReply(timeout);
          else if (wait === "followup") await handle.followUp(Number(q.get("n") ?? 1), timeout);
        } catch (error) {
          waitError = error instanceof Error ? error.message : String(error);
        }
        return { status: 200, body: { ...snapshot(fake, record), ...(waitError ? { waitError } : {}) } };
      }
      case "POST /fail-next":
        fake.failNext(body as unknown as FailRule);
        return { status: 204 };
      case "POST /rate-limits":
        fake.setRateLimits(Boolean(body.enabled));
        return { status: 204 };
      case "GET /gateway/sent": {
        const t = q.get("t");
        return { status: 200, body: t ? fake.gateway.sent.filter((f) => f.t === t) : fake.gateway.sent };
      }
      default:
        return notFound;
    }
  } catch (error) {
    return {
      status: 400,
      body: { message: error instanceof Error ? error.message : String(error), code: 0 },
    };
  }
}
