import "../../support/unhandled.ts";
import { setTimeout as sleep } from "node:timers/promises";
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  InteractionContextType,
  ModalBuilder,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { commands } from "../../../commands/index.ts";
import { startTestBot, type TestBot } from "../../../scripts/harness/bot.ts";
import { CallbackType } from "../../../scripts/harness/fake-discord/index.ts";
import { defineCommand } from "../../../src/discord/command.ts";
import { defineButton, defineModal } from "../../../src/discord/component.ts";
import { defineCustomId } from "../../../src/discord/custom-id.ts";
import { t } from "../../../src/i18n/translate.ts";

/** A guild-only test command without options. */
function plainCommand<const Name extends string>(name: Name, description: string) {
  return {
    name,
    description,
    contexts: [InteractionContextType.Guild],
    default_member_permissions: null,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
}

const boom = defineCommand(plainCommand("boom", "Throws"), {
  access: "anyone",
  async run() {
    throw new Error('PrismaClientKnownRequestError: SELECT "token" FROM "secret" at /work/main/src/x.ts:1');
  },
});

const slow = defineCommand(plainCommand("slow", "Takes a while"), {
  access: "anyone",
  async run({ respond }) {
    await sleep(500);
    await respond.reply("done");
  },
});

const silent = defineCommand(plainCommand("silent", "Forgets to answer"), {
  access: "anyone",
  async run() {
    await sleep(10);
  },
});

const channel = defineCommand(plainCommand("channel", "Creates a channel"), {
  access: "anyone",
  async run({ interaction, respond }) {
    await interaction.guild?.channels.create({ name: "project-x", type: ChannelType.GuildText });
    await respond.reply("created");
  },
});

const admin = defineCommand(
  {
    name: "admin",
    description: "Organisers only",
    contexts: [InteractionContextType.Guild],
    default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "mode",
        description: "Mode",
        required: true,
        choices: [
          { name: "Internship", value: "internship" },
          { name: "Hackathon", value: "hackathon" },
        ],
      },
      {
        type: ApplicationCommandOptionType.String,
        name: "assignment",
        description: "Which",
        autocomplete: true,
      },
    ],
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  {
    access: "organiser",
    async run({ args, respond }) {
      const mode: "internship" | "hackathon" = args.mode;
      await respond.reply(`opened ${mode} ${args.assignment ?? "-"}`);
    },
    autocomplete: {
      async assignment({ value }) {
        return ["api-design", "ui-redesign", "data-pipeline"]
          .filter((name) => name.includes(value))
          .map((name) => ({ name, value: name }));
      },
    },
  },
);

const pingId = defineCustomId("ping", 1, { count: z.int().min(0).max(100) });
const pingButton = defineButton(pingId, {
  access: "anyone",
  acknowledgement: "update",
  async run({ payload, respond }) {
    await respond.update({
      content: `pinged ${payload.count + 1}`,
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder()
            .setCustomId(pingId.encode({ count: payload.count + 1 }))
            .setLabel("Ping")
            .setStyle(ButtonStyle.Primary),
        ),
      ],
    });
  },
});
const panel = defineCommand(
  plainCommand("panel", "Posts a button"),
  {
    access: "anyone",
    visibility: "public",
    async run({ respond }) {
      await respond.reply({
        content: "panel",
        components: [
          new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder()
              .setCustomId(pingId.encode({ count: 0 }))
              .setLabel("Ping")
              .setStyle(ButtonStyle.Primary),
          ),
        ],
      });
    },
  },
  { components: [pingButton] },
);

const feedbackId = defineCustomId("feedback", 1, { topic: z.enum(["bot", "programme"]) });
const feedbackModal = defineModal(feedbackId, {
  access: "member",
  async run({ interaction, payload, respond }) {
    await respond.reply(
      `thanks for your ${payload.topic} feedback: ${interaction.fields.getTextInputValue("text")}`,
    );
  },
});
const feedback = defineCommand(
  plainCommand("feedback", "Opens a form"),
  {
    access: "member",
    defer: "never",
    async run({ respond }) {
      await respond.showModal(
        new ModalBuilder()
          .setCustomId(feedbackId.encode({ topic: "bot" }))
          .setTitle("Feedback")
          .addComponents(
            new ActionRowBuilder<TextInputBuilder>().addComponents(
              new TextInputBuilder()
                .setCustomId("text")
                .setLabel("Your feedback")
                .setStyle(TextInputStyle.Short),
            ),
          ),
      );
    },
  },
  { components: [feedbackModal] },
);

describe("the router with the real discord.js client", () => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startTestBot({
      commands: [...commands, boom, slow, silent, channel, admin, panel, feedback],
      deferAfterMs: 150,
    });
  });

  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
    bot.access.programmes.clear();
    bot.access.roles.clear();
    bot.access.failure = undefined;
  });

  afterAll(async () => {
    await bot?.close();
  });

  it("GIVEN a handler that throws THEN the user sees only an apology with an error id, which is logged with the error", async () => {
    const reply = await bot.fake.sendSlashCommand({ name: "boom", locale: "en-US" }).finalReply();
    const errorId = /`(E-[0-9A-F]{4})`/.exec(String(reply.content))?.[1];
    expect(errorId).toBeDefined();
    expect(reply.content).toBe(t("en", "error.unexpected", { errorId: errorId ?? "" }));
    for (const leak of ["Prisma", "SELECT", "secret", "/work/"]) expect(reply.content).not.toContain(leak);
    expect(Number(reply.flags ?? 0) & 64).toBe(64);
    const logged = bot.logs.find((line) => line.errorId === errorId);
    expect(logged).toMatchObject({ level: 50, msg: "interaction failed", name: "boom" });
    expect(JSON.stringify(logged)).toContain("SELECT");
  });

  it("GIVEN a slow handler THEN the router defers within its budget and the reply edits the deferral", async () => {
    const handle = bot.fake.sendSlashCommand({ name: "slow" });
    const callback = await handle.response();
    expect(callback.type).toBe(CallbackType.DeferredChannelMessageWithSource);
    expect(Number(callback.data?.flags ?? 0) & 64).toBe(64);
    expect(handle.latencyMs).toBeLessThan(450);
    const reply = await handle.finalReply();
    expect(reply.content).toBe("done");
    expect(handle.record.errors).toEqual([]);
  });

  it("GIVEN a handler that returns without answering THEN the user gets an error id instead of a dead interaction", async () => {
    const reply = await bot.fake.sendSlashCommand({ name: "silent", locale: "en-US" }).finalReply();
    expect(reply.content).toMatch(/`E-[0-9A-F]{4}`/);
  });

  it("GIVEN Discord refuses with Missing Permissions THEN the user is told the bot lacks a permission", async () => {
    bot.fake.failNext({
      route: "POST /guilds/{guild_id}/channels",
      status: 403,
      body: { code: 50013, message: "Missing Permissions" },
    });
    const reply = await bot.fake.sendSlashCommand({ name: "channel", locale: "ja" }).finalReply();
    expect(reply.content).toBe(t("ja", "error.discord.missingPermissions"));
  });

  it("GIVEN an intern calling an organiser command THEN the server-side check refuses it although Discord delivered it", async () => {
    const intern = bot.fake.addMember({ username: "intern" }).user;
    bot.access.openProgramme(bot.fake.guild.id);
    bot.access.grant(intern.id, "intern");
    const handle = bot.fake.sendSlashCommand({
      name: "admin",
      options: { mode: "hackathon" },
      user: intern,
      locale: "ja",
      memberPermissions: PermissionFlagsBits.ManageGuild,
    });
    const reply = await handle.finalReply();
    expect(reply.content).toBe("この操作は運営メンバー専用です。");
  });

  it("GIVEN an organiser THEN the organiser command runs with typed, checked arguments", async () => {
    const organiser = bot.fake.addMember({ username: "organiser" }).user;
    bot.access.openProgramme(bot.fake.guild.id);
    bot.access.grant(organiser.id, "organiser");
    const reply = await bot.fake
      .sendSlashCommand({
        name: "admin",
        options: { mode: "internship", assignment: "api-design" },
        user: organiser,
      })
      .finalReply();
    expect(reply.content).toBe("opened internship api-design");
  });

  it("GIVEN no programme yet THEN Manage Server lets someone run organiser commands", async () => {
    const owner = bot.fake.addMember({ username: "owner" }).user;
    const reply = await bot.fake
      .sendSlashCommand({
        name: "admin",
        options: { mode: "hackathon" },
        user: owner,
        memberPermissions: PermissionFlagsBits.ManageGuild,
      })
      .finalReply();
    expect(reply.content).toBe("opened hackathon -");
  });

  it("GIVEN a forged choice value THEN it is refused politely", async () => {
    const organiser = bot.fake.addMember({ username: "organiser2" }).user;
    bot.access.openProgramme(bot.fake.guild.id);
    bot.access.grant(organiser.id, "organiser");
    const reply = await bot.fake
      .sendSlashCommand({ name: "admin", options: { mode: "everything" }, user: organiser, locale: "en-US" })
      .finalReply();
    expect(reply.content).toBe(t("en", "error.invalidOption", { option: "mode" }));
  });

  it("GIVEN an organiser typing in an autocomplete option THEN matching choices come back; others get none", async () => {
    const organiser = bot.fake.addMember({ username: "organiser3" }).user;
    bot.access.openProgramme(bot.fake.guild.id);
    bot.access.grant(organiser.id, "organiser");
    const choices = await bot.fake
      .autocomplete({
        name: "admin",
        options: { mode: "internship", assignment: "design" },
        focused: "assignment",
        user: organiser,
      })
      .choices();
    expect(choices.map((c) => c.value)).toEqual(["api-design", "ui-redesign"]);
    const intern = bot.fake.addMember({ username: "intern2" }).user;
    bot.access.grant(intern.id, "intern");
    const none = await bot.fake
      .autocomplete({
        name: "admin",
        options: { mode: "internship", assignment: "" },
        focused: "assignment",
        user: intern,
      })
      .choices();
    expect(none).toEqual([]);
  });

  it("GIVEN a button THEN a click runs its handler with the decoded payload and updates the message", async () => {
    const panelReply = await bot.fake.sendSlashCommand({ name: "panel" }).finalReply();
    const click = bot.fake.clickButton({ message: panelReply, customId: pingId.encode({ count: 0 }) });
    expect((await click.response()).type).toBe(CallbackType.UpdateMessage);
    expect(bot.fake.findInteractionMessage(panelReply.id)?.content).toBe("pinged 1");
  });

  it.each([
    ["malformed payload", 'ping:v1:["zero"]', "error.customId.invalid"],
    ["truncated JSON", "ping:v1:[1", "error.customId.invalid"],
    ["unknown name", "launch-missiles:v1:[]", "error.customId.invalid"],
    ["no header", "just-some-text", "error.customId.invalid"],
    ["other version", "ping:v2:[0]", "error.customId.stale"],
  ] as const)(
    "GIVEN a forged button custom id (%s) THEN the user gets a polite message",
    async (_case, customId, key) => {
      const panelReply = await bot.fake.sendSlashCommand({ name: "panel" }).finalReply();
      const click = bot.fake.clickButton({ message: panelReply, customId, locale: "en-US" });
      const callback = await click.response();
      expect(callback.type).toBe(CallbackType.ChannelMessageWithSource);
      expect(callback.data).toMatchObject({ content: t("en", key), flags: 64 });
      expect(bot.fake.findInteractionMessage(panelReply.id)?.content).toBe("panel");
    },
  );

  it("GIVEN a modal flow THEN the command shows the modal and the submission reaches its handler", async () => {
    const member = bot.fake.addMember({ username: "member" }).user;
    bot.access.openProgramme(bot.fake.guild.id);
    bot.access.grant(member.id, "intern");
    const open = bot.fake.sendSlashCommand({ name: "feedback", user: member });
    expect((await open.modal()).custom_id).toBe('feedback:v1:["bot"]');
    const reply = await bot.fake.submitModal({ modal: open, fields: { text: "great" } }).finalReply();
    expect(reply.content).toBe("thanks for your bot feedback: great");
  });

  it("GIVEN a guild-only command sent from a DM THEN the user is told to use it in the server", async () => {
    const reply = await bot.fake
      .sendSlashCommand({ name: "taiken", subcommand: "about", dm: true, locale: "ja" })
      .finalReply();
    expect(reply.content).toBe(t("ja", "error.guildOnly"));
  });

  it("GIVEN a command Discord still lists but the bot no longer routes THEN the user is told it is unavailable", async () => {
    const reply = await bot.fake
      .sendSlashCommand({ name: "retired", options: [], locale: "en-US" })
      .finalReply();
    expect(reply.content).toBe(t("en", "error.unknownCommand"));
  });

  it("GIVEN the database is down THEN organiser commands fail with an error id but /taiken about still answers", async () => {
    bot.access.failure = new Error("SQLITE_BUSY: database is locked");
    const refused = await bot.fake
      .sendSlashCommand({ name: "admin", options: { mode: "hackathon" }, locale: "en-US" })
      .finalReply();
    expect(refused.content).toMatch(/^Sorry, something went wrong on our side\. .*`E-[0-9A-F]{4}`\.$/);
    expect(refused.content).not.toContain("SQLITE");
    const about = await bot.fake
      .sendSlashCommand({ name: "taiken", subcommand: "about", locale: "en-US" })
      .finalReply();
    expect((about.embeds?.[0] as { title?: string } | undefined)?.title).toBe("About taiken");
  });

  it("GIVEN handled interactions THEN metrics count them by kind, name and outcome", async () => {
    await vi.waitFor(async () => {
      const text = await bot.ctx.metrics.registry.metrics();
      expect(text).toMatch(/taiken_interactions_total\{kind="command",name="boom",outcome="error"\} 1/);
      expect(text).toMatch(
        /taiken_interactions_total\{kind="button",name="ping",outcome="user_error"\} [1-9]/,
      );
      expect(text).toMatch(/taiken_errors_total\{source="interaction"\} [1-9]/);
      expect(text).toMatch(/taiken_interaction_duration_seconds_count\{kind="command",name="slow"\} 1/);
    });
  });
});
