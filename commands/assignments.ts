import {
  type APIEmbed,
  ApplicationCommandOptionType,
  ButtonStyle,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import { uploadSource } from "../src/discord/assignments/download.ts";
import { postBrief } from "../src/discord/assignments/flows.ts";
import { formatImportFailure } from "../src/discord/assignments/import-report.ts";
import {
  confirmAllocationId,
  previewCsv,
  previewPage,
  previewPageId,
} from "../src/discord/assignments/preview.ts";
import { button, buttonRow, CONTENT_MAX, clip, titleIn } from "../src/discord/assignments/render.ts";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { defineButton } from "../src/discord/component.ts";
import { defineCustomId } from "../src/discord/custom-id.ts";
import type { AutocompleteChoice, Scope } from "../src/discord/route.ts";
import { type Caller, LIST_PAGE_SIZE, type ListFilter } from "../src/features/library/use-cases.ts";
import { choiceText, commandText } from "../src/i18n/command-text.ts";
import { discordTimestamp } from "../src/i18n/time.ts";

const T = ApplicationCommandOptionType;

const assignmentOption = (path: "show" | "exclude" | "reserve" | "give") =>
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
  ...guildCommand("assignments", "manageGuild"),
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
      name: "give",
      ...commandText("assignments.give"),
      options: [
        { type: T.User, name: "user", ...commandText("assignments.give.user"), required: true },
        assignmentOption("give"),
      ],
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

/** The use-cases' view of who is asking. */
const caller = (scope: Scope): Caller => ({
  guildId: scope.guildId,
  programmeId: scope.programme?.id ?? null,
  userId: scope.userId,
});

async function suggestLibrary(scope: Scope, typed: string): Promise<AutocompleteChoice[]> {
  const found = await scope.app.features.library.suggest(caller(scope), typed);
  return found.map((a) => ({ name: `${titleIn(scope.locale, a.latest)} (${a.key})`, value: a.id }));
}

async function listPage(scope: Scope, filter: ListFilter, page: number) {
  const { t } = scope;
  const listed = await scope.app.features.library.list(caller(scope), filter, page);
  if (listed.kind === "empty") return { content: t("assignments.list.empty"), embeds: [], components: [] };
  const { page: current, pages, total, entries } = listed;
  const lines = entries.map(({ assignment: a, marks }) =>
    t("assignments.list.line", {
      key: a.key,
      version: a.latest.version,
      title: clip(titleIn(scope.locale, a.latest), 80),
      level: a.latest.level,
      hours: a.latest.estimatedHours,
      status: t(`assignments.status.${a.latest.status}`),
      flags: marks.length === 0 ? "" : ` [${marks.map((m) => t(`assignments.flag.${m}`)).join(", ")}]`,
    }),
  );
  const embed: APIEmbed = {
    title: t("assignments.list.title", {
      from: current * LIST_PAGE_SIZE + 1,
      to: current * LIST_PAGE_SIZE + entries.length,
      total,
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

const confirmButton = defineButton(confirmAllocationId, {
  access: "organiser",
  acknowledgement: "update",
  async run(ctx) {
    const { t } = ctx;
    const applied = await ctx.app.features.library.confirm(caller(ctx), ctx.payload.previewId);
    ctx.logger.info(
      { previewId: applied.previewId, allocated: applied.allocated },
      "batch allocation applied",
    );
    const withoutThread: string[] = [];
    for (const brief of applied.briefs) {
      const posted = await postBrief(
        ctx.interaction.client,
        ctx.logger,
        brief.target,
        brief.version,
        brief.swapUntil,
      );
      if (!posted) withoutThread.push(`<@${brief.target.userId}>`);
    }
    const lines = [t("assignments.allocate.applied", { count: applied.allocated })];
    if (withoutThread.length > 0)
      lines.push(t("assignments.allocate.noThread", { users: withoutThread.join(" ") }));
    await ctx.respond.update({ content: clip(lines.join("\n"), CONTENT_MAX), embeds: [], components: [] });
  },
});

const previewPageButton = defineButton(previewPageId, {
  access: "organiser",
  acknowledgement: "update",
  async run(ctx) {
    const preview = await ctx.app.features.library.shownPreview(caller(ctx), ctx.payload.previewId);
    if (preview.kind === "nobody") return;
    await ctx.respond.update(previewPage(ctx.t, ctx.locale, preview, ctx.payload.page));
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

async function setFlags(scope: Scope, value: string, flags: { excluded?: boolean; reserved?: boolean }) {
  const saved = await scope.app.features.library.setFlags(caller(scope), value, flags);
  const yesNo = (on: boolean) => scope.t(on ? "assignments.flags.on" : "assignments.flags.off");
  return scope.t("assignments.flags.set", {
    title: titleIn(scope.locale, saved.assignment.latest),
    excluded: yesNo(saved.flags.excluded),
    reserved: yesNo(saved.flags.reserved),
  });
}

export const command = defineCommand(
  definition,
  {
    import: {
      access: "organiser",
      async run(ctx) {
        const { t, args } = ctx;
        const file = { name: args.file.name, size: args.file.size, url: args.file.url };
        const outcome = await ctx.app.features.library.importLibrary(
          caller(ctx),
          file,
          uploadSource(ctx.logger),
        );
        if (outcome.kind === "invalid") {
          await ctx.respond.reply(clip(formatImportFailure(t, outcome.issues), CONTENT_MAX));
          return;
        }
        const counts = {
          created: outcome.summary.created.length,
          updated: outcome.summary.updated.length,
          unchanged: outcome.summary.unchanged.length,
        };
        ctx.logger.info(counts, "library imported");
        await ctx.respond.reply(t("library.import.done", counts));
      },
    },
    allocate: {
      access: "organiser",
      async run(ctx) {
        const { t } = ctx;
        const preview = await ctx.app.features.library.preview(caller(ctx));
        if (preview.kind === "nobody") {
          await ctx.respond.reply(t("assignments.allocate.nobody"));
          return;
        }
        await ctx.respond.reply({
          content: t("assignments.allocate.csv"),
          ...previewPage(t, ctx.locale, preview, 0),
          files: [
            {
              name: "allocation-preview.csv",
              attachment: Buffer.from(previewCsv(t, ctx.locale, preview)),
            },
          ],
        });
      },
    },
    release: {
      access: "organiser",
      async run(ctx) {
        const target = ctx.args.user.user.id;
        const { version } = await ctx.app.features.library.release(caller(ctx), target);
        await ctx.respond.reply(
          ctx.t("assignments.release.done", {
            user: target,
            title: version ? titleIn(ctx.locale, version) : "?",
          }),
        );
      },
    },
    give: {
      access: "organiser",
      autocomplete: { assignment: (ctx) => suggestLibrary(ctx, ctx.value) },
      async run(ctx) {
        const target = ctx.args.user.user.id;
        const given = await ctx.app.features.library.give(caller(ctx), target, ctx.args.assignment);
        ctx.logger.info({ user: target, versionId: given.version.id }, "assignment given by hand");
        const { brief } = given;
        const posted = await postBrief(
          ctx.interaction.client,
          ctx.logger,
          brief.target,
          brief.version,
          brief.swapUntil,
        );
        const title = clip(titleIn(ctx.locale, given.version), 100);
        await ctx.respond.reply(
          ctx.t(posted ? "assignments.give.done" : "assignments.give.noThread", { user: target, title }),
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
        const { assignment, versions, usage } = await ctx.app.features.library.show(
          caller(ctx),
          ctx.args.assignment,
        );
        const latest = assignment.latest;
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
        await ctx.respond.reply(await setFlags(ctx, ctx.args.assignment, { excluded: ctx.args.excluded }));
      },
    },
    reserve: {
      access: "organiser",
      autocomplete: { assignment: (ctx) => suggestLibrary(ctx, ctx.value) },
      async run(ctx) {
        await ctx.respond.reply(await setFlags(ctx, ctx.args.assignment, { reserved: ctx.args.reserved }));
      },
    },
  },
  { components: [confirmButton, pageButton, previewPageButton] },
);
