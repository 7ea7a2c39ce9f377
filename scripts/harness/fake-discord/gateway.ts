import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import type { GuildState, Store } from "./state.ts";
import { Intent } from "./types.ts";

/** Gateway opcodes used by the fake. */
export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** Which intent an event needs (events not listed need none, e.g. READY, INTERACTION_CREATE). */
const EVENT_INTENTS: Record<string, number> = {
  GUILD_CREATE: Intent.Guilds,
  GUILD_UPDATE: Intent.Guilds,
  GUILD_DELETE: Intent.Guilds,
  GUILD_ROLE_CREATE: Intent.Guilds,
  GUILD_ROLE_UPDATE: Intent.Guilds,
  GUILD_ROLE_DELETE: Intent.Guilds,
  CHANNEL_CREATE: Intent.Guilds,
  CHANNEL_UPDATE: Intent.Guilds,
  CHANNEL_DELETE: Intent.Guilds,
  THREAD_CREATE: Intent.Guilds,
  THREAD_UPDATE: Intent.Guilds,
  THREAD_DELETE: Intent.Guilds,
  THREAD_MEMBER_UPDATE: Intent.Guilds,
  GUILD_MEMBER_ADD: Intent.GuildMembers,
  GUILD_MEMBER_UPDATE: Intent.GuildMembers,
  GUILD_MEMBER_REMOVE: Intent.GuildMembers,
  THREAD_MEMBERS_UPDATE: Intent.GuildMembers,
  GUILD_SCHEDULED_EVENT_CREATE: Intent.GuildScheduledEvents,
  GUILD_SCHEDULED_EVENT_UPDATE: Intent.GuildScheduledEvents,
  GUILD_SCHEDULED_EVENT_DELETE: Intent.GuildScheduledEvents,
};

const MESSAGE_EVENTS = new Set(["MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK"]);

/** One frame sent to a client, as recorded in {@link Gateway.sent}. */
export interface SentFrame {
  op: number;
  t: string | null;
  s: number | null;
  /** performance.now() when the frame was written to the socket. */
  at: number;
  sessionId: string | null;
}

interface Session {
  id: string;
  ws: WebSocket | null;
  seq: number;
  intents: number;
  largeThreshold: number;
  shard: [number, number];
  /** Recent dispatches, for RESUME. */
  backlog: Array<{ s: number; frame: string }>;
}

export interface GatewayHost {
  store: Store;
  token: string;
  /** The URL clients connect to (also sent as resume_gateway_url). */
  gatewayUrl(): string;
}

const BACKLOG = 2_000;
export const HEARTBEAT_INTERVAL = 41_250;
export const CHUNK_SIZE = 1_000;

/**
 * The fake gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME,
 * REQUEST_GUILD_MEMBERS → GUILD_MEMBERS_CHUNK, and dispatches with increasing `s`
 * filtered by the session's intents.
 */
export class Gateway {
  readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  /** Every frame sent (op, event name, sequence, time); cleared by `clearLog()`. */
  readonly sent: SentFrame[] = [];
  /** Every frame received from clients (op and data). */
  readonly received: Array<{ op: number; d: unknown; at: number }> = [];
  private readonly readyWaiters: Array<() => void> = [];
  private readonly host: GatewayHost;
  private closing = false;

  constructor(host: GatewayHost) {
    this.host = host;
    this.wss.on("connection", (ws) => this.onConnection(ws));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closing) {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit("connection", ws, req));
  }

  /** Number of identified sessions with an open socket. */
  get connectedSessions(): number {
    let n = 0;
    for (const s of this.sessions.values()) if (s.ws) n++;
    return n;
  }

  /** The identified sessions with an open socket, oldest first (a client's is added when it logs in). */
  sessionIds(): string[] {
    return [...this.sessions.values()].filter((s) => s.ws).map((s) => s.id);
  }

  /** Resolves once a client has identified and received READY (immediately if one has). */
  waitForIdentify(): Promise<void> {
    if (this.connectedSessions > 0) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  private onConnection(ws: WebSocket): void {
    let session: Session | null = null;
    this.write(ws, null, {
      op: Op.Hello,
      d: { heartbeat_interval: HEARTBEAT_INTERVAL, _trace: ["fake-discord"] },
    });
    ws.on("message", (raw: RawData) => {
      let frame: { op: number; d: unknown };
      try {
        frame = JSON.parse(raw.toString()) as { op: number; d: unknown };
      } catch {
        ws.close(4002, "Error while decoding payload.");
        return;
      }
      this.received.push({ op: frame.op, d: frame.d, at: performance.now() });
      switch (frame.op) {
        case Op.Heartbeat:
          this.write(ws, session, { op: Op.HeartbeatAck });
          break;
        case Op.Identify:
          session = this.identify(ws, frame.d as Record<string, unknown>);
          break;
        case Op.Resume:
          session = this.resume(ws, frame.d as Record<string, unknown>);
          break;
        case Op.RequestGuildMembers:
          if (session) this.requestGuildMembers(session, frame.d as Record<string, unknown>);
          break;
        default:
          break;
      }
    });
    ws.on("close", (code: number) => {
      if (!session || session.ws !== ws) return;
      session.ws = null;
      // A normal close (1000/1001) ends the session on Discord: it cannot be resumed.
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    });
    ws.on("error", () => {
      // A client that vanishes mid-frame; its "close" cleans up.
    });
  }

  private write(ws: WebSocket, session: Session | null, payload: Record<string, unknown>): number {
    const at = performance.now();
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ s: null, t: null, ...payload }));
    this.sent.push({
      op: payload.op as number,
      t: (payload.t as string | undefined) ?? null,
      s: (payload.s as number | undefined) ?? null,
      at,
      sessionId: session?.id ?? null,
    });
    return at;
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): Session | null {
    if (d.token !== this.host.token) {
      ws.close(4004, "Authentication failed.");
      return null;
    }
    const threshold = typeof d.large_threshold === "number" ? d.large_threshold : 50;
    const shard = Array.isArray(d.shard) ? (d.shard as [number, number]) : [0, 1];
    const session: Session = {
      id: randomBytes(16).toString("hex"),
      ws,
      seq: 0,
      intents: typeof d.intents === "number" ? d.intents : 0,
      largeThreshold: Math.min(250, Math.max(50, threshold)),
      shard: [shard[0] ?? 0, shard[1] ?? 1],
      backlog: [],
    };
    this.sessions.set(session.id, session);
    const { store } = this.host;
    this.dispatchTo(session, "READY", {
      v: 10,
      user: { ...store.bot, verified: true, mfa_enabled: false, email: null },
      user_settings: {},
      guilds: [...store.guilds.keys()].map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.host.gatewayUrl(),
      shard: session.shard,
      application: { id: store.applicationId, flags: (1 << 15) | (1 << 19) | (1 << 23) },
      private_channels: [],
      relationships: [],
      presences: [],
      geo_ordered_rtc_regions: [],
      guild_join_requests: [],
      auth: {},
      _trace: ["fake-discord"],
    });
    for (const guild of store.guilds.values()) {
      if (session.intents & Intent.Guilds) {
        this.dispatchTo(session, "GUILD_CREATE", guild.toGatewayGuild(session.largeThreshold, store.bot.id));
      }
    }
    for (const resolve of this.readyWaiters.splice(0)) resolve();
    return session;
  }

  private resume(ws: WebSocket, d: Record<string, unknown>): Session | null {
    const session = this.sessions.get(String(d.session_id));
    if (!session || d.token !== this.host.token) {
      this.write(ws, null, { op: Op.InvalidSession, d: false });
      return null;
    }
    session.ws = ws;
    const seq = typeof d.seq === "number" ? d.seq : 0;
    for (const entry of session.backlog) {
      if (entry.s > seq && ws.readyState === ws.OPEN) ws.send(entry.frame);
    }
    this.dispatchTo(session, "RESUMED", { _trace: ["fake-discord"] });
    return session;
  }

  private requestGuildMembers(session: Session, d: Record<string, unknown>): void {
    const guildIds = Array.isArray(d.guild_id) ? (d.guild_id as string[]) : [String(d.guild_id)];
    const nonce = typeof d.nonce === "string" ? d.nonce : undefined;
    for (const guildId of guildIds) {
      const guild = this.host.store.guilds.get(guildId);
      if (!guild) continue;
      this.sendChunks(session, guild, d, nonce);
    }
  }

  private sendChunks(
    session: Session,
    guild: GuildState,
    d: Record<string, unknown>,
    nonce: string | undefined,
  ) {
    const limit = typeof d.limit === "number" ? d.limit : 0;
    const members: unknown[] = [];
    const notFound: string[] = [];
    if (Array.isArray(d.user_ids)) {
      for (const id of (d.user_ids as string[]).slice(0, 100)) {
        const m = guild.getMember(id);
        if (m) members.push(m);
        else notFound.push(id);
      }
    } else {
      const query = String(d.query ?? "").toLowerCase();
      const max = query === "" && limit === 0 ? Number.POSITIVE_INFINITY : Math.min(limit || 100, 100);
      for (const m of guild.allMembers()) {
        if (members.length >= max) break;
        if (
          query === "" ||
          m.user.username.toLowerCase().startsWith(query) ||
          m.nick?.toLowerCase().startsWith(query)
        )
          members.push(m);
      }
    }
    const chunkCount = Math.max(1, Math.ceil(members.length / CHUNK_SIZE));
    let index = 0;
    // One chunk per macrotask, like a stream from Discord, so a 50,000-member guild
    // does not block the event loop of the process hosting the fake.
    const sendNext = () => {
      if (!session.ws || this.closing) return;
      const chunk = members.slice(index * CHUNK_SIZE, (index + 1) * CHUNK_SIZE);
      this.dispatchTo(session, "GUILD_MEMBERS_CHUNK", {
        guild_id: guild.id,
        members: chunk,
        chunk_index: index,
        chunk_count: chunkCount,
        ...(notFound.length && index === 0 ? { not_found: notFound } : {}),
        ...(nonce !== undefined ? { nonce } : {}),
      });
      index += 1;
      if (index < chunkCount) setImmediate(sendNext);
    };
    sendNext();
  }

  private dispatchTo(session: Session, t: string, d: unknown): number {
    session.seq += 1;
    const s = session.seq;
    const frame = JSON.stringify({ op: Op.Dispatch, t, s, d });
    session.backlog.push({ s, frame });
    if (session.backlog.length > BACKLOG) session.backlog.splice(0, session.backlog.length - BACKLOG);
    const at = performance.now();
    if (session.ws && session.ws.readyState === session.ws.OPEN) session.ws.send(frame);
    this.sent.push({ op: Op.Dispatch, t, s, at, sessionId: session.id });
    return at;
  }

  /**
   * Sends an event to every identified session whose intents allow it. Message events
   * need GUILD_MESSAGES (guild) or DIRECT_MESSAGES (DM); without MESSAGE_CONTENT the
   * content of messages not written by the bot is blanked, as Discord does.
   * With `only`, the event goes to that session alone.
   * Returns performance.now() at the last send (or undefined when nobody got it).
   */
  dispatch(t: string, d: Record<string, unknown>, only?: string): number | undefined {
    let at: number | undefined;
    for (const session of this.sessions.values()) {
      if (!session.ws || (only !== undefined && session.id !== only)) continue;
      let payload: Record<string, unknown> = d;
      if (MESSAGE_EVENTS.has(t)) {
        const need = d.guild_id ? Intent.GuildMessages : Intent.DirectMessages;
        if (!(session.intents & need)) continue;
        const author = d.author as { id?: string } | undefined;
        if (
          t !== "MESSAGE_DELETE" &&
          !(session.intents & Intent.MessageContent) &&
          author?.id !== this.host.store.bot.id &&
          d.guild_id
        ) {
          payload = { ...d, content: "", embeds: [], attachments: [], components: [] };
        }
      } else {
        const need = EVENT_INTENTS[t];
        if (need !== undefined && !(session.intents & need)) continue;
      }
      at = this.dispatchTo(session, t, payload);
    }
    return at;
  }

  /** Closes every client connection (code 1000 unless told) — e.g. to test reconnects. */
  disconnectAll(code = 4000): void {
    for (const s of this.sessions.values()) s.ws?.close(code, "fake-discord disconnect");
  }

  clearLog(): void {
    this.sent.length = 0;
    this.received.length = 0;
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.sessions.clear();
  }
}
