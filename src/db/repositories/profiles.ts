/**
 * Intern profiles as onboarding writes them and other features read them: the onboarding draft,
 * the one-transaction completion of onboarding, and the programme-wide read for allocation.
 */

import { stagePath } from "../../domain/onboarding/stages.ts";
import type { OnboardingWrite } from "../../features/onboarding/onboarding.ts";
import type { Database } from "../client.ts";
import type { InternStage } from "../enums.ts";
import { ConstraintViolation, mapConstraintViolations, toConstraintViolation } from "../errors.ts";
import { type Member, type MemberProfile, toProfile, writeProfile } from "./members.ts";

/** How often a draft save re-reads and retries when the same person changed it in between. */
const DRAFT_SAVE_ATTEMPTS = 5;

/** How often completing onboarding starts over when another request changed the member in between. */
const ONBOARDING_ATTEMPTS = 3;

/** Thrown inside the onboarding transaction to roll it back and start over from a fresh read. */
class MemberChanged extends Error {}

/** A JSON object of draft answers; the onboarding domain parses it (`draftAnswersSchema`). */
export type DraftJson = Record<string, unknown>;

/**
 * What completing onboarding did: `onboarded` is false when the member was already onboarded or
 * further (or withdrawn) inside the transaction — e.g. the other click of a double click got there
 * first — and then nothing was written.
 */
export interface OnboardingResult {
  member: Member;
  onboarded: boolean;
}

/** An intern with the profile they gave at onboarding, as allocation reads them. */
export interface InternWithProfile {
  memberId: string;
  discordUserId: string;
  stage: InternStage | null;
  projectChannelId: string | null;
  profile: MemberProfile | null;
}

/** Reads and writes onboarding drafts and profiles. `db` must be the client (it opens transactions). */
export function createProfileRepository(client: Database) {
  return {
    /** The user's unfinished answers in this programme, or null. */
    async draft(programmeId: string, discordUserId: string): Promise<DraftJson | null> {
      const row = await client.onboardingDraft.findUnique({
        where: { programmeId_discordUserId: { programmeId, discordUserId } },
      });
      const answers = row?.answers;
      return answers && typeof answers === "object" && !Array.isArray(answers)
        ? (answers as DraftJson)
        : null;
    },

    /**
     * Merges `changes` into the user's draft (creating it) and returns the whole draft. A key set
     * to `undefined` is left as it was.
     */
    async saveDraft(programmeId: string, discordUserId: string, changes: DraftJson): Promise<DraftJson> {
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const where = { programmeId_discordUserId: { programmeId, discordUserId } };
      // Compare-and-set on `updatedAt` rather than an interactive transaction: on SQLite the
      // adapter runs transactions one at a time, so in a kick-off rush every form submission queued
      // behind all the others (and behind onboarding's own transactions); two plain queries do not.
      for (let attempt = 0; attempt < DRAFT_SAVE_ATTEMPTS; attempt++) {
        const existing = await client.onboardingDraft.findUnique({ where });
        const before =
          existing?.answers && typeof existing.answers === "object" && !Array.isArray(existing.answers)
            ? (existing.answers as DraftJson)
            : {};
        const answers = JSON.parse(JSON.stringify({ ...before, ...defined })) as { [key: string]: string };
        if (!existing) {
          try {
            await client.onboardingDraft.create({ data: { programmeId, discordUserId, answers } });
            return answers;
          } catch (error) {
            // Another click of the same person created it first: merge into theirs.
            if (toConstraintViolation(error)) continue;
            throw error;
          }
        }
        const { count } = await client.onboardingDraft.updateMany({
          where: { programmeId, discordUserId, updatedAt: existing.updatedAt },
          data: { answers },
        });
        if (count === 1) return answers;
      }
      throw new Error(`the onboarding draft kept changing under ${DRAFT_SAVE_ATTEMPTS} attempts to save it`);
    },

    /**
     * Deletes drafts untouched since `before`, and every draft of a programme that is closed or
     * archived (nobody can finish those). Returns how many were deleted.
     */
    async expireDrafts(before: Date): Promise<number> {
      const { count } = await client.onboardingDraft.deleteMany({
        where: {
          OR: [{ updatedAt: { lt: before } }, { programme: { status: { in: ["closed", "archived"] } } }],
        },
      });
      return count;
    },

    async deleteDraft(programmeId: string, discordUserId: string): Promise<void> {
      await client.onboardingDraft.deleteMany({ where: { programmeId, discordUserId } });
    },

    /**
     * Replaces an onboarded member's profile and deletes their draft in one transaction, so a
     * failed delete cannot leave a stale draft to pre-fill the next edit.
     */
    async saveProfileFromDraft(
      member: { id: string; programmeId: string; discordUserId: string },
      profile: MemberProfile,
    ): Promise<void> {
      const { programmeId, discordUserId } = member;
      await mapConstraintViolations(() =>
        client.$transaction(async (tx) => {
          await writeProfile(tx, member.id, profile);
          await tx.onboardingDraft.deleteMany({ where: { programmeId, discordUserId } });
        }),
      );
    },

    /**
     * Completes onboarding in ONE transaction: the member (created if new) with the intern role,
     * the stage moves (each recorded as a transition), the profile and skills, the agency and the
     * consent (with the time it was given), and the draft deleted. Either all of it is written or
     * none. The stage path is computed from the member row read INSIDE the transaction, and the
     * stage is moved with a compare-and-set on it: when two requests race (a double click), one
     * onboards and the other finds the member onboarded and writes nothing (`onboarded: false`).
     * Discord steps come after, and are repeatable (see `src/discord/onboarding/workspace.ts`).
     */
    async completeOnboarding(input: OnboardingWrite): Promise<OnboardingResult> {
      const { programmeId, discordUserId, profile, at } = input;
      const attempt = () =>
        client.$transaction(async (tx) => {
          const member = await tx.member.upsert({
            where: { programmeId_discordUserId: { programmeId, discordUserId } },
            create: { programmeId, discordUserId, joinedAt: at },
            update: {},
          });
          // Onboarded or further, or withdrawn: this request has nothing to write.
          if (member.stage !== null && member.stage !== "applied") {
            return { memberId: member.id, onboarded: false };
          }
          const stages = stagePath(member.stage, "onboarded");
          const consentChanged =
            member.agencyId !== input.agencyId || member.agencyConsent !== input.agencyConsent;
          // Compare-and-set on the stage read above: on PostgreSQL a concurrent transaction that
          // moved it first makes this match nothing (the row is re-checked after its lock).
          const { count } = await tx.member.updateMany({
            where: { id: member.id, stage: member.stage },
            data: {
              stage: "onboarded",
              agencyId: input.agencyId,
              agencyConsent: input.agencyConsent,
              ...(consentChanged && input.agencyId !== null ? { agencyConsentChangedAt: at } : {}),
            },
          });
          if (count !== 1) throw new MemberChanged();
          await tx.memberRole.upsert({
            where: { memberId_role: { memberId: member.id, role: "intern" } },
            create: { memberId: member.id, role: "intern", grantedAt: at, grantedByUserId: null },
            update: {},
          });
          let from: InternStage | null = member.stage;
          for (const to of stages) {
            await tx.stageTransition.create({
              data: { memberId: member.id, fromStage: from, toStage: to, actorUserId: null, at },
            });
            from = to;
          }
          await writeProfile(tx, member.id, profile);
          await tx.onboardingDraft.deleteMany({ where: { programmeId, discordUserId } });
          return { memberId: member.id, onboarded: true };
        });
      let result: { memberId: string; onboarded: boolean } | undefined;
      for (let n = 1; result === undefined; n++) {
        try {
          result = await mapConstraintViolations(attempt);
        } catch (error) {
          // Another request changed the member (stage moved, or created it first: PostgreSQL's
          // unique index refuses our insert once theirs commits). Start over from the new row.
          const raced = error instanceof MemberChanged || error instanceof ConstraintViolation;
          if (!raced || n >= ONBOARDING_ATTEMPTS) throw error;
        }
      }
      const memberId = result.memberId;
      const row = await client.member.findUniqueOrThrow({
        where: { id: memberId },
        include: { roles: { select: { role: true } } },
      });
      const member: Member = {
        id: row.id,
        programmeId: row.programmeId,
        discordUserId: row.discordUserId,
        roles: row.roles.map((r) => r.role),
        stage: row.stage,
        agencyId: row.agencyId,
        agencyConsent: row.agencyConsent,
        agencyConsentChangedAt: row.agencyConsentChangedAt,
        projectChannelId: row.projectChannelId,
        joinedAt: row.joinedAt,
      };
      return { member, onboarded: result.onboarded };
    },

    /**
     * Records the project thread, only if none is recorded yet. Returns false when another
     * request recorded one first (the caller then removes the thread it just made).
     */
    async claimProjectChannel(memberId: string, channelId: string): Promise<boolean> {
      const { count } = await client.member.updateMany({
        where: { id: memberId, projectChannelId: null },
        data: { projectChannelId: channelId },
      });
      return count === 1;
    },

    /** Changes the fixed choices of a saved profile (language, ready-made accommodations). */
    async updateChoices(
      memberId: string,
      changes: {
        preferredLocale?: MemberProfile["preferredLocale"];
        accommodations?: Omit<MemberProfile["accommodations"], "notes">;
      },
    ): Promise<void> {
      await client.memberProfile.update({
        where: { memberId },
        data: {
          ...(changes.preferredLocale === undefined ? {} : { preferredLocale: changes.preferredLocale }),
          ...changes.accommodations,
        },
      });
    },

    /**
     * Points the intern at another agency (or none). Consent is given to one agency, never carried
     * over to another: a change of agency turns sharing off, recording when. Returns false (and
     * writes nothing) if the agency is unchanged.
     */
    async changeAgency(memberId: string, agencyId: string | null, at: Date): Promise<boolean> {
      const { count } = await client.member.updateMany({
        where: { id: memberId, NOT: { agencyId } },
        data: { agencyId, agencyConsent: false, agencyConsentChangedAt: at },
      });
      if (count === 0 && agencyId === null) return false;
      if (count === 0) {
        // `NOT: { agencyId: x }` skips rows whose agencyId is NULL (SQL three-valued logic).
        const { count: fromNone } = await client.member.updateMany({
          where: { id: memberId, agencyId: null },
          data: { agencyId, agencyConsent: false, agencyConsentChangedAt: at },
        });
        return fromNone === 1;
      }
      return true;
    },

    /**
     * Every intern of the programme with their profile and skills, oldest first, in two queries
     * (whatever the cohort size). This is what allocation reads: hours, skills, interests.
     */
    async interns(programmeId: string): Promise<InternWithProfile[]> {
      const rows = await client.member.findMany({
        where: { programmeId, roles: { some: { role: "intern" } } },
        include: { profile: true, skills: { orderBy: { skill: "asc" } } },
        orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
      });
      return rows.map((row) => ({
        memberId: row.id,
        discordUserId: row.discordUserId,
        stage: row.stage,
        projectChannelId: row.projectChannelId,
        profile: row.profile ? toProfile(row.profile, row.skills) : null,
      }));
    },
  };
}
