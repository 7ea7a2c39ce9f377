/**
 * The fake Discord in its own process, with a burst dispatcher for the interaction benchmark.
 *
 * `startFakeDiscordProcess` (scripts/harness/fake-discord/standalone.ts) drives its child through
 * HTTP, one interaction per request, so 500 interactions cannot leave "at once". This host runs
 * the same `startFakeDiscord` in a child, answers the same ready message (so the parent also gets
 * a {@link RemoteFakeDiscord} with the whole control API), and adds one IPC command that
 * dispatches N slash commands in one synchronous loop and reports each one's
 * dispatch → callback latency, measured in the child with `performance.now()`
 * (`dispatchedAt`: INTERACTION_CREATE written to the socket; `callbackAt`: callback request
 * received).
 */
import { type ChildProcess, fork } from "node:child_process";
import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import {
  type FakeDiscord,
  type FakeDiscordOptions,
  type InteractionHandle,
  RemoteFakeDiscord,
  startFakeDiscord,
} from "../../harness/fake-discord/index.ts";

const THIS_FILE = fileURLToPath(import.meta.url);

/** The slash command every measured interaction runs. */
export interface BenchCommand {
  name: string;
  subcommand?: string;
}

/** One measurement: `count` interactions, one at a time or all at once. */
export interface MeasureRequest {
  mode: "sequential" | "burst";
  count: number;
  /** Users to act as, in turn (a burst of N uses N different users when there are enough). */
  users: string[];
  command: BenchCommand;
  /** Sequential only: pause after each callback before the next dispatch. */
  gapMs: number;
  /** Give up waiting for callbacks after this long. */
  timeoutMs: number;
}

export interface MeasureResult {
  /** callbackAt − dispatchedAt per answered interaction, ms. */
  latencies: number[];
  unanswered: number;
  /** Callback type → count (4 reply, 5 deferred reply). */
  callbackTypes: Record<string, number>;
  /** Errors the fake answered (e.g. 10062 when later than interactionTimeoutMs). */
  errors: string[];
  /** Time from the first to the last dispatch of a burst, ms. */
  dispatchSpanMs: number;
}

type Request =
  | { id: number; type: "members"; count: number }
  | ({ id: number; type: "measure" } & MeasureRequest)
  | { id: number; type: "forget" };

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** What arrives from the child: its ready message or a reply. */
type ChildMessage = { type?: string; id?: number; ok?: boolean; value?: unknown; error?: string };

/** A request before it gets its id (distributes over the union). */
type Unsent<T> = T extends unknown ? Omit<T, "id"> : never;

/** The fake in its child process: the standard remote API plus benchmark commands. */
export interface BenchFake {
  remote: RemoteFakeDiscord;
  /** Adds `count` plain members to the default guild (before any bot connects) and returns their ids. */
  addMembers(count: number): Promise<string[]>;
  measure(request: MeasureRequest): Promise<MeasureResult>;
  close(): Promise<void>;
}

/** Starts the fake in a child process (node + tsx) and resolves once it listens. */
export async function startBenchFake(options: FakeDiscordOptions): Promise<BenchFake> {
  const child = fork(THIS_FILE, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_FAKE_CHILD: "1", BENCH_FAKE_OPTIONS: JSON.stringify(options) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  const ready = await new Promise<ConstructorParameters<typeof RemoteFakeDiscord>[1]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the fake's child did not start within 60 s")), 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the fake's child exited early (code ${code})`));
    });
    child.on("message", (message: ChildMessage) => {
      if (message.type === "ready") {
        clearTimeout(timer);
        resolve(message as ConstructorParameters<typeof RemoteFakeDiscord>[1]);
      } else if (typeof message.id === "number") {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) waiter?.resolve(message.value);
        else waiter?.reject(new Error(`fake host: ${message.error}`));
      }
    });
  });
  child.removeAllListeners("exit");
  child.once("exit", (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`the fake's child exited (code ${code})`));
    pending.clear();
  });
  child.unref();
  (child as ChildProcess & { channel?: { unref(): void } }).channel?.unref();

  const call = <T>(request: Unsent<Request>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      nextId += 1;
      pending.set(nextId, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...request, id: nextId });
    });

  const remote = new RemoteFakeDiscord(child, ready);
  return {
    remote,
    addMembers: (count) => call<string[]>({ type: "members", count }),
    measure: async (request) => {
      const result = await call<MeasureResult>({ type: "measure", ...request });
      // Interaction records and their messages are dropped between runs, so a bot measured later
      // does not meet a fake with a bigger heap than the one measured first.
      await call({ type: "forget" });
      return result;
    },
    close: () => remote.close(),
  };
}

// ---------------------------------------------------------------- child

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits (polling, so the fake's own event loop carries no extra listeners) until `done()`. */
async function pollUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

/** Waits until no REST request has arrived for `quietMs` (bounded). */
async function settle(fake: FakeDiscord, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let seen = fake.requests.length;
  let quietSince = performance.now();
  while (performance.now() < deadline) {
    await sleep(20);
    const open = fake.requests.some((r) => r.answeredAt === 0);
    if (fake.requests.length !== seen || open) {
      seen = fake.requests.length;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= quietMs) return;
  }
}

function summarise(handles: InteractionHandle[], dispatchSpanMs: number): MeasureResult {
  const latencies: number[] = [];
  const callbackTypes: Record<string, number> = {};
  const errors: string[] = [];
  let unanswered = 0;
  for (const handle of handles) {
    const latency = handle.latencyMs;
    if (latency === undefined) unanswered += 1;
    else latencies.push(latency);
    const type = handle.record.callback?.type;
    if (type !== undefined) callbackTypes[type] = (callbackTypes[type] ?? 0) + 1;
    for (const error of handle.record.errors) errors.push(`${error.route}: ${error.code} ${error.message}`);
  }
  return { latencies, unanswered, callbackTypes, errors, dispatchSpanMs };
}

async function measure(fake: FakeDiscord, request: MeasureRequest): Promise<MeasureResult> {
  fake.clearLog();
  const send = (i: number) =>
    fake.sendSlashCommand({
      name: request.command.name,
      ...(request.command.subcommand ? { subcommand: request.command.subcommand } : {}),
      user: request.users[i % request.users.length] as string,
    });
  const handles: InteractionHandle[] = [];
  if (request.mode === "sequential") {
    for (let i = 0; i < request.count; i++) {
      const handle = send(i);
      handles.push(handle);
      await handle.response(request.timeoutMs).catch(() => undefined);
      await sleep(request.gapMs);
    }
    await settle(fake, 50, request.timeoutMs);
    return summarise(handles, 0);
  }
  for (let i = 0; i < request.count; i++) handles.push(send(i));
  const first = handles[0]?.record.dispatchedAt ?? 0;
  const last = handles.at(-1)?.record.dispatchedAt ?? 0;
  await pollUntil(() => handles.every((h) => h.record.callbackAt !== undefined), request.timeoutMs);
  await settle(fake, 100, request.timeoutMs);
  return summarise(handles, last - first);
}

function forget(fake: FakeDiscord): void {
  fake.interactions.clear();
  fake.interactionsByToken.clear();
  fake.interactionMessages.clear();
  for (const messages of fake.store.messages.values()) messages.clear();
  fake.clearLog();
}

/**
 * How long the fake keeps an idle HTTP connection open. The fake's own 1 s is below undici's 2 s
 * safety margin (`keepAliveTimeoutThreshold`), so discord.js would open a new TCP connection for
 * every request — a cost Discord's API, which keeps connections alive, does not impose. 60 s lets
 * both bots reuse their connections as they would in production.
 */
export const KEEP_ALIVE_MS = 60_000;

async function runChild(): Promise<void> {
  const options = JSON.parse(process.env.BENCH_FAKE_OPTIONS ?? "{}") as FakeDiscordOptions;
  const started = performance.now();
  const fake = await startFakeDiscord(options);
  // `server` is private to the fake; see KEEP_ALIVE_MS for why the benchmark changes it.
  const server = (fake as unknown as { server: Server }).server;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await fake.close();
    if (process.connected) process.disconnect();
    process.exit(0);
  };
  process.on("disconnect", () => void stop());
  process.on("message", (message: Request | { type: "close" }) => {
    if (message.type === "close") {
      void stop();
      return;
    }
    const request = message as Request;
    const answer = (value: Promise<unknown> | unknown) =>
      Promise.resolve(value).then(
        (result) => process.send?.({ id: request.id, ok: true, value: result ?? null } satisfies Reply),
        (error: unknown) =>
          process.send?.({
            id: request.id,
            ok: false,
            error: error instanceof Error ? error.message : String(error),
          } satisfies Reply),
      );
    switch (request.type) {
      case "members": {
        const ids: string[] = [];
        for (let i = 0; i < request.count; i++) ids.push(fake.addMember({ username: `bench${i}` }).user.id);
        void answer(ids);
        break;
      }
      case "measure":
        void answer(measure(fake, request));
        break;
      case "forget":
        void answer(forget(fake));
        break;
    }
  });
  process.send?.({
    type: "ready",
    baseUrl: fake.baseUrl,
    apiUrl: fake.apiUrl,
    gatewayUrl: fake.gatewayUrl,
    token: fake.token,
    applicationId: fake.applicationId,
    guildId: fake.guild.id,
    startMs: performance.now() - started,
  });
}

if (process.env.BENCH_FAKE_CHILD === "1" && process.send && process.argv[1] === THIS_FILE) {
  void runChild();
}
