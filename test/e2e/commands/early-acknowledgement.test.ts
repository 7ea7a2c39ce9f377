import "../../support/unhandled.ts";
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MemoryAccess, startTestBot, type TestBot } from "../../../scripts/harness/bot.ts";
import { CallbackType } from "../../../scripts/harness/fake-discord/index.ts";
import type { CallerStanding } from "../../../src/discord/access.ts";
import { defineCommand } from "../../../src/discord/command.ts";
import { defineButton } from "../../../src/discord/component.ts";
import { defineCustomId } from "../../../src/discord/custom-id.ts";
import { t } from "../../../src/i18n/translate.ts";

/** The in-memory policy, whose lookups can be held back until the test lets them through. */
class GatedAccess extends MemoryAccess {
  /** Lookups started and not yet answered. */
  waiting = 0;
  #gate: Promise<void> | undefined;
  #open: (() => void) | undefined;

  hold(): void {
    this.#gate = new Promise((resolve) => {
      this.#open = resolve;
    });
  }

  release(): void {
    this.#open?.();
    this.#gate = undefined;
  }

  override async standing(guildId: string, userId: string): Promise<CallerStanding> {
    this.waiting += 1;
    try {
      await this.#gate;
      return await super.standing(guildId, userId);
    } finally {
      this.waiting -= 1;
    }
  }
}

function plainCommand<const Name extends string>(name: Name, description: string) {
  return {
    name,
    description,
    contexts: [InteractionContextType.Guild],
    default_member_permissions: null,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
}

const pickId = defineCustomId("early-pick", 1, { n: z.int().min(0).max(9) });
const pickButton = defineButton(pickId, {
  access: "intern",
  acknowledgement: "update",
  defer: "now",
  async run({ payload, respond }) {
    await respond.update({ content: `picked ${payload.n}`, components: [] });
  },
});
const board = defineCommand(
  plainCommand("board", "Posts a button"),
  {
    access: "anyone",
    visibility: "public",
    async run({ respond }) {
      await respond.reply({
        content: "board",
        components: [
          new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder()
              .setCustomId(pickId.encode({ n: 1 }))
              .setLabel("Pick")
              .setStyle(ButtonStyle.Primary),
          ),
        ],
      });
    },
  },
  { components: [pickButton] },
);
const report = defineCommand(plainCommand("report", "An organiser's private report"), {
  access: "organiser",
  defer: "now",
  async run({ respond }) {
    await respond.reply("report");
  },
});
const announce = defineCommand(plainCommand("announce", "An organiser's public announcement"), {
  access: "organiser",
  visibility: "public",
  defer: "now",
  async run({ respond }) {
    await respond.reply("announcement");
  },
});

const progress = defineCommand(plainCommand("progress", "Edits its own deferral as it goes"), {
  access: "anyone",
  defer: "now",
  async run({ interaction, respond }) {
    // As /program open does: a handler of a route that defers now may edit the deferral itself.
    await interaction.editReply({ content: "halfway" });
    await respond.reply("done");
  },
});

describe("routes that defer now are acknowledged before the caller is looked up, where nobody else sees it", () => {
  let bot: TestBot;
  const access = new GatedAccess();

  beforeAll(async () => {
    bot = await startTestBot({ commands: [board, report, announce, progress], access });
    access.openProgramme(bot.fake.guild.id);
  });

  afterEach(() => {
    access.release();
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await bot?.close();
  });

  it("GIVEN a button that updates its message AND a slow caller lookup THEN the click is acknowledged while the lookup still runs, AND the answer edits the message once it is done", async () => {
    const intern = bot.fake.addMember({ username: "intern" }).user;
    access.grant(intern.id, "intern");
    const message = await bot.fake.sendSlashCommand({ name: "board" }).finalReply();

    access.hold();
    const click = bot.fake.clickButton({ message, customId: pickId.encode({ n: 1 }), user: intern });
    const callback = await click.response();
    expect(callback.type).toBe(CallbackType.DeferredUpdateMessage);
    expect(access.waiting).toBe(1);
    expect(bot.fake.findInteractionMessage(message.id)?.content).toBe("board");

    access.release();
    expect((await click.finalReply()).content).toBe("picked 1");
  });

  it("GIVEN the same button clicked by someone without the role THEN the refusal is an ephemeral follow-up AND the message is left as it was", async () => {
    const visitor = bot.fake.addMember({ username: "visitor" }).user;
    const message = await bot.fake.sendSlashCommand({ name: "board" }).finalReply();
    const click = bot.fake.clickButton({
      message,
      customId: pickId.encode({ n: 1 }),
      user: visitor,
      locale: "en-US",
    });
    expect((await click.response()).type).toBe(CallbackType.DeferredUpdateMessage);
    const refusal = await click.followUp();
    expect(refusal.content).toBe(t("en", "error.access.intern"));
    expect(Number(refusal.flags ?? 0) & 64).toBe(64);
    expect(bot.fake.findInteractionMessage(message.id)?.content).toBe("board");
  });

  it("GIVEN an ephemeral command that defers now THEN it is acknowledged (privately) while the lookup still runs, AND a refusal edits that acknowledgement", async () => {
    const intern = bot.fake.addMember({ username: "curious" }).user;
    access.grant(intern.id, "intern");
    access.hold();
    const handle = bot.fake.sendSlashCommand({ name: "report", user: intern, locale: "en-US" });
    const callback = await handle.response();
    expect(callback.type).toBe(CallbackType.DeferredChannelMessageWithSource);
    expect(callback.data).toMatchObject({ flags: 64 });
    expect(access.waiting).toBe(1);

    access.release();
    const reply = await handle.finalReply();
    expect(reply.content).toBe(t("en", "error.access.organiser"));
  });

  it("GIVEN a public command that defers now AND a caller it refuses THEN nothing public appears: the refusal is a private first response", async () => {
    const intern = bot.fake.addMember({ username: "bold" }).user;
    access.grant(intern.id, "intern");
    const callback = await bot.fake
      .sendSlashCommand({ name: "announce", user: intern, locale: "en-US" })
      .response();
    expect(callback.type).toBe(CallbackType.ChannelMessageWithSource);
    expect(callback.data).toMatchObject({ content: t("en", "error.access.organiser"), flags: 64 });
  });

  it("GIVEN the bot's REST client out of global requests for a minute THEN a deferred click is still answered: the interaction webhook is not under the global limit", async () => {
    const intern = bot.fake.addMember({ username: "patient" }).user;
    access.grant(intern.id, "intern");
    const message = await bot.fake.sendSlashCommand({ name: "board" }).finalReply();
    const rest = bot.client.rest;
    const saved = { remaining: rest.globalRemaining, reset: rest.globalReset };
    rest.globalRemaining = 0;
    rest.globalReset = Date.now() + 60_000;
    try {
      const click = bot.fake.clickButton({ message, customId: pickId.encode({ n: 2 }), user: intern });
      expect((await click.response()).type).toBe(CallbackType.DeferredUpdateMessage);
      expect((await click.finalReply()).content).toBe("picked 2");
    } finally {
      rest.globalRemaining = saved.remaining;
      rest.globalReset = saved.reset;
    }
  });

  it("GIVEN a handler that edits the deferral itself THEN it runs once the acknowledgement is done", async () => {
    const handle = bot.fake.sendSlashCommand({ name: "progress" });
    expect((await handle.response()).type).toBe(CallbackType.DeferredChannelMessageWithSource);
    await bot.fake.waitFor(() => (handle.original()?.content === "done" ? true : undefined), 10_000, "done");
    expect(handle.record.originalEdits).toBe(2);
  });

  it("GIVEN an organiser THEN both commands answer as before", async () => {
    const organiser = bot.fake.addMember({ username: "organiser" }).user;
    access.grant(organiser.id, "organiser");
    const reportReply = await bot.fake.sendSlashCommand({ name: "report", user: organiser }).finalReply();
    expect(reportReply.content).toBe("report");
    const announcement = await bot.fake.sendSlashCommand({ name: "announce", user: organiser }).finalReply();
    expect(announcement.content).toBe("announcement");
    expect(Number(announcement.flags ?? 0) & 64).toBe(0);
  });
});
