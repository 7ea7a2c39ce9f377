import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import {
  type ApiChannel,
  computePermissions,
  type FakeDiscord,
  Perm,
} from "../../harness/fake-discord/index.ts";
import { act, type NarrationStep, narrate, run, type Scene, type StageContext } from "../steps.ts";

/** The programme starts today in Tokyo and lasts six weeks, so its milestones lie ahead. */
const TODAY = DateTime.now().setZone("Asia/Tokyo").startOf("day");
const START = TODAY.toISODate() ?? "";
const END = TODAY.plus({ days: 41 }).toISODate() ?? "";
const NAME = `${TODAY.year} 体験インターン`;
/** Three days before the end: a day earlier than the default deadline. */
const DEADLINE = TODAY.plus({ days: 38 }).toISODate() ?? "";

const CHANNEL_ICONS: Record<number, string> = { 0: "#", 2: "🔊", 5: "📢", 13: "🎙", 15: "💬" };

/**
 * Who, among members without a programme role and the programme's four roles, can see `channel`
 * and hold `bit` in it.
 */
function holders(fake: FakeDiscord, roles: Array<[string, string]>, channel: ApiChannel, bit: bigint) {
  const guild = fake.guild;
  const wanted = bit | Perm.ViewChannel;
  const has = (roleIds: string[]) =>
    (computePermissions({
      guildId: guild.id,
      ownerId: guild.ownerId,
      roles: guild.roles,
      member: { roles: roleIds, user: { id: "0" } as never },
      channel,
    }) &
      wanted) ===
    wanted;
  if (has([])) return "everyone";
  const names = roles.filter(([, id]) => has([id])).map(([name]) => `@${name}`);
  return names.length ? names.join(" ") : "nobody";
}

/**
 * The workspace as the server now has it, from the ids the bot recorded: its roles, then each
 * category with its channels, and who may see and post in each (worked out from the channel's
 * real permission overwrites, as Discord would).
 */
async function describeWorkspace(ctx: StageContext): Promise<string[]> {
  const { fake } = ctx;
  const programme = await createProgrammeRepository(ctx.app.ctx.db).current(fake.guild.id);
  assert.ok(programme, "a programme is open");
  const resources = await createProgrammeRepository(ctx.app.ctx.db).discordResources(programme.id);
  const ids = new Map(resources.map((r) => [r.key, r.discordId]));
  const ours = new Set(ids.values());
  const roles = Object.values(ResourceKeys.roles).flatMap((key): Array<[string, string]> => {
    const role = fake.role(ids.get(key) ?? "");
    return role ? [[role.name, role.id]] : [];
  });
  const lines = [
    `Workspace of “${programme.name}” (${resources.length} objects recorded by key):`,
    `roles  ${roles.map(([name]) => `@${name}`).join(" · ")}`,
  ];
  const channels = [...fake.guild.channels.values()].filter((c) => ours.has(c.id));
  const welcome = ids.get(ResourceKeys.welcomeMessage);
  for (const category of channels.filter((c) => c.type === 4)) {
    lines.push(`▤ ${category.name}`);
    for (const channel of channels.filter((c) => c.parent_id === category.id)) {
      const voice = channel.type === 2 || channel.type === 13;
      const audience = [
        `sees: ${holders(fake, roles, channel, Perm.ViewChannel)}`,
        `${voice ? "speaks" : "posts"}: ${holders(fake, roles, channel, voice ? Perm.Connect : Perm.SendMessages)}`,
      ];
      if (channel.id === ids.get(ResourceKeys.channels.projects)) {
        audience.push(`writes in threads: ${holders(fake, roles, channel, Perm.SendMessagesInThreads)}`);
      }
      const notes =
        welcome && fake.messages(channel.id).some((m) => m.id === welcome) ? " (welcome + Join)" : "";
      lines.push(
        `    ${CHANNEL_ICONS[channel.type] ?? "?"} ${channel.name}${notes} — ${audience.join(" · ")}`,
      );
    }
  }
  return lines;
}

/** Narration worked out when the step runs (the list of steps is built before anything exists). */
function narrateFrom(text: () => string): NarrationStep {
  return {
    kind: "narrate",
    get text() {
      return text();
    },
  };
}

let workspace: string[] = [];

/**
 * `/program open`, `/program status` and `/program settings`: the organiser opens the programme
 * (its workspace and timeline), checks on it, turns on self-service claims, and the interns and the
 * agency observer are refused by the bot itself (Discord's command permissions are only a display
 * setting).
 */
export const programScenes: Scene[] = [
  {
    id: "program",
    title: "The organiser opens the programme and its workspace (/program open, /program status)",
    steps: [
      run("organiser", "/program open", {
        options: { name: NAME, start: START, end: END },
        expect: (seen) => {
          assert.match(seen.text, /を開きました/);
          assert.match(seen.text, /新しく作成: 18 件/);
          assert.match(seen.text, /@運営/);
        },
      }),
      act("look at the server as Discord now has it", async (ctx) => {
        workspace = await describeWorkspace(ctx);
      }),
      narrateFrom(() => workspace.join("\n    ")),
      run("organiser", "/program status", {
        expect: (seen) => {
          assert.match(seen.text, /18 \/ 18/);
          assert.match(seen.text, /キックオフ/);
          assert.match(seen.text, /Asia\/Tokyo/);
        },
      }),
      narrate("The deadline moves a day earlier; its announcement job is replaced."),
      run("organiser", "/program milestone set", {
        options: { kind: "submission_deadline", at: `${DEADLINE} 17:00` },
        expect: (seen) => assert.match(seen.text, /提出締切を .* に移しました/),
      }),
      narrate(
        "Interns without a task may pick their own; each may swap once within five days of getting one.",
      ),
      run("organiser", "/program settings", {
        options: { "self-service": true, "swap-window-days": 5 },
        expect: (seen) => {
          assert.match(seen.text, /設定を変更しました/);
          assert.match(seen.text, /オフ → オン/);
          assert.match(seen.text, /3 日間 → 5 日間/);
        },
      }),
      narrate("Discord shows /program only to Manage Server; taiken checks the programme role itself."),
      run("internJa", "/program status", {
        expect: (seen) => {
          assert.ok(seen.ephemeral);
          assert.match(seen.text, /運営メンバー専用/);
        },
      }),
      run("internEn", "/program status", {
        expect: (seen) => {
          assert.ok(seen.ephemeral);
          assert.match(seen.text, /Only organisers/);
        },
      }),
      run("observer", "/program status", {
        expect: (seen) => {
          assert.ok(seen.ephemeral);
          assert.match(seen.text, /運営メンバー専用/);
        },
      }),
    ],
  },
];
