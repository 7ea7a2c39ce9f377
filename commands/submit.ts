import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { receiptPoster } from "../src/discord/submission/post.ts";
import { receiptEmbed } from "../src/discord/submission/render.ts";
import { MAX_LINK_LENGTH } from "../src/domain/submission/links.ts";
import { UserError } from "../src/features/errors.ts";
import { MAX_NOTE_LENGTH } from "../src/features/submission/submit.ts";
import { commandText } from "../src/i18n/command-text.ts";

const T = ApplicationCommandOptionType;

const link = (name: "repository" | "demo" | "slides" | "link") =>
  ({ type: T.String, name, ...commandText(`submit.${name}`), max_length: MAX_LINK_LENGTH }) as const;
const file = (name: "file1" | "file2" | "file3" | "file4" | "file5") =>
  ({ type: T.Attachment, name, ...commandText(`submit.${name}`) }) as const;

/** `/submit`: an intern hands in links, files and a note; each call is a new version. */
export const definition = {
  ...guildCommand("submit"),
  options: [
    link("repository"),
    link("demo"),
    link("slides"),
    link("link"),
    file("file1"),
    file("file2"),
    file("file3"),
    file("file4"),
    file("file5"),
    { type: T.String, name: "note", ...commandText("submit.note"), max_length: MAX_NOTE_LENGTH },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const FILE_OPTIONS = ["file1", "file2", "file3", "file4", "file5"] as const;

const attachment = z
  .object({
    name: z.string().min(1).max(260),
    size: z.number().int().nonnegative(),
    url: z.url({ protocol: /^https?$/ }),
    contentType: z.string().max(200).nullable(),
  })
  .optional();

const argsSchema = z.object({
  repository: z.string().max(MAX_LINK_LENGTH).optional(),
  demo: z.string().max(MAX_LINK_LENGTH).optional(),
  slides: z.string().max(MAX_LINK_LENGTH).optional(),
  link: z.string().max(MAX_LINK_LENGTH).optional(),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  file1: attachment,
  file2: attachment,
  file3: attachment,
  file4: attachment,
  file5: attachment,
});

type Attachment = { name: string; size: number; url: string; contentType: string | null } | undefined;
const plain = (a: Attachment) =>
  a === undefined ? undefined : { name: a.name, size: a.size, url: a.url, contentType: a.contentType };

export const command = defineCommand(definition, {
  access: "intern",
  // Downloads and hashes files before answering: always longer than Discord's 3 s.
  defer: "now",
  async run(ctx) {
    const parsed = argsSchema.safeParse({
      ...ctx.args,
      ...Object.fromEntries(FILE_OPTIONS.map((name) => [name, plain(ctx.args[name])])),
    });
    if (!parsed.success) {
      throw new UserError("error.invalidOption", { option: String(parsed.error.issues[0]?.path[0] ?? "") });
    }
    const args = parsed.data;
    const files = FILE_OPTIONS.flatMap((name) => (args[name] === undefined ? [] : [args[name]]));
    const outcome = await ctx.app.features.submission.submit(
      { guildId: ctx.guildId, programmeId: ctx.programme?.id ?? null, userId: ctx.userId },
      {
        links: {
          ...(args.repository === undefined ? {} : { repository: args.repository }),
          ...(args.demo === undefined ? {} : { demo: args.demo }),
          ...(args.slides === undefined ? {} : { slides: args.slides }),
          ...(args.link === undefined ? {} : { link: args.link }),
        },
        files,
        note: args.note ?? null,
        // When Discord received the command (its snowflake), so waiting in a queue never makes anyone late.
        receivedAt: ctx.interaction.createdAt,
      },
      receiptPoster(ctx.interaction.client.rest, ctx.logger),
    );
    ctx.logger.info(
      { version: outcome.receipt.number, late: outcome.receipt.lateBy !== null, files: files.length },
      "submission received",
    );
    await ctx.respond.reply({
      content: ctx.t(outcome.posted ? "submission.receipt.posted" : "submission.receipt.notPosted"),
      embeds: [receiptEmbed(ctx.t, outcome.receipt)],
    });
  },
});
