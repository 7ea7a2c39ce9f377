/**
 * What the assignments e2e tests set up alike: an open programme written straight to the
 * database (the `/program open` flow has its own tests), its organiser, and interns with an
 * onboarding profile (and `customIds`, re-exported for them).
 */

import type { TestBot } from "../../../scripts/harness/bot.ts";
import type { Database } from "../../../src/db/client.ts";
import { createMemberRepository, type Member } from "../../../src/db/repositories/members.ts";

export { customIds } from "../../support/components.ts";

import { seedProgramme } from "../../support/programme.ts";

const DAY_MS = 86_400_000;

/**
 * An open programme in the fake guild, started yesterday and ending in `days` days; with
 * `organiser`, that user joins it as its organiser. Returns the programme id.
 */
export async function openProgramme(
  bot: TestBot,
  options: {
    name: string;
    mode?: "internship" | "hackathon";
    days?: number;
    selfService?: boolean;
    organiser?: string;
  },
): Promise<string> {
  const { programme } = await seedProgramme(bot.db as Database, {
    guildId: bot.fake.guild.id,
    name: options.name,
    mode: options.mode ?? "internship",
    status: "open",
    startsAt: new Date(Date.now() - DAY_MS),
    endsAt: new Date(Date.now() + (options.days ?? 40) * DAY_MS),
    createdByUserId: options.organiser ?? "1",
    ...(options.selfService ? { selfService: true } : {}),
    ...(options.organiser === undefined ? {} : { organiser: options.organiser }),
  });
  return programme.id;
}

/** An intern with an onboarding profile (no accommodations); `onboarded` moves their stage. */
export async function addIntern(
  db: Database,
  programmeId: string,
  userId: string,
  profile: {
    name: string;
    skills?: { name: string; level: number }[];
    interests?: string[];
    hours?: number | null;
    locale?: "ja" | "en" | null;
    onboarded?: boolean;
    projectChannelId?: string;
  },
): Promise<Member> {
  const members = createMemberRepository(db);
  const member = await members.join({ programmeId, discordUserId: userId, roles: ["intern"] });
  if (profile.onboarded) await members.moveStage(member.id, "onboarded", { actorUserId: null });
  await members.saveProfile(member.id, {
    displayName: profile.name,
    skills: profile.skills ?? [{ name: "typescript", level: 2 }],
    interests: profile.interests ?? [],
    weeklyHoursAvailable: profile.hours === undefined ? 10 : profile.hours,
    preferredLocale: profile.locale ?? null,
    accommodations: {
      notes: null,
      textOnlyPresentation: false,
      extendedDeadlines: false,
      fewerNotifications: false,
    },
  });
  if (profile.projectChannelId !== undefined)
    await members.setProjectChannel(member.id, profile.projectChannelId);
  return member;
}
