/**
 * `/program attention list|note|done` and the **Contacted** button (from the list and the staff
 * channel's digest): parse, call the attention use-cases, render.
 */
import type { ModalSubmitInteraction } from "discord.js";
import { z } from "zod";
import type { UserArg } from "../../src/discord/args.ts";
import { contactedButtonId, contactedModalId } from "../../src/discord/attention/ids.ts";
import { attentionEmbed, contactedModal, contactedRows } from "../../src/discord/attention/render.ts";
import type { CommandContext } from "../../src/discord/command.ts";
import { defineButton, defineModal, textInput } from "../../src/discord/component.ts";
import type { Scope } from "../../src/discord/route.ts";
import { ATTENTION_REASONS, type AttentionReason } from "../../src/domain/attention/rules.ts";
import type { AttentionStaffCaller } from "../../src/features/attention/use-cases.ts";
import { UserError } from "../../src/features/errors.ts";

const caller = (scope: Scope): AttentionStaffCaller => ({
  guildId: scope.guildId,
  programmeId: scope.programme?.id ?? null,
  userId: scope.userId,
  roles: scope.roles,
});

const snowflake = z.string().regex(/^\d{17,20}$/);
const listArgs = z.object({
  reason: z.enum(ATTENTION_REASONS).optional(),
  page: z.int().min(1).max(1000).optional(),
});
const noteArgs = z.object({ user: snowflake, until: z.string().max(10), text: z.string().max(1000) });
const doneArgs = z.object({ user: snowflake });

function parse<T>(schema: z.ZodType<T>, args: unknown): T {
  const parsed = schema.safeParse(args);
  if (!parsed.success)
    throw new UserError("error.invalidOption", { option: String(parsed.error.issues[0]?.path[0] ?? "") });
  return parsed.data;
}

export interface AttentionListArgs {
  reason?: AttentionReason;
  page?: number;
}

/** The list: counts, a page of interns with their lines, and (for organisers) **Contacted**. */
export async function attentionList(ctx: CommandContext<AttentionListArgs>): Promise<void> {
  const args = parse(listArgs, ctx.args);
  const overview = await ctx.app.features.attention.list(caller(ctx), args.reason ?? null, args.page ?? 1);
  const embed = attentionEmbed(ctx.t, overview, ctx.t("attention.title", { name: overview.programmeName }));
  const organiser = ctx.roles.has("organiser");
  await ctx.respond.reply({
    ...(organiser ? {} : { content: ctx.t("attention.readOnly") }),
    embeds: [embed],
    components: organiser ? contactedRows(ctx.t, overview) : [],
  });
}

export interface AttentionNoteArgs {
  user: UserArg;
  until: string;
  text: string;
}

export async function attentionNote(ctx: CommandContext<AttentionNoteArgs>): Promise<void> {
  const args = parse(noteArgs, { ...ctx.args, user: ctx.args.user.user.id });
  const saved = await ctx.app.features.attention.addNote(caller(ctx), {
    userId: args.user,
    until: args.until,
    text: args.text,
  });
  await ctx.respond.reply(ctx.t("attention.note.saved", { user: `<@${args.user}>`, until: saved.until }));
}

export async function attentionDone(ctx: CommandContext<{ user: UserArg }>): Promise<void> {
  const args = parse(doneArgs, { user: ctx.args.user.user.id });
  const { closed } = await ctx.app.features.attention.finishNotes(caller(ctx), args.user);
  await ctx.respond.reply(ctx.t("attention.note.done", { user: `<@${args.user}>`, count: closed }));
}

/** **Contacted**: the modal for an optional note (organisers only; mentors read). */
export const contactedButton = defineButton(contactedButtonId, {
  access: "organiser",
  defer: "never",
  async run({ respond, payload, ...scope }) {
    if (scope.programme?.id !== payload.programmeId) throw new UserError("error.customId.stale");
    await respond.showModal(contactedModal(scope.t, payload));
  },
});

function noteOf(interaction: ModalSubmitInteraction): string {
  return textInput(interaction, "note");
}

export const contactedModalRoute = defineModal(contactedModalId, {
  access: "organiser",
  async run({ interaction, respond, payload, ...scope }) {
    const { discordUserId } = await scope.app.features.attention.contacted(caller(scope), {
      ...payload,
      reason: "all",
      note: noteOf(interaction),
    });
    scope.logger.info({ memberId: payload.memberId }, "attention contact recorded");
    await respond.reply(scope.t("attention.contacted.done", { user: `<@${discordUserId}>` }));
  },
});
