/**
 * The sandbox's scene runner: a fake Discord in this process, the real bot started by
 * `startApp` with the embedded defaults (SQLite under a temporary DATA_DIR, Redis from REDIS_URL
 * or the local redis-server the app starts itself), the cast added to the server, then every
 * scene played in order, printing what each person sees. `npm run sandbox` calls it, and so does
 * test/e2e/sandbox.test.ts.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { commands } from "../../commands/index.ts";
import { type RunningApp, startApp } from "../../src/app/start.ts";
import { loadConfig } from "../../src/config/env.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { deployToFake } from "../harness/deploy.ts";
import {
  type ApiMessage,
  type ApiUser,
  CallbackType,
  type FakeDiscord,
  type InteractionHandle,
  type SpecViolation,
  startFakeDiscord,
} from "../harness/fake-discord/index.ts";
import { CAST, type Person, type PersonKey, person, SERVER_ROLES } from "./cast.ts";
import { type Paint, paintFor } from "./paint.ts";
import { renderChoices, renderMessage, renderModal, type Viewer } from "./render.ts";
import { scenes as defaultScenes } from "./scenes.ts";
import { diffServer, type ServerSnapshot, snapshotServer } from "./server-diff.ts";
import {
  type ComponentMatch,
  type MessageRef,
  parseCommand,
  type Scene,
  type Seen,
  type StageContext,
  type Step,
} from "./steps.ts";

/** How to run the sandbox. */
export interface SandboxOptions {
  /** Scenes to play (default: the list in scripts/sandbox/scenes.ts). */
  scenes?: readonly Scene[];
  /** Play only the scenes with these ids. */
  only?: readonly string[];
  /** Keep the temporary DATA_DIR (SQLite file, local Redis data) and print where it is. */
  keep?: boolean;
  /** The bot's log level (logs go to stderr). Default "silent". */
  logLevel?: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** An existing Redis; without it the app starts a local redis-server, as `npm start` does. */
  redisUrl?: string;
  /** Where the story is printed (default stdout). */
  write?: (text: string) => void;
  /** ANSI colours (default: when stdout is a terminal and NO_COLOR is not set). */
  color?: boolean;
  /** Stops after the step in progress (Ctrl-C); everything started is still stopped and removed. */
  signal?: AbortSignal;
}

/** One step as it went. */
export interface StepResult {
  /** Who acted (absent for narration and operator actions). */
  who?: PersonKey;
  action: string;
  seen?: Seen;
  ok: boolean;
  error?: string;
}

export interface SceneResult {
  id: string;
  title: string;
  ok: boolean;
  steps: StepResult[];
  error?: string;
}

export interface SandboxResult {
  /** Every scene ran to the end, every interaction was answered, no violation, nothing unhandled. */
  ok: boolean;
  scenes: SceneResult[];
  /** Requests the bot sent that Discord's OpenAPI spec rejects. */
  violations: SpecViolation[];
  /** Everything else that went wrong (unhandled rejections, …), one line each. */
  problems: string[];
  dataDir: string;
}

/** Discord shows "The application did not respond" after 3 s; the fake answers 10062 after it. */
const ANSWER_TIMEOUT_MS = 5_000;
const FOLLOW_THROUGH_MS = 10_000;
/** A step is over when the bot has sent nothing for this long. */
const QUIET_MS = 150;
const TIME_ZONE = "Asia/Tokyo";

const DATA_DIR_PREFIX = "taiken-sandbox-";
/** Names the process using a data directory; a kept directory has none. */
const OWNER_FILE = ".sandbox-owner-pid";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes data directories of earlier runs that were killed before they could clean up (their
 * owner is gone). Directories kept with `--keep` have no owner file and are left alone.
 */
async function removeAbandonedRuns(): Promise<void> {
  for (const name of await readdir(tmpdir())) {
    if (!name.startsWith(DATA_DIR_PREFIX)) continue;
    const dir = path.join(tmpdir(), name);
    const owner = Number(await readFile(path.join(dir, OWNER_FILE), "utf8").catch(() => ""));
    if (owner > 0 && !isRunning(owner)) await rm(dir, { recursive: true, force: true });
  }
}

/** How long a handler may run (a workspace build on a rate-limited server takes seconds). */
const HANDLER_TIMEOUT_MS = 60_000;

/**
 * Interactions the router has finished handling: it counts each one in
 * `taiken_interactions_total` once its handler has returned (answered, failed or refused).
 */
async function handledInteractions(app: RunningApp): Promise<number> {
  const metric = await app.ctx.metrics.interactions.get();
  return metric.values.reduce((total, sample) => total + sample.value, 0);
}

/** Waits until the router has finished more than `before` interactions (bounded). */
async function handlerFinished(app: RunningApp, before: number): Promise<boolean> {
  const deadline = performance.now() + HANDLER_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if ((await handledInteractions(app)) > before) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/** Waits until the bot has been quiet (no request in flight or arriving) for {@link QUIET_MS}. */
async function settle(fake: FakeDiscord, timeoutMs = FOLLOW_THROUGH_MS): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let seen = fake.requests.length;
  let quietSince = performance.now();
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const busy = fake.requests.length !== seen || fake.requests.some((r) => r.answeredAt === 0);
    if (busy) {
      seen = fake.requests.length;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= QUIET_MS) return;
  }
}

function findComponent(components: unknown[], match: ComponentMatch): Record<string, unknown> | undefined {
  for (const raw of components) {
    const component = raw as Record<string, unknown>;
    const customId = typeof component.custom_id === "string" ? component.custom_id : undefined;
    const text = typeof component.label === "string" ? component.label : undefined;
    if (customId) {
      const hit =
        typeof match === "string"
          ? text === match || customId === match || customId.split(":")[0] === match
          : match.test(customId) || (text !== undefined && match.test(text));
      if (hit) return component;
    }
    const nested = [
      ...((component.components as unknown[] | undefined) ?? []),
      ...(component.accessory ? [component.accessory] : []),
    ];
    const found = nested.length ? findComponent(nested, match) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Plays scenes against a running stage; see {@link runSandbox}. */
class Stage {
  private readonly answers = new Map<string, { seen: Seen; handle?: InteractionHandle }>();
  readonly context: StageContext;

  constructor(
    readonly fake: FakeDiscord,
    readonly app: RunningApp,
    private readonly users: Map<PersonKey, ApiUser>,
    private readonly paint: Paint,
    private readonly write: (text: string) => void,
  ) {
    this.context = {
      fake,
      app,
      person: (key) => ({ person: person(key), user: this.user(key) }),
      seen: (stepId) => {
        const answer = this.answers.get(stepId);
        if (!answer) throw new Error(`no earlier step has the id "${stepId}"`);
        return answer.seen;
      },
    };
  }

  private user(key: PersonKey): ApiUser {
    const user = this.users.get(key);
    if (!user) throw new Error(`sandbox: ${key} is not in the server`);
    return user;
  }

  viewer(locale: string): Viewer {
    const { fake } = this;
    return {
      locale,
      timeZone: TIME_ZONE,
      now: new Date(),
      userName: (id) => {
        const user = fake.store.getUser(id);
        return user ? (user.global_name ?? user.username) : undefined;
      },
      channelName: (id) => fake.channel(id)?.name,
      roleName: (id) => fake.role(id)?.name,
    };
  }

  print(line = ""): void {
    this.write(`${line}\n`);
  }

  /** "佐藤 愛子 · organiser · ja" */
  describe(key: PersonKey): string {
    const p = person(key);
    return `${this.paint.bold(p.name)} ${this.paint.dim(`· ${p.part.split(" (")[0]} · ${p.locale}`)}`;
  }

  private dmRecipient(channelId: string): ApiUser | undefined {
    const channel = this.fake.channel(channelId);
    return channel?.type === 1 ? channel.recipients?.[0] : undefined;
  }

  /** "#announcements", a thread's "#project-maya-chen", or "DM to Maya Chen". */
  channelLabel(channelId: string): string {
    const dm = this.dmRecipient(channelId);
    if (dm) return `DM to ${dm.global_name ?? dm.username}`;
    const name = this.fake.channel(channelId)?.name;
    return name ? `#${name}` : "an unknown channel";
  }

  /** Prints a block of lines under a gutter label ("only you", "#general"). */
  private block(label: string, body: string[]): void {
    const gutter = this.paint.dim("┃");
    const width = Math.max(10, label.length + 1);
    body.forEach((line, i) => {
      const head = i === 0 ? label.padEnd(width) : " ".repeat(width);
      this.print(`      ${i === 0 ? this.paint.yellow(head) : head}${gutter} ${line}`);
    });
  }

  private messageFor(ref: MessageRef, match: ComponentMatch): ApiMessage {
    const candidates: ApiMessage[] = [];
    if (typeof ref === "string") {
      const answer = this.answers.get(ref);
      if (!answer) throw new Error(`no earlier step has the id "${ref}"`);
      const latest = answer.seen.message
        ? this.fake.findInteractionMessage(answer.seen.message.id)
        : undefined;
      if (latest) candidates.push(latest);
      candidates.push(...answer.seen.followUps);
    } else {
      const channel = this.fake.channel(ref.channel);
      if (!channel) throw new Error(`there is no channel ${ref.channel}`);
      candidates.push(
        ...this.fake
          .messages(channel.id)
          .filter((m) => m.author.id === this.fake.bot.id)
          .reverse(),
      );
    }
    const message = candidates.find((m) => findComponent(m.components, match));
    if (!message) throw new Error(`no message there has a component matching ${String(match)}`);
    return message;
  }

  /** Runs one interaction step: sends it as the person, waits for the whole answer, prints it. */
  private async interact(
    who: PersonKey,
    action: string,
    send: (user: ApiUser, locale: string) => InteractionHandle,
  ): Promise<{ seen: Seen; handle: InteractionHandle }> {
    const p = person(who);
    this.print(`  ${this.describe(who)}  ${this.paint.cyan(`▸ ${action}`)}`);
    const before = snapshotServer(this.fake);
    const handledBefore = await handledInteractions(this.app);
    const handle = send(this.user(who), p.locale);
    const seen = await this.observe(handle, p);
    // A handler may go on after its first answer (progress edits, follow-ups, channels): the step
    // ends when the router has finished it and the bot has gone quiet.
    const finished = await handlerFinished(this.app, handledBefore);
    await settle(this.fake);
    if (!finished) throw new Error(`the handler was still running after ${HANDLER_TIMEOUT_MS / 1000} s`);
    seen.followUps = handle.followUps();
    const viewer = this.viewer(p.locale);
    const text: string[] = [];
    const show = (label: string, body: string[]) => {
      this.block(label, body);
      text.push(...body);
    };
    const where = (message: ApiMessage) =>
      message.flags & 64 ? "only you" : this.channelLabel(message.channel_id);
    if (seen.kind === "nothing") show("no answer", ["(Discord would say: The application did not respond)"]);
    if (seen.kind === "modal" && seen.modal) show("a form", renderModal(seen.modal, viewer));
    if (seen.kind === "choices" && seen.choices) show("suggests", renderChoices(seen.choices));
    if (seen.message) show(where(seen.message), renderMessage(seen.message, viewer));
    for (const message of seen.followUps) show(where(message), renderMessage(message, viewer));
    this.printServerChanges(before, new Set([seen.message?.id, ...seen.followUps.map((m) => m.id)]), text);
    seen.text = text.join("\n");
    return { seen, handle };
  }

  private async observe(handle: InteractionHandle, p: Person): Promise<Seen> {
    const seen: Seen = { kind: "nothing", ephemeral: false, followUps: [], text: "" };
    let type: number;
    try {
      type = (await handle.response(ANSWER_TIMEOUT_MS)).type;
    } catch {
      // No callback at all: the person sees Discord's own failure notice.
      return seen;
    }
    if (type === CallbackType.Modal) return { ...seen, kind: "modal", modal: await handle.modal() };
    if (type === CallbackType.AutocompleteResult)
      return { ...seen, kind: "choices", choices: await handle.choices() };
    const message = await handle.finalReply(FOLLOW_THROUGH_MS).catch(() => handle.original());
    if (!message) throw new Error(`${p.name}'s interaction was acknowledged but never answered`);
    return { ...seen, kind: "message", message, ephemeral: Boolean(message.flags & 64) };
  }

  private printServerChanges(before: ServerSnapshot, shown: Set<string | undefined>, text: string[]): void {
    const diff = diffServer(before, snapshotServer(this.fake), (id) => this.fake.store.findMessage(id));
    if (diff.changes.length) {
      this.print(
        `      ${this.paint.green("server".padEnd(10))}${this.paint.dim("┃")} ${diff.changes.join(", ")}`,
      );
      text.push(...diff.changes);
    }
    for (const message of diff.newMessages) {
      if (shown.has(message.id)) continue;
      const dm = this.dmRecipient(message.channel_id);
      // A DM is read in its recipient's language; a channel message by everyone who can see it.
      const recipient = dm ? CAST.find((p) => this.users.get(p.key)?.id === dm.id) : undefined;
      const body = renderMessage(message, this.viewer(recipient?.locale ?? this.fake.guild.preferredLocale));
      this.block(
        dm ? this.channelLabel(message.channel_id) : `${this.channelLabel(message.channel_id)} (everyone)`,
        body,
      );
      text.push(...body);
    }
  }

  /** Runs one step; resolves with its result (never throws). */
  async step(step: Step): Promise<StepResult> {
    if (step.kind === "narrate") {
      this.print(`  ${this.paint.dim(step.text)}`);
      return { action: step.text, ok: true };
    }
    if (step.kind === "act") {
      this.print(`  ${this.paint.magenta(`⚙ ${step.label}`)}`);
      try {
        const before = snapshotServer(this.fake);
        await step.run(this.context);
        await settle(this.fake);
        // What the operator's action made the bot do (a job's post, a DM) is shown as it landed.
        this.printServerChanges(before, new Set(), []);
        return { action: step.label, ok: true };
      } catch (error) {
        return this.failed(undefined, step.label, error);
      }
    }
    const action = this.describeAction(step);
    try {
      const { seen, handle } = await this.interact(step.who, action, (user, locale) => {
        switch (step.kind) {
          case "command": {
            const channel = step.channel ? this.fake.channel(step.channel) : undefined;
            if (step.channel && !channel) throw new Error(`there is no channel ${step.channel}`);
            return this.fake.sendSlashCommand({
              ...parseCommand(step.command),
              ...(step.options ? { options: step.options } : {}),
              ...(channel ? { channelId: channel.id } : {}),
              user,
              locale,
            });
          }
          case "click": {
            const message = this.messageFor(step.on, step.button);
            const button = findComponent(message.components, step.button) as { custom_id: string };
            return this.fake.clickButton({ message, customId: button.custom_id, user, locale });
          }
          case "select": {
            const message = this.messageFor(step.on, step.menu);
            const menu = findComponent(message.components, step.menu) as { custom_id: string };
            return this.fake.selectMenu({
              message,
              customId: menu.custom_id,
              values: step.values,
              user,
              locale,
            });
          }
          case "modal": {
            const from = this.answers.get(step.from)?.handle;
            if (!from) throw new Error(`no earlier step "${step.from}" opened a form`);
            return this.fake.submitModal({ modal: from, fields: step.fields, user, locale });
          }
        }
      });
      if (step.id) this.answers.set(step.id, { seen, handle });
      if (seen.kind === "nothing") return { who: step.who, action, seen, ok: false, error: "no answer" };
      await step.expect?.(seen, this.context);
      return { who: step.who, action, seen, ok: true };
    } catch (error) {
      return this.failed(step.who, action, error);
    }
  }

  private describeAction(step: Exclude<Step, { kind: "narrate" | "act" }>): string {
    switch (step.kind) {
      case "command": {
        const options = Object.entries(step.options ?? {})
          .map(([name, value]) => `${name}:${typeof value === "object" ? "…" : String(value)}`)
          .join(" ");
        return [step.command, options].filter(Boolean).join(" ");
      }
      case "click":
        return `clicks [${this.componentName(step.on, step.button)}]`;
      case "select": {
        const menu = this.component(step.on, step.menu);
        const options = (menu?.options as Array<{ label: string; value: string }> | undefined) ?? [];
        const picked = step.values.map((value) => options.find((o) => o.value === value)?.label ?? value);
        return `picks ${picked.join(", ")} in [▾ ${this.componentName(step.on, step.menu)}]`;
      }
      case "modal":
        return `fills in the form (${Object.keys(step.fields).join(", ")}) and submits`;
    }
  }

  private component(on: MessageRef, match: ComponentMatch): Record<string, unknown> | undefined {
    try {
      return findComponent(this.messageFor(on, match).components, match);
    } catch {
      return undefined;
    }
  }

  /** What the person sees on a button or menu: its label or placeholder, not its custom id. */
  private componentName(on: MessageRef, match: ComponentMatch): string {
    const component = this.component(on, match);
    const label = component?.label ?? component?.placeholder;
    const emoji = (component?.emoji as { name?: string } | undefined)?.name;
    if (typeof label === "string" && label) return emoji ? `${emoji} ${label}` : label;
    return emoji ?? String(match);
  }

  private failed(who: PersonKey | undefined, action: string, error: unknown): StepResult {
    const message = error instanceof Error ? error.message : String(error);
    this.print(`      ${this.paint.red("✗ failed".padEnd(10))}${this.paint.dim("┃")} ${message}`);
    return { ...(who ? { who } : {}), action, ok: false, error: message };
  }
}

/**
 * Starts everything, plays the scenes, checks that no request broke Discord's spec, stops
 * everything it started, and returns what happened. Never leaves a process or a temporary
 * directory behind (unless `keep`).
 */
export async function runSandbox(options: SandboxOptions = {}): Promise<SandboxResult> {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const paint = paintFor(options.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR));
  const print = (line = "") => write(`${line}\n`);
  const chosen = (options.scenes ?? defaultScenes).filter(
    (s) => !options.only || options.only.includes(s.id),
  );
  const unknownIds = (options.only ?? []).filter(
    (id) => !(options.scenes ?? defaultScenes).some((s) => s.id === id),
  );
  const problems: string[] = unknownIds.map((id) => `no scene has the id "${id}"`);
  const unhandled: unknown[] = [];
  const onUnhandled = (error: unknown) => unhandled.push(error);
  process.on("unhandledRejection", onUnhandled);

  await removeAbandonedRuns();
  const dataDir = await mkdtemp(path.join(tmpdir(), DATA_DIR_PREFIX));
  await writeFile(path.join(dataDir, OWNER_FILE), String(process.pid));
  let fake: FakeDiscord | undefined;
  let app: RunningApp | undefined;
  const results: SceneResult[] = [];
  try {
    fake = await startFakeDiscord({
      precompileValidators: true,
      guild: { name: "Example 株式会社 体験インターン", preferredLocale: "ja" },
    });
    for (const role of SERVER_ROLES) fake.createRole({ name: role.name, permissions: role.permissions });
    const users = new Map<PersonKey, ApiUser>();
    for (const p of CAST) {
      const member = fake.addMember({ username: p.username, globalName: p.name, roles: p.serverRoles });
      users.set(p.key, member.user);
    }

    const config = loadConfig({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "taiken.db")}`,
      REDIS_URL: options.redisUrl,
      HTTP_PORT: "-1",
      LOG_LEVEL: options.logLevel ?? "silent",
    });
    await deployToFake({ apiUrl: fake.apiUrl, token: fake.token, guildId: fake.guild.id });
    const logger = createLogger(config.logLevel, process.stderr);
    app = await startApp(config, logger);

    print(
      paint.bold("taiken sandbox") +
        paint.dim(" — the real bot on a local Discord, playing a scripted programme"),
    );
    print(`  ${paint.dim("server ")} ${fake.guild.name} (${fake.guild.preferredLocale})`);
    print(
      `  ${paint.dim("bot    ")} taiken ${app.ctx.version} · SQLite ${paint.dim(path.join(dataDir, "taiken.db"))} · ` +
        `Redis ${options.redisUrl ? "from REDIS_URL" : "a local redis-server started by the app"} · ` +
        `commands ${commands.map((c) => `/${c.definition.name}`).join(" ")}`,
    );
    for (const [i, p] of CAST.entries()) {
      const roles = p.serverRoles
        .map((name) => SERVER_ROLES.find((role) => role.name === name))
        .map((role) => paint.dim(` @${role?.name} (${role?.grants})`))
        .join("");
      print(
        `  ${paint.dim(i === 0 ? "cast   " : "       ")} ${paint.bold(p.name)} — ${p.part}, Discord in ${p.locale}${roles}`,
      );
    }

    const stage = new Stage(fake, app, users, paint, write);
    for (const [index, scene] of chosen.entries()) {
      if (options.signal?.aborted) {
        problems.push("interrupted before the end");
        break;
      }
      print();
      const title = ` ${index + 1}. ${scene.title} `;
      print(paint.bold(paint.cyan(`━━${title}${"━".repeat(Math.max(4, 72 - title.length))}`)));
      const steps: StepResult[] = [];
      let error: string | undefined;
      for (const step of scene.steps) {
        if (options.signal?.aborted) {
          error = "interrupted";
          break;
        }
        const result = await stage.step(step);
        steps.push(result);
        if (!result.ok) {
          error = `${result.who ? `${person(result.who).name}: ` : ""}${result.action}: ${result.error}`;
          break;
        }
      }
      results.push({
        id: scene.id,
        title: scene.title,
        ok: error === undefined,
        steps,
        ...(error ? { error } : {}),
      });
    }
  } catch (error) {
    problems.push(`the sandbox could not run: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await app?.stop();
    await fake?.close();
    process.off("unhandledRejection", onUnhandled);
    if (options.keep) await rm(path.join(dataDir, OWNER_FILE), { force: true });
    else await rm(dataDir, { recursive: true, force: true });
  }

  const violations = [...(fake?.violations ?? [])];
  for (const error of unhandled) {
    problems.push(
      `unhandled rejection: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  const failedScenes = results.filter((s) => !s.ok);
  const ok =
    failedScenes.length === 0 && violations.length === 0 && problems.length === 0 && results.length > 0;

  print();
  print(paint.bold(`━━ ${ok ? paint.green("all good") : paint.red("problems")} ${"━".repeat(60)}`));
  const stepCount = results.reduce((n, s) => n + s.steps.length, 0);
  print(
    `  ${results.length - failedScenes.length}/${chosen.length} scenes played to the end, ${stepCount} steps`,
  );
  for (const scene of failedScenes) print(`  ${paint.red("✗")} ${scene.title}: ${scene.error}`);
  if (violations.length === 0)
    print(`  ${paint.green("✓")} every request the bot sent matched Discord's API spec`);
  for (const v of violations) {
    print(
      `  ${paint.red("✗")} spec violation (${v.kind}) ${v.route}: ${JSON.stringify(v.errors.slice(0, 3))}`,
    );
  }
  for (const unhandledRoute of fake?.unhandled ?? []) {
    print(`  ${paint.yellow("!")} the fake does not implement ${unhandledRoute.route} (answered 404)`);
  }
  for (const problem of problems) print(`  ${paint.red("✗")} ${problem}`);
  if (options.keep) print(`  data kept in ${dataDir}`);
  return { ok, scenes: results, violations, problems, dataDir };
}
