import { snowflake } from "./snowflake.ts";
import { now, type Store } from "./state.ts";
import type { ApiAttachment, ApiMessage, ApiUser } from "./types.ts";

/** A file received in a multipart/form-data request. */
export interface UploadedFile {
  /** Form field name, e.g. "files[0]". */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

const SELECTS = new Set([3, 5, 6, 7, 8]);

/**
 * Components as Discord returns them: every component gets a numeric `id` (in
 * document order) when it had none, selects get their min/max defaults.
 */
export function normalizeComponents(components: unknown): Record<string, unknown>[] {
  if (!Array.isArray(components)) return [];
  let next = 1;
  const walk = (c: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...c };
    if (typeof out.id !== "number") out.id = next;
    next = Math.max(next, out.id as number) + 1;
    if (SELECTS.has(out.type as number)) {
      out.min_values ??= 1;
      out.max_values ??= 1;
      if (out.type === 3) out.options ??= [];
    }
    if (Array.isArray(out.components))
      out.components = (out.components as Record<string, unknown>[]).map(walk);
    if (out.component && typeof out.component === "object")
      out.component = walk(out.component as Record<string, unknown>);
    if (out.accessory && typeof out.accessory === "object")
      out.accessory = walk(out.accessory as Record<string, unknown>);
    return out;
  };
  return (components as Record<string, unknown>[]).map(walk);
}

export function normalizeEmbeds(embeds: unknown): Record<string, unknown>[] {
  if (!Array.isArray(embeds)) return [];
  return (embeds as Record<string, unknown>[]).map((e) => {
    const out: Record<string, unknown> = { type: "rich" };
    for (const [k, v] of Object.entries(e)) if (v !== null && v !== undefined) out[k] = v;
    return out;
  });
}

/**
 * Attachments from a request: `attachments: [{ id, filename, description }]` in the
 * JSON, where a numeric id refers to the uploaded `files[id]` and a snowflake to an
 * attachment the message already has (for edits).
 */
export function buildAttachments(
  store: Store,
  baseUrl: string,
  channelId: string,
  requested: unknown,
  files: UploadedFile[],
  existing: ApiAttachment[] = [],
): ApiAttachment[] {
  const out: ApiAttachment[] = [];
  const byIndex = new Map<string, UploadedFile>();
  files.forEach((f, i) => {
    const m = /^files\[(\d+)\]$/.exec(f.field);
    byIndex.set(m?.[1] ?? String(i), f);
    if (!m) byIndex.set(f.field, f);
  });
  const used = new Set<UploadedFile>();
  const list = Array.isArray(requested) ? (requested as Record<string, unknown>[]) : undefined;
  if (list) {
    for (const entry of list) {
      const key = String(entry.id);
      const old = existing.find((a) => a.id === key);
      if (old) {
        out.push(old);
        continue;
      }
      const file = byIndex.get(key);
      if (!file) continue;
      used.add(file);
      out.push(storeFile(store, baseUrl, channelId, file, entry));
    }
  } else {
    out.push(...existing);
  }
  for (const file of files) if (!used.has(file)) out.push(storeFile(store, baseUrl, channelId, file, {}));
  return out;
}

function storeFile(
  store: Store,
  baseUrl: string,
  channelId: string,
  file: UploadedFile,
  entry: Record<string, unknown>,
): ApiAttachment {
  const id = snowflake();
  const filename = String(entry.filename ?? file.filename);
  store.files.set(id, { data: file.data, contentType: file.contentType, filename });
  const url = `${baseUrl}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
  return {
    id,
    filename,
    size: file.data.length,
    url,
    proxy_url: url,
    content_type: file.contentType,
    ...(typeof entry.description === "string" ? { description: entry.description } : {}),
  };
}

export interface NewMessage {
  channelId: string;
  guildId?: string | undefined;
  author: ApiUser;
  body: Record<string, unknown>;
  files?: UploadedFile[];
  /** Message type: 0 default, 19 reply, 20 chat input command, 23 context menu command. */
  type?: number;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: Record<string, unknown>;
  baseUrl: string;
}

/** Builds (but does not store) a message object from a create request. */
export function buildMessage(store: Store, init: NewMessage): ApiMessage {
  const body = init.body;
  const id = snowflake();
  const message: ApiMessage = {
    id,
    channel_id: init.channelId,
    type: init.type ?? (body.message_reference ? 19 : 0),
    author: init.author,
    content: typeof body.content === "string" ? body.content : "",
    embeds: normalizeEmbeds(body.embeds),
    components: normalizeComponents(body.components),
    attachments: buildAttachments(store, init.baseUrl, init.channelId, body.attachments, init.files ?? []),
    flags: typeof body.flags === "number" ? body.flags : 0,
    timestamp: now(),
    edited_timestamp: null,
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: Boolean(body.tts),
  };
  if (init.guildId) message.guild_id = init.guildId;
  if (init.webhookId) message.webhook_id = init.webhookId;
  if (init.applicationId) message.application_id = init.applicationId;
  if (init.interactionMetadata) message.interaction_metadata = init.interactionMetadata;
  if (body.message_reference && typeof body.message_reference === "object") {
    message.message_reference = {
      type: 0,
      channel_id: init.channelId,
      ...(body.message_reference as object),
    };
  }
  if (body.poll) message.poll = body.poll;
  if (body.nonce !== undefined) message.nonce = body.nonce;
  return message;
}

/** Applies an edit request (PATCH message / @original / update callback) in place. */
export function applyMessageEdit(
  store: Store,
  baseUrl: string,
  message: ApiMessage,
  body: Record<string, unknown>,
  files: UploadedFile[] = [],
): ApiMessage {
  if ("content" in body) message.content = typeof body.content === "string" ? body.content : "";
  if ("embeds" in body) message.embeds = normalizeEmbeds(body.embeds);
  if ("components" in body) message.components = normalizeComponents(body.components);
  if ("flags" in body && typeof body.flags === "number") message.flags = (message.flags & 64) | body.flags;
  if ("attachments" in body || files.length) {
    message.attachments = buildAttachments(
      store,
      baseUrl,
      message.channel_id,
      body.attachments,
      files,
      message.attachments,
    );
  }
  // An edit ends the "thinking…" state of a deferred response.
  message.flags &= ~128;
  message.edited_timestamp = now();
  return message;
}
