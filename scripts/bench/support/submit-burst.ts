/**
 * The fake Discord in its own process, with a dispatcher for hand-in bursts: N slash commands,
 * each carrying its own freshly generated files as attachments, spread evenly over a window.
 *
 * Files cannot travel through the control API (JSON over HTTP: a megabyte each, a thousand of
 * them, would take longer to send than the window the burst must fit in), so this child makes
 * them itself: each file is its type's signature followed by random bytes, different for every
 * intern and option, and served from the fake's attachment store like any upload. The child
 * reports each file's sha256, so the parent can check what the bot stored against what was sent.
 *
 * The child answers the same ready message as support/fake-host.ts, so the parent also gets a
 * {@link RemoteFakeDiscord} with the whole control API. Dispatch and callback are timed by the
 * child with `performance.now()`, the clock the fake's request log uses.
 */
import { type ChildProcess, fork } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import {
  type FakeDiscord,
  type FakeDiscordOptions,
  type InteractionHandle,
  RemoteFakeDiscord,
  startFakeDiscord,
} from "../../harness/fake-discord/index.ts";
import { KEEP_ALIVE_MS } from "./fake-host.ts";

const THIS_FILE = fileURLToPath(import.meta.url);

/** Signatures the bot checks by content (src/domain/submission/files.ts). */
const SIGNATURES = {
  pdf: Buffer.from("%PDF-1.7\n"),
  zip: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
} as const;

/** One attachment option of every command in the burst. */
export interface BurstFile {
  /** The command's attachment option, e.g. "file1". */
  option: string;
  /** File name as uploaded; its extension picks the signature. */
  filename: string;
  type: keyof typeof SIGNATURES;
  contentType: string;
  bytes: number;
}

/** Files to make before a burst: one set per user. */
export interface PrepareRequest {
  users: string[];
  files: BurstFile[];
}

export interface Prepared {
  /** sha256 (hex) of each user's files, in the order of {@link PrepareRequest.files}. */
  sha256: string[][];
  /** Time the child took to generate and hash them, ms. */
  prepareMs: number;
}

/** Dispatches the prepared users' commands; each carries that user's files. */
export interface BurstRequest {
  command: string;
  /** Users prepared before, in dispatch order. */
  users: string[];
  /** Dispatches are spread evenly over this window (0: one synchronous loop). */
  windowMs: number;
  /** Locale of each user's interaction (same length as users), e.g. "ja" or "en-US". */
  locales: string[];
  /** Give up waiting for callbacks after this long. */
  timeoutMs: number;
}

/** One dispatched command as the fake saw it. */
export interface BurstInteraction {
  user: string;
  id: string;
  token: string;
  dispatchedAt: number;
  callbackAt?: number;
  callbackType?: number;
  errors: string[];
}

export interface BurstResult {
  interactions: BurstInteraction[];
  /** First to last dispatch, ms. */
  dispatchSpanMs: number;
}

type Request =
  | { id: number; type: "members"; count: number }
  | ({ id: number; type: "prepare" } & PrepareRequest)
  | ({ id: number; type: "burst" } & BurstRequest);

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
type ChildMessage = { type?: string; id?: number; ok?: boolean; value?: unknown; error?: string };
type Unsent<T> = T extends unknown ? Omit<T, "id"> : never;

/** The fake in its child process: the remote API plus the hand-in burst. */
export interface BurstFake {
  remote: RemoteFakeDiscord;
  /** Adds `count` plain members to the default guild and returns their ids. */
  addMembers(count: number): Promise<string[]>;
  /** Makes every user's files (kept in the child until the next prepare). */
  prepare(request: PrepareRequest): Promise<Prepared>;
  burst(request: BurstRequest): Promise<BurstResult>;
  close(): Promise<void>;
}

/** Starts the fake in a child process (node + tsx) and resolves once it listens. */
export async function startBurstFake(options: FakeDiscordOptions): Promise<BurstFake> {
  const child = fork(THIS_FILE, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_BURST_CHILD: "1", BENCH_BURST_OPTIONS: JSON.stringify(options) },
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
        else waiter?.reject(new Error(`burst fake: ${message.error}`));
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
    prepare: (request) => call<Prepared>({ type: "prepare", ...request }),
    burst: (request) => call<BurstResult>({ type: "burst", ...request }),
    close: () => remote.close(),
  };
}

// ---------------------------------------------------------------- child

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function makeFile(file: BurstFile): Buffer {
  const signature = SIGNATURES[file.type];
  return Buffer.concat([signature, randomBytes(Math.max(0, file.bytes - signature.length))]);
}

/** What the last prepare made, by user. */
let prepared: { files: BurstFile[]; contents: Map<string, Buffer[]> } = { files: [], contents: new Map() };

function prepare(request: PrepareRequest): Prepared {
  const started = performance.now();
  const contents = new Map(request.users.map((user) => [user, request.files.map(makeFile)] as const));
  prepared = { files: request.files, contents };
  const sha256 = request.users.map((user) =>
    (contents.get(user) ?? []).map((data) => createHash("sha256").update(data).digest("hex")),
  );
  return { sha256, prepareMs: performance.now() - started };
}

async function burst(fake: FakeDiscord, request: BurstRequest): Promise<BurstResult> {
  const send = (i: number): InteractionHandle => {
    const options: Record<string, unknown> = {};
    const user = request.users[i] as string;
    const contents = prepared.contents.get(user);
    if (!contents) throw new Error(`no files prepared for ${user}`);
    prepared.files.forEach((file, j) => {
      options[file.option] = {
        filename: file.filename,
        content: contents[j] as Buffer,
        contentType: file.contentType,
      };
    });
    return fake.sendSlashCommand({
      name: request.command,
      user,
      locale: request.locales[i] ?? "en-US",
      options: options as never,
    });
  };
  const handles: InteractionHandle[] = [];
  const count = request.users.length;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const at = start + (request.windowMs * i) / Math.max(1, count - 1);
    const wait = at - performance.now();
    if (wait > 1) await sleep(wait);
    handles.push(send(i));
  }
  const first = handles[0]?.record.dispatchedAt ?? 0;
  const last = handles.at(-1)?.record.dispatchedAt ?? 0;
  const deadline = performance.now() + request.timeoutMs;
  while (handles.some((h) => h.record.callbackAt === undefined) && performance.now() < deadline) {
    await sleep(10);
  }
  return {
    interactions: handles.map((h, i) => ({
      user: request.users[i] as string,
      id: h.record.id,
      token: h.record.token,
      dispatchedAt: h.record.dispatchedAt ?? Number.NaN,
      ...(h.record.callbackAt === undefined ? {} : { callbackAt: h.record.callbackAt }),
      ...(h.record.callback?.type === undefined ? {} : { callbackType: h.record.callback.type }),
      errors: h.record.errors.map((e) => `${e.route}: ${e.code} ${e.message}`),
    })),
    dispatchSpanMs: last - first,
  };
}

async function runChild(): Promise<void> {
  const options = JSON.parse(process.env.BENCH_BURST_OPTIONS ?? "{}") as FakeDiscordOptions;
  const started = performance.now();
  const fake = await startFakeDiscord(options);
  // See KEEP_ALIVE_MS (support/fake-host.ts): the fake's own 1 s makes undici reconnect per request.
  (fake as unknown as { server: Server }).server.keepAliveTimeout = KEEP_ALIVE_MS;
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
    if (request.type === "members") {
      const ids: string[] = [];
      for (let i = 0; i < request.count; i++) ids.push(fake.addMember({ username: `intern${i}` }).user.id);
      void answer(ids);
    } else if (request.type === "prepare") {
      void answer(prepare(request));
    } else {
      void answer(burst(fake, request));
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

if (process.env.BENCH_BURST_CHILD === "1" && process.send && process.argv[1] === THIS_FILE) {
  void runChild();
}
