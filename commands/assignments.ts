import {
  type APIEmbed,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  ButtonStyle,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import { ConstraintViolation } from "../src/db/errors.ts";
import {
  PreviewAlreadyApplied,
  type PreviewPair,
  PreviewStale,
} from "../src/db/repositories/allocation-runs.ts";
import { createAllocationRepository } from "../src/db/repositories/allocations.ts";
import { createAssignmentRepository, type LibraryAssignment } from "../src/db/repositories/assignments.ts";
import { createLibraryRepository } from "../src/db/repositories/library.ts";
import { createMemberRepository } from "../src/db/repositories/members.ts";
import { DownloadTooLarge, downloadCapped } from "../src/discord/assignments/download.ts";
import { currentProgramme, internLocale, postBrief, runs } from "../src/discord/assignments/flows.ts";
import { formatImportFailure } from "../src/discord/assignments/import-report.ts";
import {
  button,
  buttonRow,
  CONTENT_MAX,
  clip,
  joinCapped,
  reasonsLine,
  titleIn,
} from "../src/discord/assignments/render.ts";
import { defineCommand } from "../src/discord/command.ts";
import { defineButton } from "../src/discord/component.ts";
import { defineCustomId } from "../src/discord/custom-id.ts";
import type { AutocompleteChoice, Scope } from "../src/discord/route.ts";
import { allocateAssignments } from "../src/domain/allocation/batch.ts";
import { allocationQuality } from "../src/domain/allocation/exact.ts";
import type { AllocationInput } from "../src/domain/allocation/result.ts";
import { allocationFingerprint } from "../src/domain/assignment/fingerprint.ts";
import { swapDeadline } from "../src/domain/assignment/swap.ts";
import { parseLibrary } from "../src/domain/library/parse.ts";
import { filesFromUpload, MAX_IMPORT_BYTES } from "../src/domain/library/sources.ts";
import { UserError } from "../src/features/errors.ts";
import { choiceText, commandText } from "../src/i18n/command-text.ts";
import { discordTimestamp } from "../src/i18n/time.ts";

const T = ApplicationCommandOptionType;

/** Above this many intern × assignment cells the preview skips the exact comparison (it must answer quickly). */
const PREVIEW_EXACT_CELLS = 250_000;
const LIST_PAGE_SIZE = 10;

const assignmentOption = (path: "show" | "exclude" | "reserve") =>
  ({
    type: T.String,
    name: "assignment",
    ...commandText(`assignments.${path}.assignment`),
    required: true,
    autocomplete: true,
    max_length: 100,
  }) as const;

/** `/assignments …`: the library and allocation, for organisers. */
export const definition = {
  name: "assignments",
  ...commandText("assignments"),
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    {
      type: T.Subcommand,
      name: "import",
      ...commandText("assignments.import"),
      options: [
        { type: T.Attachment, name: "file", ...commandText("assignments.import.file"), required: true },
      ],
    },
    { type: T.Subcommand, name: "allocate", ...commandText("assignments.allocate") },
    {
      type: T.Subcommand,
      name: "release",
      ...commandText("assignments.release"),
      options: [{ type: T.User, name: "user", ...commandText("assignments.release.user"), required: true }],
    },
    {
      type: T.Subcommand,
      name: "list",
      ...commandText("assignments.list"),
      options: [
        {
          type: T.String,
          name: "status",
          ...commandText("assignments.list.status"),
          choices: [
            { value: "retired", ...choiceText("assignments.list.status.retired") },
            {
              value: "active_in_recruitment",
              ...choiceText("assignments.list.status.active_in_recruitment"),
            },
          ],
        },
        {
          type: T.Integer,
          name: "level",
          ...commandText("assignments.list.level"),
          min_value: 1,
          max_value: 5,
        },
        { type: T.String, name: "skill", ...commandText("assignments.list.skill"), max_length: 40 },
      ],
    },
    {
      type: T.Subcommand,
      name: "show",
      ...commandText("assignments.show"),
      options: [assignmentOption("show")],
    },
    {
      type: T.Subcommand,
      name: "exclude",
      ...commandText("assignments.exclude"),
      options: [
        assignmentOption("exclude"),
        { type: T.Boolean, name: "excluded", ...commandText("assignments.exclude.excluded"), required: true },
      ],
    },
    {
      type: T.Subcommand,
      name: "reserve",
      ...commandText("assignments.reserve"),
      options: [
        assignmentOption("reserve"),
        { type: T.Boolean, name: "reserved", ...commandText("assignments.reserve.reserved"), required: true },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The Confirm button under a batch preview; the preview (saved) says exactly what to apply. */
export const confirmAllocationId = defineCustomId("asg-confirm", 1, { previewId: z.string().min(1).max(40) });

/**
 * A page of `/assignments list`. The skill filter is what the organiser typed, bounded and
 * restricted to name-like characters so the id stays small and inert.
 */
export const listPageId = defineCustomId("asg-page", 1, {
  page: z.int().min(0).max(10_000),
  status: z.enum(["retired", "active_in_recruitment"]).nullable(),
  level: z.int().min(1).max(5).nullable(),
  skill: z
    .string()
    .regex(/^[\p{L}\p{N} ._+#-]{1,24}$/u)
    .nullable(),
});

interface ListFilter {
  status: "retired" | "active_in_recruitment" | null;
  level: number | null;
  skill: string | null;
}

async function findAssignment(scope: Scope, value: string): Promise<LibraryAssignment> {
  const repository = createAssignmentRepository(scope.app.db);
  const found = (await repository.get(value)) ?? (await repository.findByKey(scope.guildId, value));
  if (found === null || found.guildId !== scope.guildId) throw new UserError("assignments.show.notFound");
  return found;
}

async function suggestLibrary(scope: Scope, typed: string): Promise<AutocompleteChoice[]> {
  const needle = typed.trim().toLowerCase();
  return (await createAssignmentRepository(scope.app.db).library(scope.guildId))
    .filter((a) =>
      [a.key, a.latest.titleJa, a.latest.titleEn ?? ""].some((x) => x.toLowerCase().includes(needle)),
    )
    .slice(0, 25)
    .map((a) => ({ name: `${titleIn(scope.locale, a.latest)} (${a.key})`, value: a.id }));
}

async function listPage(scope: Scope, filter: ListFilter, page: number) {
  const { t } = scope;
  const repository = createAssignmentRepository(scope.app.db);
  const skill = filter.skill?.toLowerCase() ?? null;
  const all = (await repository.library(scope.guildId)).filter(
    (a) =>
      (filter.status === null || a.latest.status === filter.status) &&
      (filter.level === null || a.latest.level === filter.level) &&
      (skill === null || a.latest.skills.some((s) => s.toLowerCase().includes(skill))),
  );
  if (all.length === 0) return { content: t("assignments.list.empty"), embeds: [], components: [] };
  const pages = Math.ceil(all.length / LIST_PAGE_SIZE);
  const current = Math.min(Math.max(0, page), pages - 1);
  const slice = all.slice(current * LIST_PAGE_SIZE, (current + 1) * LIST_PAGE_SIZE);
  const flags = new Map<string, string[]>();
  if (scope.programme !== null) {
    for (const f of await repository.programmeFlags(scope.programme.id)) {
      flags.set(f.assignmentId, [
        ...(f.excluded ? [t("assignments.flag.excluded")] : []),
        ...(f.reserved ? [t("assignments.flag.reserved")] : []),
      ]);
    }
    for (const a of await createAllocationRepository(scope.app.db).live(scope.programme.id)) {
      flags.set(a.assignmentId, [...(flags.get(a.assignmentId) ?? []), t("assignments.flag.allocated")]);
    }
  }
  const lines = slice.map((a) => {
    const marks = flags.get(a.id) ?? [];
    return t("assignments.list.line", {
      key: a.key,
      version: a.latest.version,
      title: clip(titleIn(scope.locale, a.latest), 80),
      level: a.latest.level,
      hours: a.latest.estimatedHours,
      status: t(`assignments.status.${a.latest.status}`),
      flags: marks.length === 0 ? "" : ` [${marks.join(", ")}]`,
    });
  });
  const embed: APIEmbed = {
    title: t("assignments.list.title", {
      from: current * LIST_PAGE_SIZE + 1,
      to: current * LIST_PAGE_SIZE + slice.length,
      total: all.length,
    }),
    description: clip(lines.join("\n"), 4096),
  };
  const buttons = [];
  if (current > 0) {
    buttons.push(
      button(
        listPageId.encode({ ...filter, page: current - 1 }),
        t("assignments.list.previous"),
        ButtonStyle.Secondary,
      ),
    );
  }
  if (current < pages - 1) {
    buttons.push(
      button(
        listPageId.encode({ ...filter, page: current + 1 }),
        t("assignments.list.next"),
        ButtonStyle.Secondary,
      ),
    );
  }
  return { content: "", embeds: [embed], components: buttons.length === 0 ? [] : [buttonRow(buttons)] };
}

/** The batch allocation's input from the programme's state: onboarded interns only. */
async function allocationSituation(scope: Scope, programmeId: string) {
  const programme = await currentProgramme(scope);
  const state = await runs(scope).state(programmeId);
  const interns = state.interns.filter((i) => i.stage === "onboarded");
  const input: AllocationInput = {
    interns,
    assignments: state.assignments,
    history: state.history,
    existing: state.existing,
    programme: { startsAt: programme.startsAt, endsAt: programme.endsAt },
    now: scope.app.now(),
  };
  const fingerprint = allocationFingerprint({
    interns,
    assignments: state.assignments,
    existing: state.existing,
    history: state.history,
  });
  return { programme, state, interns, input, fingerprint };
}

const confirmButton = defineButton(confirmAllocationId, {
  access: "organiser",
  acknowledgement: "update",
  async run(ctx) {
    const { t } = ctx;
    const repository = runs(ctx);
    const preview = await repository.preview(ctx.payload.previewId);
    if (preview === null || preview.programmeId !== ctx.programme?.id) {
      throw new UserError("assignments.allocate.unknownPreview");
    }
    if (preview.applied) throw new UserError("assignments.allocate.alreadyApplied");
    const situation = await allocationSituation(ctx, preview.programmeId);
    if (situation.fingerprint !== preview.fingerprint) throw new UserError("assignments.allocate.stale");
    const at = ctx.app.now();
    try {
      await repository.applyPreview(preview, { guildId: ctx.guildId, actorUserId: ctx.userId, at });
    } catch (error) {
      if (error instanceof PreviewAlreadyApplied) throw new UserError("assignments.allocate.alreadyApplied");
      if (error instanceof PreviewStale || error instanceof ConstraintViolation) {
        throw new UserError("assignments.allocate.stale");
      }
      throw error;
    }
    ctx.logger.info({ previewId: preview.id, allocated: preview.pairs.length }, "batch allocation applied");

    const { programme, state } = situation;
    const interns = new Map(state.interns.map((i) => [i.id, i]));
    const assignments = createAssignmentRepository(ctx.app.db);
    const swapUntil = swapDeadline(at, programme.settings.swapWindowDays);
    const withoutThread: string[] = [];
    for (const pair of preview.pairs) {
      const intern = interns.get(pair.memberId);
      const version = await assignments.version(pair.versionId);
      if (intern === undefined || version === null) continue;
      const posted = await postBrief(
        ctx.interaction.client,
        ctx.logger,
        {
          channelId: intern.projectChannelId,
          userId: intern.discordUserId,
          locale: await internLocale(ctx, programme, intern.id),
        },
        version,
        swapUntil,
      );
      if (!posted) withoutThread.push(`<@${intern.discordUserId}>`);
    }
    const lines = [t("assignments.allocate.applied", { count: preview.pairs.length })];
    if (withoutThread.length > 0)
      lines.push(t("assignments.allocate.noThread", { users: withoutThread.join(" ") }));
    await ctx.respond.update({ content: clip(lines.join("\n"), CONTENT_MAX), embeds: [], components: [] });
  },
});

const pageButton = defineButton(listPageId, {
  access: "organiser",
  acknowledgement: "update",
  async run(ctx) {
    const { page, ...filter } = ctx.payload;
    await ctx.respond.update(await listPage(ctx, filter, page));
  },
});

async function setFlag(scope: Scope, value: string, flags: { excluded?: boolean; reserved?: boolean }) {
  const programme = await currentProgramme(scope);
  const assignment = await findAssignment(scope, value);
  const saved = await createAssignmentRepository(scope.app.db).setProgrammeFlags(
    programme.id,
    assignment.id,
    flags,
  );
  await scope.app.db.auditLogEntry.create({
    data: {
      guildId: scope.guildId,
      programmeId: programme.id,
      actorUserId: scope.userId,
      action: "assignment.flags",
      target: `assignment:${assignment.id}`,
      data: { excluded: saved.excluded, reserved: saved.reserved },
    },
  });
  const yesNo = (on: boolean) => scope.t(on ? "assignments.flags.on" : "assignments.flags.off");
  return scope.t("assignments.flags.set", {
    title: titleIn(scope.locale, assignment.latest),
    excluded: yesNo(saved.excluded),
    reserved: yesNo(saved.reserved),
  });
}

export const command = defineCommand(
  definition,
  {
    import: {
      access: "organiser",
      async run(ctx) {
        const { t, args } = ctx;
        const file = args.file;
        const toMb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
        const limit = toMb(MAX_IMPORT_BYTES);
        // Refused by the declared size before a byte is downloaded.
        if (file.size > MAX_IMPORT_BYTES)
          throw new UserError("library.import.tooLarge", { size: toMb(file.size), limit });
        let bytes: Uint8Array;
        try {
          bytes = await downloadCapped(file.url, MAX_IMPORT_BYTES);
        } catch (error) {
          if (error instanceof DownloadTooLarge)
            throw new UserError("library.import.tooLarge", { size: `> ${limit}`, limit });
          ctx.logger.warn({ err: error }, "attachment download failed");
          throw new UserError("library.import.downloadFailed");
        }
        const unpacked = filesFromUpload(file.name, bytes);
        const parsed =
          unpacked.issues.length > 0
            ? { entries: [], issues: unpacked.issues }
            : parseLibrary(unpacked.files);
        if (parsed.issues.length > 0) {
          await ctx.respond.reply(clip(formatImportFailure(t, parsed.issues), CONTENT_MAX));
          return;
        }
        const summary = await createLibraryRepository(ctx.app.db).importEntries(ctx.guildId, parsed.entries, {
          actorUserId: ctx.userId,
          programmeId: ctx.programme?.id ?? null,
          source: file.name,
          at: ctx.app.now(),
        });
        ctx.logger.info(
          {
            created: summary.created.length,
            updated: summary.updated.length,
            unchanged: summary.unchanged.length,
          },
          "library imported",
        );
        await ctx.respond.reply(
          t("library.import.done", {
            created: summary.created.length,
            updated: summary.updated.length,
            unchanged: summary.unchanged.length,
          }),
        );
      },
    },
    allocate: {
      access: "organiser",
      async run(ctx) {
        const { t } = ctx;
        const programme = await currentProgramme(ctx);
        const { input, state, interns, fingerprint } = await allocationSituation(ctx, programme.id);
        if (interns.length === 0) {
          await ctx.respond.reply(t("assignments.allocate.nobody"));
          return;
        }
        const result = allocateAssignments(input);
        const quality =
          interns.length * state.assignments.length <= PREVIEW_EXACT_CELLS
            ? allocationQuality(input, result)
            : undefined;
        const versions = new Map(state.assignments.map((a) => [a.id, a.versionId]));
        const pairs: PreviewPair[] = result.pairs.map((p) => ({
          memberId: p.internId,
          assignmentId: p.assignmentId,
          versionId: versions.get(p.assignmentId) ?? "",
        }));
        const previewId = await runs(ctx).savePreview({
          guildId: ctx.guildId,
          programmeId: programme.id,
          actorUserId: ctx.userId,
          fingerprint,
          pairs,
          at: ctx.app.now(),
        });

        const library = new Map(
          (await createAssignmentRepository(ctx.app.db).library(programme.guildId)).map((a) => [a.id, a]),
        );
        const users = new Map(interns.map((i) => [i.id, i.discordUserId]));
        const lines = [
          ...result.pairs.map((p) => {
            const latest = library.get(p.assignmentId)?.latest;
            return t("assignments.allocate.pair", {
              user: users.get(p.internId) ?? "",
              title: latest ? clip(titleIn(ctx.locale, latest), 80) : p.assignmentId,
              score: p.score,
              reasons: reasonsLine(t, p.reasons),
            });
          }),
          ...result.unallocated.map((u) =>
            t("assignments.allocate.unallocated", {
              user: users.get(u.internId) ?? "",
              reason: t(`allocation.unallocated.${u.reason}`),
            }),
          ),
        ];
        const summary = [
          t("assignments.allocate.summary", {
            interns: interns.length,
            allocated: result.pairs.length,
            total: result.totalScore,
          }),
          quality === undefined
            ? t("assignments.allocate.qualityUnknown")
            : t("assignments.allocate.quality", {
                percent: (Math.floor(quality.ratio * 1000) / 10).toFixed(1),
                optimum: quality.optimumScore,
              }),
        ].join("\n");
        const description = joinCapped(lines, 4096 - summary.length - 4, (count) =>
          t("assignments.allocate.more", { count }),
        );
        await ctx.respond.reply({
          embeds: [{ title: t("assignments.allocate.title"), description: `${summary}\n\n${description}` }],
          components:
            pairs.length === 0
              ? []
              : [
                  buttonRow([
                    button(
                      confirmAllocationId.encode({ previewId }),
                      t("assignments.allocate.confirm"),
                      ButtonStyle.Success,
                    ),
                  ]),
                ],
        });
      },
    },
    release: {
      access: "organiser",
      async run(ctx) {
        const { t } = ctx;
        const programme = await currentProgramme(ctx);
        const target = ctx.args.user.user.id;
        const member = await createMemberRepository(ctx.app.db).find(programme.id, target);
        if (member === null) throw new UserError("assignments.release.notMember", { user: target });
        const live = await createAllocationRepository(ctx.app.db).liveForMember(programme.id, member.id);
        if (live === null) throw new UserError("assignments.release.none", { user: target });
        await runs(ctx).release({
          guildId: ctx.guildId,
          programmeId: programme.id,
          memberId: member.id,
          reason: "released_by_organiser",
          stage: "onboarded",
          actorUserId: ctx.userId,
          at: ctx.app.now(),
        });
        const version = await createAssignmentRepository(ctx.app.db).version(live.assignmentVersionId);
        await ctx.respond.reply(
          t("assignments.release.done", {
            user: target,
            title: version ? titleIn(ctx.locale, version) : "?",
          }),
        );
      },
    },
    list: {
      access: "organiser",
      async run(ctx) {
        const { status, level, skill } = ctx.args;
        const cleanSkill = skill?.trim().slice(0, 24) ?? "";
        const filter: ListFilter = {
          status: status ?? null,
          level: level ?? null,
          skill: /^[\p{L}\p{N} ._+#-]{1,24}$/u.test(cleanSkill) ? cleanSkill : null,
        };
        await ctx.respond.reply(await listPage(ctx, filter, 0));
      },
    },
    show: {
      access: "organiser",
      autocomplete: { assignment: (ctx) => suggestLibrary(ctx, ctx.value) },
      async run(ctx) {
        const { t } = ctx;
        const assignment = await findAssignment(ctx, ctx.args.assignment);
        const latest = assignment.latest;
        const versions = await createAssignmentRepository(ctx.app.db).versions(assignment.id);
        const usage = await runs(ctx).usage(assignment.id);
        const history =
          usage.length === 0
            ? t("assignments.show.noHistory")
            : usage
                .map((u) =>
                  t("assignments.show.historyLine", {
                    programme: clip(u.programmeName, 60),
                    user: u.discordUserId,
                    version: u.version,
                    at: discordTimestamp(u.allocatedAt, "d"),
                    released:
                      u.releaseReason === null
                        ? ""
                        : t("assignments.show.released", {
                            reason: t(`assignments.releaseReason.${u.releaseReason}`),
                          }),
                  }).trim(),
                )
                .join("\n");
        const embed: APIEmbed = {
          title: clip(`${titleIn(ctx.locale, latest)} (${assignment.key})`, 256),
          description: clip(latest.brief, 1500),
          fields: [
            {
              name: t("assignments.show.status"),
              value: t(`assignments.status.${latest.status}`),
              inline: true,
            },
            { name: t("assignments.brief.level"), value: String(latest.level), inline: true },
            {
              name: t("assignments.brief.hours"),
              value: t("assignments.brief.hoursValue", { hours: latest.estimatedHours }),
              inline: true,
            },
            {
              name: t("assignments.brief.skills"),
              value: clip(latest.skills.join(", "), 1024) || t("assignments.brief.none"),
            },
            {
              name: t("assignments.show.origin"),
              value: latest.originRound ?? t("assignments.brief.none"),
              inline: true,
            },
            {
              name: t("assignments.show.versions"),
              value: clip(
                versions
                  .map((v) =>
                    t("assignments.show.version", {
                      version: v.version,
                      at: discordTimestamp(v.createdAt, "d"),
                    }),
                  )
                  .join("\n"),
                1024,
              ),
              inline: true,
            },
            { name: t("assignments.show.history"), value: clip(history, 1024) },
          ],
        };
        await ctx.respond.reply({ embeds: [embed] });
      },
    },
    exclude: {
      access: "organiser",
      autocomplete: { assignment: (ctx) => suggestLibrary(ctx, ctx.value) },
      async run(ctx) {
        await ctx.respond.reply(await setFlag(ctx, ctx.args.assignment, { excluded: ctx.args.excluded }));
      },
    },
    reserve: {
      access: "organiser",
      autocomplete: { assignment: (ctx) => suggestLibrary(ctx, ctx.value) },
      async run(ctx) {
        await ctx.respond.reply(await setFlag(ctx, ctx.args.assignment, { reserved: ctx.args.reserved }));
      },
    },
  },
  { components: [confirmButton, pageButton] },
);
