import assert from "node:assert/strict";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { act, click, narrate, run, type Scene, type StageContext } from "../steps.ts";

/** A small library as an organiser would keep it: retired tasks, and one still in recruitment. */
const LIBRARY = `assignments:
  - id: 2024-spring-todo-api
    title: { ja: TODO 管理 API を作る, en: Build a TODO API }
    brief: |
      REST API for a team's TODO list: create, list, complete and delete tasks, with tests.
      Explain your design decisions in the README.
    skills: [typescript, sql]
    tags: [backend]
    level: 2
    estimated_hours: 24
    origin_round: 2024 spring
    links: ["Original brief|https://example.com/briefs/todo-api"]
  - id: 2023-autumn-a11y-landing
    title: { ja: アクセシブルなランディングページ, en: An accessible landing page }
    brief: Rebuild a landing page so that it passes WCAG 2.2 AA, and report what you changed.
    skills: [html, css]
    tags: [accessibility]
    level: 1
    estimated_hours: 16
    origin_round: 2023 autumn
  - id: 2024-autumn-sales-report
    title: { ja: 売上データの分析レポート, en: Sales data report }
    brief: Analyse a year of sales data (CSV) and write a two-page report with charts.
    skills: [python]
    level: 3
    estimated_hours: 30
    origin_round: 2024 autumn
  - id: 2025-spring-live
    title: { ja: 採用で使用中の課題, en: Task still used in recruitment }
    brief: Must never be shown to interns.
    skills: [typescript]
    level: 2
    estimated_hours: 20
    status: active-in-recruitment
`;

/**
 * Sets the stage when earlier scenes have not: a programme, the organiser, and two onboarded
 * interns with profiles and private project channels (what `/program open` and `/join` leave).
 */
async function seedCohort(ctx: StageContext): Promise<void> {
  const db = ctx.app.ctx.db;
  const guildId = ctx.fake.guild.id;
  const programmes = createProgrammeRepository(db);
  const organiser = ctx.person("organiser").user.id;
  const programme =
    (await programmes.current(guildId)) ??
    (await programmes.create({
      guildId,
      name: "2026 春インターン",
      mode: "internship",
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() + 42 * 86_400_000),
      createdByUserId: organiser,
    }));
  const members = createMemberRepository(db);
  await members.join({ programmeId: programme.id, discordUserId: organiser, roles: ["organiser"] });
  const interns = [
    {
      key: "internJa",
      skills: [{ name: "typescript", level: 3 }],
      interests: ["backend"],
      hours: 10,
      locale: "ja",
    },
    {
      key: "internEn",
      skills: [{ name: "html", level: 2 }],
      interests: ["accessibility"],
      hours: 6,
      locale: "en",
    },
  ] as const;
  for (const intern of interns) {
    const user = ctx.person(intern.key).user;
    const member = await members.join({
      programmeId: programme.id,
      discordUserId: user.id,
      roles: ["intern"],
    });
    if (member.stage === "applied") await members.moveStage(member.id, "onboarded", { actorUserId: null });
    if ((await members.profile(member.id)) === null) {
      await members.saveProfile(member.id, {
        displayName: user.global_name ?? user.username,
        skills: [...intern.skills],
        interests: [...intern.interests],
        weeklyHoursAvailable: intern.hours,
        preferredLocale: intern.locale,
        accommodations: {
          notes: null,
          textOnlyPresentation: false,
          extendedDeadlines: false,
          fewerNotifications: false,
        },
      });
    }
    if (member.projectChannelId === null) {
      const channel = ctx.fake.createChannel({ name: `project-${user.username.replace(/\W/g, "-")}` });
      await members.setProjectChannel(member.id, channel.id);
    }
  }
}

/**
 * The assignment library: the organiser loads retired recruitment tasks, previews a fair batch
 * allocation with reasons and scores, confirms it, and each intern finds their project.
 */
export const assignmentScenes: Scene[] = [
  {
    id: "assignments",
    title: "The organiser loads the library and allocates projects; interns see theirs",
    steps: [
      act("a programme with two onboarded interns (as /program open and /join leave it)", seedCohort),
      run("organiser", "/assignments import", {
        options: { file: { filename: "library.yaml", content: LIBRARY } },
        expect: (seen) => assert.match(seen.text, /新規 4 件/),
      }),
      narrate("Re-importing the same file changes nothing: the content hash matches."),
      run("organiser", "/assignments import", {
        options: { file: { filename: "library.yaml", content: LIBRARY } },
        expect: (seen) => assert.match(seen.text, /変更なし 4 件/),
      }),
      run("organiser", "/assignments allocate", {
        id: "preview",
        expect: (seen) => {
          assert.match(seen.text, /スコア/);
          assert.doesNotMatch(seen.text, /採用で使用中の課題/);
        },
      }),
      click("organiser", "preview", "asg-confirm", {
        expect: (seen) => assert.match(seen.text, /2 人に課題を割り当てました/),
      }),
      run("internJa", "/project view", { expect: (seen) => assert.match(seen.text, /あなたのプロジェクト/) }),
      run("internEn", "/project view", { expect: (seen) => assert.match(seen.text, /Your project/) }),
      run("organiser", "/assignments list"),
    ],
  },
];
