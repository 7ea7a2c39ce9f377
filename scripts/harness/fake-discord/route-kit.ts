/** What route handlers share: their context and result, Discord's JSON errors, message posting. */
import type { UploadedFile } from "./messages.ts";
import type { FakeDiscord } from "./server.ts";
import { type ApiMessage, isThreadType } from "./types.ts";

export interface RouteContext {
  fake: FakeDiscord;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (or `payload_json` of a multipart body). */
  body: unknown;
  files: UploadedFile[];
  /** performance.now() when the request arrived. */
  receivedAt: number;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export type Handler = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

/** A Discord JSON error: `{ code, message }` with an HTTP status. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: number;
  constructor(status: number, code: number, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const unknown = {
  channel: () => new HttpError(404, 10003, "Unknown Channel"),
  guild: () => new HttpError(404, 10004, "Unknown Guild"),
  member: () => new HttpError(404, 10007, "Unknown Member"),
  message: () => new HttpError(404, 10008, "Unknown Message"),
  role: () => new HttpError(404, 10011, "Unknown Role"),
  user: () => new HttpError(404, 10013, "Unknown User"),
  webhook: () => new HttpError(404, 10015, "Unknown Webhook"),
  event: () => new HttpError(404, 10070, "Unknown Guild Scheduled Event"),
  command: () => new HttpError(404, 10063, "Unknown application command"),
  interaction: () => new HttpError(404, 10062, "Unknown interaction"),
};

/** Stores a message, bumps last_message_id, dispatches MESSAGE_CREATE. */
export function postMessage(fake: FakeDiscord, message: ApiMessage, dispatch = true): ApiMessage {
  const { store } = fake;
  store.channelMessages(message.channel_id).set(message.id, message);
  const channel = store.channels.get(message.channel_id);
  if (channel) {
    channel.last_message_id = message.id;
    if (isThreadType(channel.type)) {
      channel.message_count = Number(channel.message_count ?? 0) + 1;
      channel.total_message_sent = Number(channel.total_message_sent ?? 0) + 1;
    }
  }
  if (dispatch && !(message.flags & 64)) {
    const guild = store.guildOf(channel);
    const member = guild?.getMember(message.author.id);
    const extra: Record<string, unknown> = {};
    if (member) {
      const { user: _user, ...rest } = member;
      extra.member = rest;
    }
    fake.gateway.dispatch("MESSAGE_CREATE", { ...message, ...extra });
  }
  return message;
}
