import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestBot, type TestBot } from "../../../scripts/harness/bot.ts";
import type { Database } from "../../../src/db/client.ts";
import { seedProgramme } from "../../support/programme.ts";

interface Embed {
  title?: string;
  fields?: Array<{ name: string; value: string }>;
}

function embedOf(message: { embeds?: unknown[] }): Embed {
  return (message.embeds?.[0] ?? {}) as Embed;
}

function field(embed: Embed, name: string): string | undefined {
  return embed.fields?.find((f) => f.name === name)?.value;
}

/** A programme with four interns; `staffUserId` (the caller, when given) is its organiser. */
async function openProgramme(
  db: Database,
  guildId: string,
  fields: { forcedLocale?: "ja" | "en"; staffUserId?: string } = {},
) {
  const { programme } = await seedProgramme(db, {
    guildId,
    name: "Spring Hack",
    mode: "hackathon",
    status: "open",
    startsAt: new Date("2026-04-01T00:00:00Z"),
    endsAt: new Date("2026-04-03T00:00:00Z"),
    createdByUserId: "100000000000000001",
    forcedLocale: fields.forcedLocale ?? null,
  });
  const stages = ["working", "working", "submitted", "withdrawn"] as const;
  for (const [i, stage] of stages.entries()) {
    await db.member.create({
      data: {
        programmeId: programme.id,
        discordUserId: `20000000000000000${i}`,
        stage,
        roles: { create: [{ role: "intern" }] },
      },
    });
  }
  if (fields.staffUserId !== undefined) {
    await db.member.create({
      data: {
        programmeId: programme.id,
        discordUserId: fields.staffUserId,
        roles: { create: [{ role: "organiser" }] },
      },
    });
  }
  return programme;
}

describe("/taiken about", () => {
  let bot: TestBot;
  let db: Database;

  beforeAll(async () => {
    bot = await startTestBot({ version: "1.2.3", db: true });
    db = bot.db as Database;
  });

  afterEach(async () => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
    await db.programme.deleteMany();
  });

  afterAll(async () => {
    await bot?.close();
  });

  it("GIVEN the bot was deployed THEN Discord has /taiken with its Japanese localisations", () => {
    const [taiken] = bot.fake.commands();
    expect(taiken).toMatchObject({
      name: "taiken",
      name_localizations: { ja: "体験" },
      contexts: [0],
      options: [{ name: "about", name_localizations: { ja: "概要" } }],
    });
  });

  it("GIVEN a Japanese user and no programme THEN they privately see version, status and 'no programme' in Japanese", async () => {
    const reply = await bot.fake
      .sendSlashCommand({ name: "taiken", subcommand: "about", locale: "ja" })
      .finalReply();
    const embed = embedOf(reply);
    expect(embed.title).toBe("taiken について");
    expect(field(embed, "バージョン")).toBe("`1.2.3`");
    expect(field(embed, "起動")).toMatch(/^<t:\d+:F> \(<t:\d+:R>\)$/);
    expect(field(embed, "データベース")).toBe("✅ 正常");
    expect(field(embed, "Redis")).toBe("✅ 正常");
    expect(field(embed, "このサーバーのプログラム")).toBe(
      "このサーバーではまだプログラムが開かれていません。",
    );
    expect(Number(reply.flags ?? 0) & 64).toBe(64);
  });

  it("GIVEN an English user and a programme THEN they see its name, mode, dates as Discord timestamps and stage counts", async () => {
    await openProgramme(db, bot.fake.guild.id, { staffUserId: bot.fake.store.tester.id });
    const reply = await bot.fake
      .sendSlashCommand({ name: "taiken", subcommand: "about", locale: "en-GB" })
      .finalReply();
    const embed = embedOf(reply);
    expect(embed.title).toBe("About taiken");
    expect(field(embed, "Programme in this server")).toBe(
      "**Spring Hack** (Hackathon)\n<t:1775001600:F> – <t:1775174400:F>",
    );
    expect(field(embed, "Participants by stage")).toBe("Working: 2\nSubmitted: 1\nWithdrawn: 1");
  });

  it("GIVEN a programme that forces Japanese THEN an English user is answered in Japanese", async () => {
    await openProgramme(db, bot.fake.guild.id, { forcedLocale: "ja", staffUserId: bot.fake.store.tester.id });
    const reply = await bot.fake
      .sendSlashCommand({ name: "taiken", subcommand: "about", locale: "en-US" })
      .finalReply();
    const embed = embedOf(reply);
    expect(embed.title).toBe("taiken について");
    expect(field(embed, "参加者の段階")).toBe("取り組み中: 2 人\n提出済み: 1 人\n辞退: 1 人");
  });

  it("GIVEN a caller who is not staff of the programme THEN they see the programme but no stage counts", async () => {
    await openProgramme(db, bot.fake.guild.id);
    const reply = await bot.fake
      .sendSlashCommand({ name: "taiken", subcommand: "about", locale: "en-GB" })
      .finalReply();
    const embed = embedOf(reply);
    expect(field(embed, "Programme in this server")).toContain("Spring Hack");
    expect(field(embed, "Participants by stage")).toBeUndefined();
  });

  it("GIVEN a Korean Discord client THEN the reply is in English", async () => {
    const reply = await bot.fake
      .sendSlashCommand({ name: "taiken", subcommand: "about", locale: "ko" })
      .finalReply();
    expect(embedOf(reply).title).toBe("About taiken");
  });

  it("GIVEN the command THEN each interaction is logged with guild, user, command, outcome and latency", async () => {
    const handle = bot.fake.sendSlashCommand({ name: "taiken", subcommand: "about" });
    await handle.finalReply();
    const line = await vi.waitFor(() => {
      const found = bot.logs.find((l) => l.msg === "interaction handled" && l.interactionId === handle.id);
      if (!found) throw new Error("no log line yet");
      return found;
    });
    expect(line).toMatchObject({
      guildId: bot.fake.guild.id,
      kind: "command",
      name: "taiken about",
      outcome: "ok",
      locale: "en",
    });
    expect(typeof line.userId).toBe("string");
    expect(typeof line.ms).toBe("number");
    const metrics = await bot.ctx.metrics.registry.getSingleMetricAsString("taiken_interactions_total");
    expect(metrics).toMatch(/kind="command",name="taiken about",outcome="ok"\} [1-9]/);
  });
});
