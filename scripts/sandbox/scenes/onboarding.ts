import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { createAgencyRepository } from "../../../src/db/repositories/agencies.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import type { ApiUser } from "../../harness/fake-discord/index.ts";
import type { PersonKey } from "../cast.ts";
import {
  act,
  type ClickStep,
  type CommandStep,
  click,
  narrate,
  run,
  type Scene,
  type SelectStep,
  type StageContext,
  submit,
} from "../steps.ts";

const AGENCY = "ひかり就労支援センター";

/**
 * What the steps need but cannot know when the list is built (ids are made as the story runs):
 * filled in by the scene's own steps, read by the getters below when a step is played.
 */
const story: { ctx?: StageContext; welcomeChannelId?: string; agencyId?: string } = {};

function userOf(key: PersonKey): ApiUser {
  if (!story.ctx) throw new Error("the scene's first step has not run");
  return story.ctx.person(key).user;
}

function agencyId(): string {
  if (!story.agencyId) throw new Error("no agency has been registered in this scene");
  return story.agencyId;
}

/**
 * The programme and its workspace, as the program scene leaves them; when this scene is played
 * alone (`--only onboarding`), the organiser opens it here the same way. Remembers where the
 * welcome message with the Join button is.
 */
async function programmeIsOpen(ctx: StageContext): Promise<void> {
  story.ctx = ctx;
  story.agencyId = undefined;
  const programmes = createProgrammeRepository(ctx.app.ctx.db);
  if ((await programmes.current(ctx.fake.guild.id)) === null) {
    const today = DateTime.now().setZone("Asia/Tokyo").startOf("day");
    const handle = ctx.fake.sendSlashCommand({
      name: "program",
      subcommand: "open",
      options: {
        name: `${today.year} 体験インターン`,
        start: today.toISODate() ?? "",
        end: today.plus({ days: 41 }).toISODate() ?? "",
      },
      user: ctx.person("organiser").user,
      locale: "ja",
    });
    await handle.finalReply(30_000);
    // The reply shows progress while the workspace is made; it is done when it says so.
    const deadline = Date.now() + 60_000;
    while (!/を開きました/.test(handle.original()?.content ?? "")) {
      assert.ok(Date.now() < deadline, `/program open did not finish: ${handle.original()?.content}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const programme = await programmes.current(ctx.fake.guild.id);
  assert.ok(programme, "a programme is open");
  const welcome = await programmes.discordResource(programme.id, ResourceKeys.welcomeMessage);
  const message = welcome ? ctx.fake.store.findMessage(welcome.discordId) : undefined;
  assert.ok(message, "the workspace has its welcome message with the Join button");
  story.welcomeChannelId = message.channel_id;
}

/** Click Join on the welcome message (wherever the workspace put it). */
function clickJoin(who: PersonKey, id: string): ClickStep {
  return {
    kind: "click",
    who,
    on: {
      get channel() {
        if (!story.welcomeChannelId) throw new Error("no welcome message yet");
        return story.welcomeChannelId;
      },
    },
    button: "参加する / Join",
    id,
    expect: (seen) => assert.equal(seen.kind, "modal", "Join opens the “about you” form"),
  };
}

/** The form's agency menu (its custom id names the field), printed as the person reads it. */
class AgencyMenu extends RegExp {
  override toString(): string {
    return "支援機関 / agency";
  }
}

/**
 * Pick the scene's agency in the form's agency menu. Discord sends the option's value (the
 * agency's id); the story prints the option's label, as the person saw it.
 */
function pickAgency(who: PersonKey, form: string): SelectStep {
  return {
    kind: "select",
    who,
    on: form,
    menu: new AgencyMenu('"agency"'),
    get values() {
      const values = [agencyId()];
      Object.defineProperty(values, "join", { value: () => AGENCY });
      return values;
    },
    expect: (seen) => assert.match(seen.text, new RegExp(`▾ .*${AGENCY}`)),
  };
}

/** Waits (bounded) until `check` holds: some of onboarding's Discord steps may finish after the answer. */
async function eventually(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    assert.ok(Date.now() < deadline, `${what}: not there after 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The intern pressed "Join with these answers": the flow message ends as their summary (`title`),
 * and they hold the intern role and have a private project thread.
 */
function joined(who: PersonKey, title: string): CommandStep["expect"] {
  return async (seen, ctx) => {
    const messageId = seen.message?.id;
    assert.ok(messageId, "the flow message is answered");
    await eventually("the summary", () =>
      JSON.stringify(ctx.fake.findInteractionMessage(messageId) ?? {}).includes(title),
    );
    const db = ctx.app.ctx.db;
    const programmes = createProgrammeRepository(db);
    const programme = await programmes.current(ctx.fake.guild.id);
    assert.ok(programme, "a programme is open");
    const role = await programmes.discordResource(programme.id, ResourceKeys.roles.intern);
    const user = ctx.person(who).user;
    await eventually("the intern role", () =>
      Boolean(role && ctx.fake.member(user.id)?.roles.includes(role.discordId)),
    );
    await eventually("the private project thread", async () => {
      const member = await createMemberRepository(db).find(programme.id, user.id);
      return member?.stage === "onboarded" && member.projectChannelId !== null;
    });
  };
}

/** `/profile view user:<someone>`, checked with `expect`. */
function viewProfile(who: PersonKey, of: PersonKey, expect: CommandStep["expect"]): CommandStep {
  return {
    ...run(who, "/profile view", expect ? { expect } : {}),
    options: {
      get user() {
        return userOf(of);
      },
    },
  };
}

/**
 * Onboarding, agencies and consent: the organiser registers a support agency and its staff member,
 * and makes a mentor with `/program staff add`; two interns join from the welcome message (one with Discord in Japanese, one in English), both
 * naming the agency but only one agreeing to share; each gets their summary and private project
 * thread. Then who sees whom: a mentor sees any intern, the agency observer only the consenting one.
 */
export const onboardingScenes: Scene[] = [
  {
    id: "onboarding",
    title: "Two interns join (ja, en); one shares with their agency, whose observer sees only her",
    steps: [
      act("the programme and its workspace are open (as /program open leaves them)", programmeIsOpen),
      narrate("The organiser registers the support agency and its staff member."),
      run("organiser", "/agency add", {
        options: { name: AGENCY },
        expect: async (seen, ctx) => {
          assert.match(seen.text, new RegExp(`${AGENCY}」を登録しました`));
          const programme = await createProgrammeRepository(ctx.app.ctx.db).current(ctx.fake.guild.id);
          const agencies = await createAgencyRepository(ctx.app.ctx.db).forProgramme(
            ctx.fake.guild.id,
            programme?.id ?? "",
          );
          story.agencyId = agencies.find((a) => a.name === AGENCY)?.id;
          assert.ok(story.agencyId, "the agency is recorded");
        },
      }),
      {
        ...run("organiser", "/agency staff add", {
          expect: (seen) => {
            assert.match(seen.text, /支援機関ロールを付けました/);
            assert.match(seen.text, /山本 恵美 \+@支援機関/);
          },
        }),
        options: {
          get user() {
            return userOf("observer");
          },
          // What Discord sends when the organiser picks the agency from the autocomplete suggestions.
          get agency() {
            return { type: 3, value: agencyId() };
          },
        },
      },
      narrate("The organiser makes Daniel Park a mentor."),
      {
        ...run("organiser", "/program staff add", {
          expect: (seen) => {
            assert.match(seen.text, /メンターとして登録し、メンターロールを付けました/);
            assert.match(seen.text, /Daniel Park \+@メンター/);
          },
        }),
        options: {
          get user() {
            return userOf("mentor");
          },
          role: "mentor",
        },
      },

      narrate("田中 陽翔 (Discord in Japanese) joins from the welcome message and names the agency."),
      clickJoin("internJa", "ja-join"),
      submit(
        "internJa",
        "ja-join",
        {
          displayName: "田中 陽翔",
          skills: "TypeScript:3, SQL:2",
          interests: "バックエンド, 業務効率化",
          hours: "10",
          accommodationNotes: "午前中は通院のため返信が遅れることがあります",
        },
        { id: "ja-form", expect: (seen) => assert.match(seen.text, /参加登録 \(2\/3\)/) },
      ),
      pickAgency("internJa", "ja-form"),
      click("internJa", "ja-form", "次へ", {
        expect: (seen) => assert.match(seen.text, new RegExp(`${AGENCY}\\*\\* のスタッフに`)),
      }),
      click("internJa", "ja-form", "共有する", {
        expect: (seen) => assert.match(seen.text, /参加登録 \(3\/3\)/),
      }),
      click("internJa", "ja-form", "この内容で参加する", {
        expect: joined("internJa", "ようこそ、田中 陽翔 さん"),
      }),

      narrate("Maya Chen (Discord in English) joins the same way, names the agency, and keeps it private."),
      clickJoin("internEn", "en-join"),
      submit(
        "internEn",
        "en-join",
        {
          displayName: "Maya Chen",
          skills: "HTML:2, CSS:2",
          interests: "accessibility, design",
          hours: "6",
          accommodationNotes: "",
        },
        { id: "en-form", expect: (seen) => assert.match(seen.text, /Join \(2\/3\)/) },
      ),
      pickAgency("internEn", "en-form"),
      click("internEn", "en-form", "Next", {
        expect: (seen) => assert.match(seen.text, /May the staff of/),
      }),
      click("internEn", "en-form", "Don't share", {
        expect: (seen) => assert.match(seen.text, /Join \(3\/3\)/),
      }),
      click("internEn", "en-form", "Join with these answers", {
        expect: joined("internEn", "Welcome, Maya Chen!"),
      }),
      run("internEn", "/profile show", {
        expect: (seen) => assert.match(seen.text, /Not shared/),
      }),

      narrate("Who sees whom. The organiser counts clients without seeing names."),
      run("organiser", "/agency list", {
        expect: (seen) => assert.match(seen.text, new RegExp(`${AGENCY}`)),
      }),
      narrate("The mentor opens Maya's profile: mentors see every intern's."),
      viewProfile("mentor", "internEn", (seen) => {
        assert.match(seen.text, /Maya Chen/);
        assert.match(seen.text, /HTML/);
      }),
      narrate("The agency observer lists her clients: only the one who agreed to share."),
      run("observer", "/agency clients", {
        expect: (seen) => {
          assert.match(seen.text, /田中 陽翔/);
          assert.doesNotMatch(seen.text, /Maya/);
        },
      }),
      narrate("The agency observer opens 田中 陽翔's profile (shared), then Maya's (not shared)."),
      viewProfile("observer", "internJa", (seen) => {
        assert.match(seen.text, /田中 陽翔/);
        assert.doesNotMatch(seen.text, /通院/, "accommodations are never shown to agencies");
      }),
      viewProfile("observer", "internEn", (seen) => {
        assert.ok(seen.ephemeral);
        assert.match(seen.text, /そのプロフィールは表示できません/);
        assert.doesNotMatch(seen.text, /Maya/);
      }),
    ],
  },
];
