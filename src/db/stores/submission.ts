/** {@link SubmissionStore} over the repositories: each write and its audit entry in one transaction. */

import { ResourceKeys } from "../../domain/workspace/keys.ts";
import type { BlobIndex } from "../../features/submission/blobs.ts";
import type { SubmissionStore } from "../../features/submission/ports.ts";
import type { Database } from "../client.ts";
import { ConstraintViolation, mapConstraintViolations } from "../errors.ts";
import { createAgencyRepository } from "../repositories/agencies.ts";
import { createAllocationRepository } from "../repositories/allocations.ts";
import { recordAudit } from "../repositories/audit.ts";
import { createMemberRepository } from "../repositories/members.ts";
import { createProgrammeRepository } from "../repositories/programmes.ts";
import { createReviewRepository } from "../repositories/reviews.ts";
import { createSubmissionRepository } from "../repositories/submissions.ts";

/** Two `/submit` at once for one intern: the loser of the version number tries again. */
const NUMBER_RACES = new Set(["submission_version_submissionId_number_key", "submission_allocationId_key"]);
const ATTEMPTS = 3;

export function createSubmissionStore(db: Database): SubmissionStore {
  const submissions = createSubmissionRepository(db);
  return {
    async state(programmeId) {
      const programme = await createProgrammeRepository(db).get(programmeId);
      const terms = programme && (await submissions.programmeTerms(programmeId));
      return programme && terms ? { programme, ...terms } : null;
    },
    member: (programmeId, userId) => createMemberRepository(db).find(programmeId, userId),
    memberById: (memberId) => createMemberRepository(db).get(memberId),
    async staffChannel(programmeId) {
      return (
        (await createProgrammeRepository(db).discordResource(programmeId, ResourceKeys.channels.staff))
          ?.discordId ?? null
      );
    },
    async addExtensionRequest(input) {
      return db.$transaction(async (tx) => {
        const request = await createSubmissionRepository(tx).addExtensionRequest(input);
        await recordAudit(tx, input, "submission.extension.request", `extension_request:${request.id}`, {
          memberId: input.memberId,
          until: input.until.toISOString(),
        });
        return request;
      });
    },
    extensionRequest: (requestId) => submissions.extensionRequest(requestId),
    async decideExtensionRequest(input) {
      return db.$transaction(async (tx) => {
        const repo = createSubmissionRepository(tx);
        if (
          !(await repo.decideExtensionRequest(input.requestId, input.decision, input.actorUserId, input.at))
        ) {
          return false;
        }
        const request = await repo.extensionRequest(input.requestId);
        if (input.extension !== null && request !== null) {
          await repo.setExtension(request.memberId, input.extension);
        }
        await recordAudit(
          tx,
          input,
          `submission.extension.request.${input.decision}`,
          `extension_request:${input.requestId}`,
          input.extension === null ? null : { until: input.extension.until.toISOString() },
        );
        return true;
      });
    },
    async terms(memberId) {
      const profile = await db.memberProfile.findUnique({
        where: { memberId },
        select: { extendedDeadlines: true, fewerNotifications: true, preferredLocale: true },
      });
      return {
        extension: await submissions.extension(memberId),
        extendedDeadlines: profile?.extendedDeadlines ?? false,
        fewerNotifications: profile?.fewerNotifications ?? false,
        preferredLocale: profile?.preferredLocale ?? null,
      };
    },
    async liveAllocation(programmeId, memberId) {
      return (await createAllocationRepository(db).liveForMember(programmeId, memberId))?.id ?? null;
    },
    versions: (programmeId, memberId) => submissions.versions(programmeId, memberId),
    async addVersion(input) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await mapConstraintViolations(() =>
            db.$transaction(async (tx) => {
              const version = await createSubmissionRepository(tx).addVersion(input);
              let movedToSubmitted = false;
              if (version.number === 1) {
                const member = await tx.member.findUniqueOrThrow({
                  where: { id: input.memberId },
                  select: { stage: true },
                });
                if (member.stage === "working") {
                  await tx.member.update({ where: { id: input.memberId }, data: { stage: "submitted" } });
                  await tx.stageTransition.create({
                    data: {
                      memberId: input.memberId,
                      fromStage: "working",
                      toStage: "submitted",
                      actorUserId: input.actorUserId,
                      reason: "first submission",
                      at: input.submittedAt,
                    },
                  });
                  movedToSubmitted = true;
                }
              }
              await recordAudit(
                tx,
                { ...input, at: input.submittedAt },
                "submission.version",
                `submission_version:${version.id}`,
                {
                  number: version.number,
                  late: version.late,
                  manifestHash: version.manifestHash,
                  files: version.files.map((f) => f.sha256),
                },
              );
              return { version, movedToSubmitted };
            }),
          );
        } catch (error) {
          if (
            error instanceof ConstraintViolation &&
            NUMBER_RACES.has(error.constraint) &&
            attempt < ATTEMPTS
          )
            continue;
          throw error;
        }
      }
    },
    async setExtension(input) {
      await db.$transaction(async (tx) => {
        await createSubmissionRepository(tx).setExtension(input.memberId, input.extension);
        await recordAudit(
          tx,
          input,
          input.extension === null ? "submission.extension.clear" : "submission.extension.set",
          `member:${input.memberId}`,
          input.extension === null
            ? null
            : { until: input.extension.until.toISOString(), reason: input.extension.reason },
        );
      });
    },
    async setClosed(input) {
      await db.$transaction(async (tx) => {
        await createSubmissionRepository(tx).setClosed(input.programmeId, input.closedAt);
        await recordAudit(
          tx,
          input,
          input.closedAt === null ? "submission.reopen" : "submission.close",
          `programme:${input.programmeId}`,
        );
      });
    },
    async setSettings(input) {
      await db.$transaction(async (tx) => {
        await tx.programme.update({
          where: { id: input.programmeId },
          data: { submissionSettings: { ...input.settings } },
        });
        await recordAudit(tx, input, "submission.settings", `programme:${input.programmeId}`, {
          before: input.before,
          after: input.settings,
        });
      });
    },
    blobReferenced: (storageKey) => submissions.blobReferenced(storageKey),
    standings: (programmeId) => submissions.standings(programmeId),
    agencyIdsOfStaff: (guildId, userId) => createAgencyRepository(db).agencyIdsOfStaff(guildId, userId),
    async publishedFeedback(programmeId, versionIds) {
      const reviews = createReviewRepository(db);
      return {
        rubric: await reviews.rubric(programmeId),
        feedback: await reviews.published(programmeId, versionIds),
      };
    },
  };
}

/** Which blobs file rows point at, for the sweep and a programme's delete. */
export function createBlobIndex(db: Database): BlobIndex {
  return { referenced: (keys) => createSubmissionRepository(db).referencedBlobs(keys) };
}
