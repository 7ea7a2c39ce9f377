/**
 * What a sandbox scene is made of. A scene is a title and steps; a step is one person doing one
 * thing in Discord (run a slash command, click a button, pick from a menu, submit a modal), a
 * line of narration, or an operator action outside Discord. The runner prints what the acting
 * person sees, what everyone sees, and what changed in the server.
 *
 * ```ts
 * export const joinScenes: Scene[] = [{
 *   id: "join",
 *   title: "Interns join the programme",
 *   steps: [
 *     run("organiser", "/program open", { options: { name: "2026 春インターン" }, id: "open" }),
 *     click("internJa", { channel: "announcements" }, "join"),          // button by custom id name or label
 *     run("internEn", "/report", { id: "report" }),                    // answered with a modal
 *     submit("internEn", "report", { today: "Read the brief" }),
 *     run("mentor", "/queue", { expect: (seen) => assert.match(seen.text, /Maya/) }),
 *   ],
 * }];
 * ```
 */
import type { RunningApp } from "../../src/app/start.ts";
import type { ApiMessage, ApiUser, FakeDiscord, OptionInput } from "../harness/fake-discord/index.ts";
import type { Person, PersonKey } from "./cast.ts";

/** What the acting person got back from one step. */
export interface Seen {
  /** A message (reply or updated message), a modal, autocomplete choices, or no answer at all. */
  kind: "message" | "modal" | "choices" | "nothing";
  /** The reply is visible to the acting person only. */
  ephemeral: boolean;
  /** The message as it ended up (after a deferral, the edited one). */
  message?: ApiMessage;
  /** Follow-up messages the handler sent. */
  followUps: ApiMessage[];
  /** Callback type 9 data. */
  modal?: Record<string, unknown>;
  choices?: Array<{ name: string; value: string | number }>;
  /** Everything printed for this step, as plain text (what `expect` can match). */
  text: string;
}

/** What an operator action and `expect` can reach. */
export interface StageContext {
  fake: FakeDiscord;
  app: RunningApp;
  /** A cast member and their Discord user. */
  person(key: PersonKey): { person: Person; user: ApiUser };
  /** What an earlier step (by id) showed; throws if there is no such step. */
  seen(stepId: string): Seen;
}

/** Where a component lives: the answer of an earlier step (its id), or the bot's latest message in a channel. */
export type MessageRef = string | { channel: string };

/** How a button or menu is found: its label, its custom id, or its custom id's name (`join` in `join:v1:…`). */
export type ComponentMatch = string | RegExp;

interface StepCommon {
  /** Names the step so later steps can refer to its answer. */
  id?: string;
  /** Checks what the person saw; throw (e.g. with node:assert) to fail the scene. */
  expect?: (seen: Seen, ctx: StageContext) => void | Promise<void>;
}

export interface CommandStep extends StepCommon {
  kind: "command";
  who: PersonKey;
  /** As the person types it: "/taiken about", "/program open". */
  command: string;
  options?: Record<string, OptionInput>;
  /** Channel name or id (default: the server's first text channel). */
  channel?: string;
}

export interface ClickStep extends StepCommon {
  kind: "click";
  who: PersonKey;
  on: MessageRef;
  button: ComponentMatch;
}

export interface SelectStep extends StepCommon {
  kind: "select";
  who: PersonKey;
  on: MessageRef;
  menu: ComponentMatch;
  values: string[];
}

export interface ModalStep extends StepCommon {
  kind: "modal";
  who: PersonKey;
  /** The step whose answer was the modal. */
  from: string;
  /** Text input values by custom id. */
  fields: Record<string, string>;
}

export interface NarrationStep {
  kind: "narrate";
  text: string;
}

export interface ActStep {
  kind: "act";
  /** What the operator does, printed as the step's line. */
  label: string;
  run(ctx: StageContext): void | Promise<void>;
}

export type Step = CommandStep | ClickStep | SelectStep | ModalStep | NarrationStep | ActStep;

/** One scene of the scripted programme. */
export interface Scene {
  /** Short and unique: `npm run sandbox -- --only about,join`. */
  id: string;
  title: string;
  steps: Step[];
}

type More = Pick<StepCommon, "id" | "expect">;

/** `who` runs a slash command, typed as in Discord ("/taiken about"). */
export function run(
  who: PersonKey,
  command: string,
  more: More & { options?: Record<string, OptionInput>; channel?: string } = {},
): CommandStep {
  return { kind: "command", who, command, ...more };
}

/** `who` clicks a button on a message. */
export function click(who: PersonKey, on: MessageRef, button: ComponentMatch, more: More = {}): ClickStep {
  return { kind: "click", who, on, button, ...more };
}

/** `who` picks `values` in a select menu. */
export function choose(
  who: PersonKey,
  on: MessageRef,
  menu: ComponentMatch,
  values: string[],
  more: More = {},
): SelectStep {
  return { kind: "select", who, on, menu, values, ...more };
}

/** `who` fills in and submits the modal an earlier step (`from`) opened. */
export function submit(
  who: PersonKey,
  from: string,
  fields: Record<string, string>,
  more: More = {},
): ModalStep {
  return { kind: "modal", who, from, fields, ...more };
}

/** A line of story between steps. */
export function narrate(text: string): NarrationStep {
  return { kind: "narrate", text };
}

/** Something an operator does outside Discord (seed data, move the clock, run a job). */
export function act(label: string, perform: ActStep["run"]): ActStep {
  return { kind: "act", label, run: perform };
}

/** "/a b c" → command a, group b, subcommand c; "/a b" → command a, subcommand b. */
export function parseCommand(command: string): {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
} {
  const parts = command.replace(/^\//, "").trim().split(/\s+/);
  const [name, first, second] = parts;
  if (!name || parts.length > 3) throw new Error(`sandbox: cannot read the command "${command}"`);
  if (second) return { name, subcommandGroup: first as string, subcommand: second };
  if (first) return { name, subcommand: first };
  return { name };
}
