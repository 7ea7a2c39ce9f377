/**
 * A programme seeded the way the workspace contract (`ResourceKeys`) says `/program open` leaves
 * it, without waiting for `/program open`: roles and channels made in the fake, recorded as
 * `DiscordResource`s, and a welcome message with the Join button posted by the bot.
 */

import type { TextChannel } from "discord.js";
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, ChannelType } from "discord.js";
import { expect } from "vitest";
import { startTestBot, type TestBot, type TestBotOptions } from "../../../scripts/harness/bot.ts";
import {
  type ApiMessage,
  type ApiRole,
  type ApiUser,
  type InteractionHandle,
  Perm,
} from "../../../scripts/harness/fake-discord/index.ts";
import { createTestRedis } from "../../../scripts/harness/redis.ts";
import { jobEffects } from "../../../src/app/job-effects.ts";
import { createProgrammeRepository, type Programme } from "../../../src/db/repositories/programmes.ts";
import {
  choiceSelectId,
  confirmButtonId,
  consentButtonId,
  nextButtonId,
} from "../../../src/discord/onboarding/ids.ts";
import { joinButtonId } from "../../../src/discord/shared-ids.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { jobHandlers } from "../../../src/jobs/handlers.ts";
import { createQueues, type Queues } from "../../../src/jobs/queues.ts";
import { createWorkers } from "../../../src/jobs/workers.ts";
import { seedProgramme } from "../../support/programme.ts";

/**
 * A test bot with a database and, as `startApp` wires them, Redis, the job queues and workers: the
 * onboarding job runs the Discord steps after the confirmation is answered.
 */
export async function startOnboardingBot(options: Omit<TestBotOptions, "db"> = {}): Promise<TestBot> {
  const bot = await startTestBot({ ...options, db: true });
  const redis = await createTestRedis();
  const queues = createQueues(redis.redis, redis.prefix);
  const workers = createWorkers({
    connection: redis.redis,
    handlers: jobHandlers(bot.ctx, jobEffects(bot.ctx, bot.client.rest)),
    logger: bot.ctx.logger,
    prefix: redis.prefix,
  });
  // The router holds this context: the handlers see the queues from now on.
  (bot.ctx as { queues: Queues }).queues = queues;
  return {
    ...bot,
    async close() {
      await workers.close();
      await queues.close();
      await bot.close();
      await redis.cleanup();
    },
  };
}

export interface Workspace {
  programme: Programme;
  roles: { organiser: ApiRole; mentor: ApiRole; intern: ApiRole; observer: ApiRole };
  projectsId: string;
  questionsId: string;
  welcome: ApiMessage;
}

const view = Perm.ViewChannel | Perm.ReadMessageHistory;

/** Seeds an open programme with its roles, projects and questions channels, and the welcome message. */
export async function seedWorkspace(
  bot: TestBot,
  options: { record?: { projects?: boolean } } = {},
): Promise<Workspace> {
  const { fake } = bot;
  const db = bot.db;
  if (!db) throw new Error("seedWorkspace needs startTestBot({ db: true })");
  const programmes = createProgrammeRepository(db);
  const { programme } = await seedProgramme(db, {
    guildId: fake.guild.id,
    name: `2026 春インターン ${Math.random().toString(36).slice(2, 8)}`,
    status: "open",
    startsAt: new Date("2026-04-01T00:00:00+09:00"),
    endsAt: new Date("2026-06-30T18:00:00+09:00"),
    createdByUserId: fake.store.tester.id,
  });
  const roles = {
    organiser: fake.createRole({ name: "運営" }),
    mentor: fake.createRole({ name: "メンター" }),
    intern: fake.createRole({ name: "インターン" }),
    observer: fake.createRole({ name: "支援機関" }),
  };
  const botRole = [...fake.guild.roles.values()].find((r) => r.managed);
  if (!botRole) throw new Error("the fake guild has no bot role");
  // The projects channel as the workspace contract describes it: interns view and talk in threads
  // but cannot create them; mentors and organisers manage threads; agency observers see nothing.
  const projects = fake.createChannel({
    name: "projects",
    type: ChannelType.GuildText,
    permissionOverwrites: [
      { id: fake.guild.id, type: 0, deny: Perm.ViewChannel },
      {
        id: roles.intern.id,
        type: 0,
        allow: view | Perm.SendMessagesInThreads,
        deny: Perm.SendMessages | Perm.CreatePublicThreads | Perm.CreatePrivateThreads,
      },
      { id: roles.mentor.id, type: 0, allow: view | Perm.SendMessagesInThreads | Perm.ManageThreads },
      { id: roles.organiser.id, type: 0, allow: view | Perm.SendMessagesInThreads | Perm.ManageThreads },
      { id: roles.observer.id, type: 0, deny: Perm.ViewChannel },
      {
        id: botRole.id,
        type: 0,
        allow:
          view |
          Perm.SendMessages |
          Perm.SendMessagesInThreads |
          Perm.CreatePrivateThreads |
          Perm.ManageThreads,
      },
    ],
  });
  const questions = fake.createChannel({
    name: `questions-${programme.id.slice(-4)}`,
    type: ChannelType.GuildForum,
  });
  const save = (key: string, discordId: string, kind: "role" | "text_channel" | "forum_channel") =>
    programmes.saveDiscordResource(programme.id, { key, discordId, kind });
  await save(ResourceKeys.roles.organiser, roles.organiser.id, "role");
  await save(ResourceKeys.roles.mentor, roles.mentor.id, "role");
  await save(ResourceKeys.roles.intern, roles.intern.id, "role");
  await save(ResourceKeys.roles.agencyObserver, roles.observer.id, "role");
  if (options.record?.projects !== false)
    await save(ResourceKeys.channels.projects, projects.id, "text_channel");
  await save(ResourceKeys.channels.questions, questions.id, "forum_channel");

  const general = fake.channel("general");
  if (!general) throw new Error("no general channel");
  const channel = (await bot.client.channels.fetch(general.id)) as TextChannel;
  const sent = await channel.send({
    content: "ようこそ / Welcome",
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder()
          .setCustomId(joinButtonId.encode({ programmeId: programme.id }))
          .setLabel("参加する / Join")
          .setStyle(ButtonStyle.Success),
      ),
    ],
  });
  const welcome = fake.findInteractionMessage(sent.id);
  if (!welcome) throw new Error("welcome message not stored");
  return { programme, roles, projectsId: projects.id, questionsId: questions.id, welcome };
}

/** Answers of the "about you" form, by text input id. */
export type AboutFields = {
  displayName: string;
  skills: string;
  interests: string;
  hours: string;
  accommodationNotes: string;
};

export const goodAnswers: AboutFields = {
  displayName: "山田 花子",
  skills: "TypeScript:3, SQL:2",
  interests: "教育, アクセシビリティ",
  hours: "12",
  accommodationNotes: "午前中は連絡が遅れます",
};

/** Clicks Join and sends the form; returns the reply (the choices step, or the problems). */
export async function clickJoinAndSubmit(
  bot: TestBot,
  ws: Workspace,
  user: ApiUser,
  locale: string,
  fields: AboutFields,
  timeoutMs = 10_000,
): Promise<ApiMessage> {
  const click = bot.fake.clickButton({
    message: ws.welcome,
    customId: joinButtonId.encode({ programmeId: ws.programme.id }),
    user,
    locale,
  });
  await click.modal(timeoutMs);
  return bot.fake.submitModal({ modal: click, fields, locale }).finalReply(timeoutMs);
}

/**
 * Runs the whole flow for `user` up to the click on "Join with these answers", and returns that
 * click; `agency` picks an agency and answers the consent question.
 */
export async function onboardHandle(
  bot: TestBot,
  ws: Workspace,
  user: ApiUser,
  options: {
    locale?: string;
    fields?: Partial<AboutFields>;
    language?: "ja" | "en";
    accommodations?: string[];
    agency?: { id: string; share: boolean };
    /** How long each step may take (benchmarks under load). */
    timeoutMs?: number;
  } = {},
): Promise<InteractionHandle> {
  const locale = options.locale ?? "ja";
  const programmeId = ws.programme.id;
  const wait = options.timeoutMs ?? 10_000;
  const choices = await clickJoinAndSubmit(
    bot,
    ws,
    user,
    locale,
    { ...goodAnswers, ...options.fields },
    wait,
  );
  const pick = async (field: "language" | "accommodations" | "agency", values: string[]) => {
    const handle = bot.fake.selectMenu({
      message: choices,
      customId: choiceSelectId.encode({ programmeId, field, target: "draft" }),
      values,
      user,
      locale,
    });
    await handle.finalReply(wait);
    expect(handle.record.errors).toEqual([]);
  };
  if (options.language) await pick("language", [options.language]);
  if (options.accommodations) await pick("accommodations", options.accommodations);
  if (options.agency) await pick("agency", [options.agency.id]);
  await bot.fake
    .clickButton({ message: choices, customId: nextButtonId.encode({ programmeId }), user, locale })
    .finalReply(wait);
  if (options.agency) {
    await bot.fake
      .clickButton({
        message: choices,
        customId: consentButtonId.encode({ programmeId, share: options.agency.share }),
        user,
        locale,
      })
      .finalReply(wait);
  }
  const [confirm] = clickConfirm(bot, choices, programmeId, user, locale, 1);
  if (!confirm) throw new Error("no confirmation click");
  return confirm;
}

/** Clicks "Join with these answers" `times` times at once (a double click), without waiting. */
function clickConfirm(
  bot: TestBot,
  choices: ApiMessage,
  programmeId: string,
  user: ApiUser,
  locale: string,
  times: number,
): InteractionHandle[] {
  return Array.from({ length: times }, () =>
    bot.fake.clickButton({
      message: choices,
      customId: confirmButtonId.encode({ programmeId }),
      user,
      locale,
    }),
  );
}

/** {@link onboardHandle}, but the confirmation is clicked twice at once (a double click). */
export async function onboardDoubleClick(
  bot: TestBot,
  ws: Workspace,
  user: ApiUser,
  locale = "ja",
): Promise<InteractionHandle[]> {
  const programmeId = ws.programme.id;
  const choices = await clickJoinAndSubmit(bot, ws, user, locale, goodAnswers);
  await bot.fake
    .clickButton({ message: choices, customId: nextButtonId.encode({ programmeId }), user, locale })
    .finalReply();
  return clickConfirm(bot, choices, programmeId, user, locale, 2);
}

/**
 * The confirmation's message once the Discord steps are done: answered at once with the summary
 * (first edit), then edited again with the project thread and the DM status by the onboarding job.
 */
export async function finishedReply(
  bot: TestBot,
  confirm: InteractionHandle,
  timeoutMs = 10_000,
): Promise<ApiMessage> {
  await confirm.finalReply(timeoutMs);
  return bot.fake.waitFor(
    () => confirm.record.originalEdits >= 2 && confirm.original(),
    timeoutMs,
    `the finished onboarding summary of interaction ${confirm.id}`,
  );
}

/** {@link onboardHandle}, then the message the intern ends up seeing when everything is done. */
export async function onboard(
  bot: TestBot,
  ws: Workspace,
  user: ApiUser,
  options: Parameters<typeof onboardHandle>[3] = {},
): Promise<ApiMessage> {
  return finishedReply(bot, await onboardHandle(bot, ws, user, options), options.timeoutMs);
}
