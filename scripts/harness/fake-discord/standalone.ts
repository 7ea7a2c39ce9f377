/**
 * The fake Discord in its own process, for benchmarks that must not count the fake's
 * CPU and memory against the bot. The parent forks this file (with tsx), the child
 * starts `startFakeDiscord(options)` and reports its URLs over IPC; the parent then
 * drives it through the control API (`/_fake/...`, see control.ts).
 *
 * ```ts
 * const fake = await startFakeDiscordProcess({ memberCount: 50_000 });
 * const client = new Client({ intents, rest: { api: fake.apiUrl } });
 * await client.login(fake.token);
 * const run = await fake.sendSlashCommand({ name: "ping" });
 * const reply = await run.finalReply();
 * const { latencyMs } = await run.record();   // dispatch → callback, measured in the child
 * await fake.close();
 * ```
 *
 * The API mirrors the in-process `FakeDiscord` where practical; every method returns a
 * promise, and option objects must be JSON (no functions, no bigint: pass permission
 * bitfields as strings).
 */
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { InteractionSnapshot } from "./control.ts";
import type {
  AutocompleteOptions,
  ComponentOptions,
  InteractionCallback,
  ModalSubmitOptions,
  SelectOptions,
  SlashCommandOptions,
} from "./interactions.ts";
import type { FailRule } from "./ratelimit.ts";
import type { FakeDiscordOptions, RecordedRequest, SpecViolation } from "./server.ts";
import type { ApiChannel, ApiMember, ApiMessage, ApiRole, ApiUser } from "./types.ts";

const THIS_FILE = fileURLToPath(import.meta.url);

interface ReadyMessage {
  type: "ready";
  baseUrl: string;
  apiUrl: string;
  gatewayUrl: string;
  token: string;
  applicationId: string;
  guildId: string;
  startMs: number;
}

/** An interaction sent to the bot through a fake in another process. */
export class RemoteInteractionHandle {
  readonly id: string;
  readonly token: string;
  private readonly fake: RemoteFakeDiscord;

  constructor(fake: RemoteFakeDiscord, snap: InteractionSnapshot) {
    this.fake = fake;
    this.id = snap.id;
    this.token = snap.token;
  }

  private async wait(wait: string, timeoutMs: number, extra = ""): Promise<InteractionSnapshot> {
    const snap = await this.fake.control<InteractionSnapshot>(
      "GET",
      `/interactions/${this.id}?wait=${wait}&timeout=${timeoutMs}${extra}`,
    );
    if (snap.waitError) throw new Error(snap.waitError);
    return snap;
  }

  /** The current record (dispatchedAt, callbackAt, latencyMs, callback, original, follow-ups, errors). */
  record(): Promise<InteractionSnapshot> {
    return this.wait("none", 0);
  }

  async response(timeoutMs = 5_000): Promise<InteractionCallback> {
    return (await this.wait("response", timeoutMs)).callback as InteractionCallback;
  }

  async finalReply(timeoutMs = 10_000): Promise<ApiMessage> {
    return (await this.wait("final", timeoutMs)).original as ApiMessage;
  }

  async followUp(n = 1, timeoutMs = 10_000): Promise<ApiMessage> {
    return (await this.wait("followup", timeoutMs, `&n=${n}`)).followUps[n - 1] as ApiMessage;
  }

  async modal(timeoutMs = 5_000): Promise<Record<string, unknown>> {
    const cb = await this.response(timeoutMs);
    if (cb.type !== 9) throw new Error(`expected a modal, got callback type ${cb.type}`);
    return cb.data ?? {};
  }

  async choices(timeoutMs = 5_000): Promise<Array<{ name: string; value: string | number }>> {
    const cb = await this.response(timeoutMs);
    if (cb.type !== 8) throw new Error(`expected choices, got callback type ${cb.type}`);
    return (cb.data?.choices as Array<{ name: string; value: string | number }> | undefined) ?? [];
  }
}

/** A fake Discord running in a child process (see {@link startFakeDiscordProcess}). */
export class RemoteFakeDiscord {
  readonly baseUrl: string;
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  /** The default guild's id. */
  readonly guildId: string;
  /** Time the child took from its start to listening (ms, includes loading the spec). */
  readonly startMs: number;
  readonly child: ChildProcess;

  constructor(child: ChildProcess, ready: ReadyMessage) {
    this.child = child;
    this.baseUrl = ready.baseUrl;
    this.apiUrl = ready.apiUrl;
    this.gatewayUrl = ready.gatewayUrl;
    this.token = ready.token;
    this.applicationId = ready.applicationId;
    this.guildId = ready.guildId;
    this.startMs = ready.startMs;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Calls the control API (`/_fake` + path). */
  async control<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/_fake${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status === 204) return undefined as T;
    const json = (await res.json()) as T & { message?: string };
    if (!res.ok)
      throw new Error(`fake-discord control ${method} ${path}: ${res.status} ${json.message ?? ""}`);
    return json;
  }

  info(): Promise<Record<string, unknown>> {
    return this.control("GET", "/info");
  }

  /** Recorded REST requests (with id > since). */
  requests(since = 0): Promise<RecordedRequest[]> {
    return this.control("GET", `/requests?since=${since}`);
  }

  violations(): Promise<SpecViolation[]> {
    return this.control("GET", "/violations");
  }

  clearLog(): Promise<void> {
    return this.control("POST", "/clear-log");
  }

  addMember(init: Parameters<import("./server.ts").FakeDiscord["addMember"]>[0] = {}): Promise<ApiMember> {
    return this.control("POST", "/members", init);
  }

  removeMember(userId: string): Promise<void> {
    return this.control("DELETE", `/members/${userId}`);
  }

  createChannel(init: {
    name: string;
    type?: number;
    parentId?: string;
    [raw: string]: unknown;
  }): Promise<ApiChannel> {
    return this.control("POST", "/channels", init);
  }

  createRole(init: { name: string; permissions?: string; color?: number }): Promise<ApiRole> {
    return this.control("POST", "/roles", init);
  }

  sendUserMessage(init: {
    channelId: string;
    user?: ApiUser | string;
    content: string;
  }): Promise<ApiMessage> {
    return this.control("POST", "/messages", init);
  }

  messages(channelId: string): Promise<ApiMessage[]> {
    return this.control("GET", `/channels/${channelId}/messages`);
  }

  guild(guildId?: string): Promise<Record<string, unknown>> {
    return this.control("GET", guildId ? `/guilds/${guildId}` : "/guilds");
  }

  commands(): Promise<Array<Record<string, unknown>>> {
    return this.control("GET", "/commands");
  }

  private async interact(kind: string, body: unknown): Promise<RemoteInteractionHandle> {
    return new RemoteInteractionHandle(
      this,
      await this.control<InteractionSnapshot>("POST", `/interactions/${kind}`, body),
    );
  }

  sendSlashCommand(opts: SlashCommandOptions): Promise<RemoteInteractionHandle> {
    return this.interact("slash", opts);
  }

  autocomplete(opts: AutocompleteOptions): Promise<RemoteInteractionHandle> {
    return this.interact("autocomplete", opts);
  }

  clickButton(opts: ComponentOptions): Promise<RemoteInteractionHandle> {
    return this.interact("button", opts);
  }

  selectMenu(opts: SelectOptions): Promise<RemoteInteractionHandle> {
    return this.interact("select", opts);
  }

  submitModal(
    opts: Omit<ModalSubmitOptions, "modal"> & { modal?: RemoteInteractionHandle },
  ): Promise<RemoteInteractionHandle> {
    const { modal, ...rest } = opts;
    return this.interact("modal", { ...rest, ...(modal ? { modalInteractionId: modal.id } : {}) });
  }

  failNext(rule: FailRule & { route: string }): Promise<void> {
    return this.control("POST", "/fail-next", rule);
  }

  setRateLimits(enabled: boolean): Promise<void> {
    return this.control("POST", "/rate-limits", { enabled });
  }

  gatewayFrames(t?: string): Promise<Array<{ op: number; t: string | null; s: number | null; at: number }>> {
    return this.control("GET", `/gateway/sent${t ? `?t=${t}` : ""}`);
  }

  /** Stops the child (it closes the fake first) and waits for it to exit. */
  async close(): Promise<void> {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    if (child.connected) child.send({ type: "close" });
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * Starts the fake Discord in a child process (node + tsx) and resolves once it listens.
 * Options are those of `startFakeDiscord` (JSON-serializable: permissions as strings).
 */
export async function startFakeDiscordProcess(options: FakeDiscordOptions = {}): Promise<RemoteFakeDiscord> {
  const child = fork(THIS_FILE, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, FAKE_DISCORD_CHILD: "1", FAKE_DISCORD_OPTIONS: JSON.stringify(options) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = await new Promise<ReadyMessage>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`fake-discord child exited early (code ${code})`));
    child.once("exit", onExit);
    child.once("error", reject);
    child.on("message", (message: { type?: string }) => {
      if (message?.type === "ready") {
        child.off("exit", onExit);
        resolve(message as ReadyMessage);
      }
    });
  });
  // The IPC channel must not keep the parent alive.
  child.unref();
  (child as unknown as { channel?: { unref(): void } }).channel?.unref();
  return new RemoteFakeDiscord(child, ready);
}

async function runChild(): Promise<void> {
  const t0 = performance.now();
  const { FakeDiscord } = await import("./server.ts");
  const options = JSON.parse(process.env.FAKE_DISCORD_OPTIONS ?? "{}") as FakeDiscordOptions;
  const fake = await new FakeDiscord(options).listen();
  const stop = async () => {
    await fake.close();
    process.disconnect?.();
    process.exit(0);
  };
  process.on("message", (message: { type?: string }) => {
    if (message?.type === "close") void stop();
  });
  process.on("disconnect", () => void stop());
  process.send?.({
    type: "ready",
    baseUrl: fake.baseUrl,
    apiUrl: fake.apiUrl,
    gatewayUrl: fake.gatewayUrl,
    token: fake.token,
    applicationId: fake.applicationId,
    guildId: fake.guild.id,
    startMs: performance.now() - t0,
  } satisfies ReadyMessage);
}

if (process.env.FAKE_DISCORD_CHILD === "1" && process.send && process.argv[1] === THIS_FILE) {
  void runChild();
}
