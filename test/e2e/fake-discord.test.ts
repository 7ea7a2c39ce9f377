import "../support/unhandled.ts";
import { once } from "node:events";
import { DiscordAPIError, REST } from "@discordjs/rest";
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  GatewayIntentBits,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  type Interaction,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  Routes,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../../scripts/harness/fake-discord/index.ts";
import { startFakeDiscordProcess } from "../../scripts/harness/fake-discord/standalone.ts";
import { takeUnhandledErrors } from "../support/unhandled.ts";

type Handler = (interaction: Interaction) => Promise<void>;

async function loginClient(fake: FakeDiscord, intents: number[]): Promise<Client<true>> {
  const client = new Client({ intents, rest: { api: fake.apiUrl } });
  const ready = once(client, "clientReady");
  await client.login(fake.token);
  await ready;
  return client as Client<true>;
}

function standaloneRest(fake: FakeDiscord): REST {
  return new REST({ api: fake.apiUrl, retries: 1, timeout: 5_000 }).setToken(fake.token);
}

function closeRest(rest: REST): void {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
}

describe("fake Discord with the real discord.js client", () => {
  let fake: FakeDiscord;
  let client: Client<true>;
  let handler: Handler | undefined;

  beforeAll(async () => {
    fake = await startFakeDiscord({ validateResponses: true });
    client = await loginClient(fake, [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMembers,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.GuildScheduledEvents,
    ]);
    client.on("interactionCreate", async (interaction) => {
      await handler?.(interaction);
    });
  });

  afterEach(() => {
    handler = undefined;
    // The fake's own answers must match Discord's response schemas.
    expect(fake.responseViolations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it("GIVEN the fake guild WHEN the client logs in THEN clientReady fires and the guild, channels and roles are cached", () => {
    const guild = client.guilds.cache.get(fake.guild.id);
    expect(guild?.name).toBe("Taiken Test Guild");
    expect(guild?.roles.everyone.id).toBe(fake.guild.id);
    expect(guild?.channels.cache.find((c) => c.name === "general")?.type).toBe(ChannelType.GuildText);
    expect(guild?.channels.cache.find((c) => c.name === "questions")?.type).toBe(ChannelType.GuildForum);
    expect(guild?.members.me?.id).toBe(client.user.id);
    expect(client.application.id).toBe(fake.applicationId);
  });

  it("GIVEN a bare handler that replies WHEN a user runs a slash command THEN the test sees the reply", async () => {
    handler = async (i) => {
      if (i.isChatInputCommand() && i.commandName === "ping") {
        await i.reply({
          content: `pong ${i.options.getString("word")} from ${i.user.username} in ${i.locale}`,
        });
      }
    };
    const run = fake.sendSlashCommand({ name: "ping", options: { word: "hello" }, locale: "fr" });
    const callback = await run.response();
    expect(callback.type).toBe(4);
    const reply = await run.finalReply();
    expect(reply.content).toBe("pong hello from tester in fr");
    expect(run.latencyMs).toBeGreaterThan(0);
    expect(fake.messages(fake.channel("general")!.id).at(-1)?.content).toBe(reply.content);
  });

  it("GIVEN a handler that defers WHEN it edits the reply later THEN finalReply resolves with the edit", async () => {
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await new Promise((r) => setTimeout(r, 50));
      await i.editReply({ content: "done", embeds: [{ title: "Result", color: 0x00ff00 }] });
    };
    const run = fake.sendSlashCommand({ name: "slow" });
    expect((await run.response()).type).toBe(5);
    const reply = await run.finalReply();
    expect(reply.content).toBe("done");
    expect(reply.embeds[0]).toMatchObject({ title: "Result", type: "rich" });
    expect(reply.flags & 64).toBe(64);
    // Ephemeral replies are not part of the channel history.
    expect(fake.messages(fake.channel("general")!.id).some((m) => m.id === reply.id)).toBe(false);
  });

  it("GIVEN registered commands with subcommands WHEN a user runs one with user, channel and attachment options THEN the bot reads them", async () => {
    await client.application.commands.set(
      [
        {
          name: "team",
          description: "Teams",
          options: [
            {
              type: ApplicationCommandOptionType.Subcommand,
              name: "add",
              description: "Add a member",
              options: [
                { type: ApplicationCommandOptionType.User, name: "who", description: "who", required: true },
                { type: ApplicationCommandOptionType.Channel, name: "where", description: "where" },
                { type: ApplicationCommandOptionType.Integer, name: "size", description: "size" },
                { type: ApplicationCommandOptionType.Attachment, name: "cv", description: "cv" },
              ],
            },
          ],
        },
      ],
      fake.guild.id,
    );
    const stored = fake.commands().find((c) => c.name === "team");
    expect(stored?.id).toMatch(/^\d+$/);

    const alice = fake.addMember({ username: "alice" });
    let seen: Record<string, unknown> = {};
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      const cv = i.options.getAttachment("cv", true);
      const text = await (await fetch(cv.url)).text();
      seen = {
        id: i.commandId,
        sub: i.options.getSubcommand(),
        who: i.options.getUser("who", true).username,
        whoMember: i.options.getMember("who") !== null,
        where: i.options.getChannel("where")?.name,
        size: i.options.getInteger("size"),
        cv: text,
      };
      await i.reply({ content: "ok" });
    };
    const run = fake.sendSlashCommand({
      name: "team",
      subcommand: "add",
      options: {
        who: alice.user.id,
        where: fake.channel("general")!.id,
        size: 4,
        cv: { filename: "cv.txt", content: "hello cv", contentType: "text/plain" },
      },
    });
    await run.finalReply();
    expect(seen).toEqual({
      id: stored?.id,
      sub: "add",
      who: "alice",
      whoMember: true,
      where: "general",
      size: 4,
      cv: "hello cv",
    });
  });

  it("GIVEN a reply with a button WHEN the user clicks it and submits the modal THEN both round trips are observed", async () => {
    handler = async (i) => {
      if (i.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId("apply").setLabel("Apply").setStyle(ButtonStyle.Primary),
        );
        await i.reply({ content: "Apply here", components: [row] });
      } else if (i.isButton() && i.customId === "apply") {
        const modal = new ModalBuilder()
          .setCustomId("apply-form")
          .setTitle("Apply")
          .addComponents(
            new ActionRowBuilder<TextInputBuilder>().addComponents(
              new TextInputBuilder()
                .setCustomId("motivation")
                .setLabel("Why?")
                .setStyle(TextInputStyle.Paragraph),
            ),
          );
        await i.showModal(modal);
      } else if (i.isModalSubmit() && i.customId === "apply-form") {
        await i.reply({ content: `thanks: ${i.fields.getTextInputValue("motivation")}` });
      }
    };
    const command = fake.sendSlashCommand({ name: "apply" });
    const withButton = await command.finalReply();
    expect(withButton.components[0]).toMatchObject({
      type: 1,
      components: [{ type: 2, custom_id: "apply" }],
    });

    const click = fake.clickButton({ message: withButton, customId: "apply" });
    const modal = await click.modal();
    expect(modal.custom_id).toBe("apply-form");

    const submit = fake.submitModal({ modal: click, fields: { motivation: "I like hackathons" } });
    expect((await submit.finalReply()).content).toBe("thanks: I like hackathons");
  });

  it("GIVEN a message with a button WHEN the handler updates the message THEN finalReply shows the updated message", async () => {
    handler = async (i) => {
      if (i.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId("yes").setLabel("Yes").setStyle(ButtonStyle.Success),
        );
        await i.reply({ content: "Confirm?", components: [row] });
      } else if (i.isButton() && i.customId === "yes") {
        await i.update({ content: "Confirmed", components: [] });
      } else if (i.isButton() && i.customId === "later") {
        await i.deferUpdate();
        await i.editReply({ content: "Saved for later", components: [] });
      }
    };
    const question = await fake.sendSlashCommand({ name: "confirm" }).finalReply();
    const click = fake.clickButton({ message: question, customId: "yes" });
    const updated = await click.finalReply();
    expect(updated.id).toBe(question.id);
    expect(updated.content).toBe("Confirmed");
    expect(updated.components).toEqual([]);

    const second = await fake.sendSlashCommand({ name: "confirm" }).finalReply();
    const deferred = fake.clickButton({ message: second, customId: "later" });
    expect((await deferred.response()).type).toBe(6);
    expect((await deferred.finalReply()).content).toBe("Saved for later");
    expect(fake.messages(second.channel_id).find((m) => m.id === second.id)?.content).toBe("Saved for later");
  });

  it("GIVEN autocomplete and a string select THEN choices and the selected values round-trip", async () => {
    handler = async (i) => {
      if (i.isAutocomplete()) {
        const typed = i.options.getFocused();
        await i.respond(
          ["alpha", "beta", "alpine"].filter((n) => n.startsWith(typed)).map((n) => ({ name: n, value: n })),
        );
      } else if (i.isChatInputCommand()) {
        const menu = new StringSelectMenuBuilder()
          .setCustomId("track")
          .addOptions({ label: "Web", value: "web" }, { label: "Data", value: "data" });
        await i.reply({
          content: "Pick",
          components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
        });
      } else if (i.isStringSelectMenu()) {
        await i.reply({ content: `picked ${i.values.join(",")}`, flags: MessageFlags.Ephemeral });
      }
    };
    const typing = fake.autocomplete({ name: "track", options: { name: "al" }, focused: "name" });
    expect(await typing.choices()).toEqual([
      { name: "alpha", value: "alpha" },
      { name: "alpine", value: "alpine" },
    ]);
    const menu = await fake.sendSlashCommand({ name: "pick" }).finalReply();
    const select = fake.selectMenu({ message: menu, customId: "track", values: ["data"] });
    expect((await select.finalReply()).content).toBe("picked data");
  });

  it("GIVEN the bot sends follow-ups and uses withResponse THEN the fake answers the callback with the message", async () => {
    let responseMessageId: string | undefined;
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      const response = await i.reply({ content: "first", withResponse: true });
      responseMessageId = response.resource?.message?.id;
      await i.followUp({ content: "second" });
    };
    const run = fake.sendSlashCommand({ name: "twice" });
    const follow = await run.followUp(1);
    expect(follow.content).toBe("second");
    expect(responseMessageId).toBe(run.original()?.id);
  });

  it("GIVEN the bot changes state through REST THEN the fake state and the client's cache both follow", async () => {
    const guild = client.guilds.cache.get(fake.guild.id)!;
    const role = await guild.roles.create({
      name: "Mentor",
      permissions: [PermissionFlagsBits.ManageThreads],
    });
    expect(fake.role("Mentor")?.permissions).toBe(String(PermissionFlagsBits.ManageThreads));

    const bob = fake.addMember({ username: "bob" });
    const member = await guild.members.fetch(bob.user.id);
    await member.roles.add(role);
    expect(fake.member(bob.user.id)?.roles).toContain(role.id);
    await new Promise((r) => setTimeout(r, 20));
    expect(guild.members.cache.get(bob.user.id)?.roles.cache.has(role.id)).toBe(true);

    const category = fake.channel("Text Channels")!;
    const channel = await guild.channels.create({
      name: "team-1",
      type: ChannelType.GuildText,
      parent: category.id,
      permissionOverwrites: [
        { id: guild.id, deny: [PermissionFlagsBits.ViewChannel] },
        { id: role.id, allow: [PermissionFlagsBits.ViewChannel] },
      ],
    });
    expect(fake.channel("team-1")?.permission_overwrites).toEqual([
      { id: guild.id, type: 0, allow: "0", deny: String(PermissionFlagsBits.ViewChannel) },
      { id: role.id, type: 0, allow: String(PermissionFlagsBits.ViewChannel), deny: "0" },
    ]);
    await channel.permissionOverwrites.edit(bob.user.id, { SendMessages: true });
    expect(fake.channel("team-1")?.permission_overwrites?.find((o) => o.id === bob.user.id)).toMatchObject({
      type: 1,
      allow: String(PermissionFlagsBits.SendMessages),
    });
    await channel.permissionOverwrites.delete(bob.user.id);
    expect(fake.channel("team-1")?.permission_overwrites).toHaveLength(2);
    expect(client.channels.cache.get(channel.id)).toBeDefined();

    const thread = await channel.threads.create({ name: "private-chat", type: ChannelType.PrivateThread });
    await thread.members.add(bob.user.id);
    expect(fake.guild.threads.get(thread.id)?.type).toBe(ChannelType.PrivateThread);
    expect([...(fake.store.threadMembers.get(thread.id)?.keys() ?? [])]).toContain(bob.user.id);

    const forum = guild.channels.cache.find((c) => c.type === ChannelType.GuildForum);
    if (forum?.type !== ChannelType.GuildForum) throw new Error("no forum");
    const post = await forum.threads.create({
      name: "How do I start?",
      message: { content: "Question body" },
    });
    expect(fake.messages(post.id)[0]?.content).toBe("Question body");

    const event = await guild.scheduledEvents.create({
      name: "Kick-off",
      scheduledStartTime: new Date(Date.now() + 3_600_000),
      scheduledEndTime: new Date(Date.now() + 7_200_000),
      privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly,
      entityType: GuildScheduledEventEntityType.External,
      entityMetadata: { location: "Main hall" },
    });
    expect(fake.guild.scheduledEvents.get(event.id)?.name).toBe("Kick-off");
    await new Promise((r) => setTimeout(r, 20));
    expect(guild.scheduledEvents.cache.has(event.id)).toBe(true);

    const dm = await client.users.createDM(bob.user.id);
    await dm.send("Welcome!");
    expect(fake.messages(dm.id)[0]?.content).toBe("Welcome!");
    expect(fake.violations).toEqual([]);
  });

  it("GIVEN a message with a file THEN it is sent as multipart and the fake stores and serves the attachment", async () => {
    const channel = client.channels.cache.get(fake.channel("general")!.id);
    if (!channel?.isSendable()) throw new Error("general not sendable");
    const sent = await channel.send({
      content: "report",
      files: [new AttachmentBuilder(Buffer.from("col1,col2\n1,2\n"), { name: "report.csv" })],
    });
    const request = fake.requestsTo("POST /channels/{channel_id}/messages").at(-1);
    expect(request?.files).toEqual([
      { field: "files[0]", filename: "report.csv", size: 14, contentType: expect.any(String) },
    ]);
    const stored = fake.messages(channel.id).find((m) => m.id === sent.id);
    expect(stored?.attachments[0]?.filename).toBe("report.csv");
    expect(await (await fetch(stored!.attachments[0]!.url)).text()).toBe("col1,col2\n1,2\n");
    expect(sent.attachments.first()?.name).toBe("report.csv");
  });

  it("GIVEN a request body that violates the spec THEN it is recorded and answered 400 Invalid Form Body", async () => {
    const rest = standaloneRest(fake);
    try {
      const error = await rest
        .post(Routes.guildChannels(fake.guild.id), { body: { name: 42, type: 0 } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiscordAPIError);
      expect((error as DiscordAPIError).code).toBe(50035);
      expect((error as DiscordAPIError).status).toBe(400);
      const violation = fake.violations.at(-1);
      expect(violation).toMatchObject({
        kind: "request-body",
        method: "POST",
        route: "POST /guilds/{guild_id}/channels",
        body: { name: 42, type: 0 },
      });
      expect(violation?.errors[0]?.instancePath).toBe("/name");
    } finally {
      closeRest(rest);
      fake.violations.length = 0;
    }
  });

  it("GIVEN a scripted 429 with retry_after THEN @discordjs/rest waits and retries", async () => {
    const guild = client.guilds.cache.get(fake.guild.id)!;
    fake.failNext({ route: "POST /guilds/{guild_id}/channels", status: 429, retryAfter: 0.2 });
    const started = performance.now();
    const channel = await guild.channels.create({ name: "after-429" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(channel.name).toBe("after-429");
    const attempts = fake.requestsTo("POST /guilds/{guild_id}/channels").slice(-2);
    expect(attempts.map((r) => r.status)).toEqual([429, 201]);
    expect(attempts[0]?.response).toMatchObject({ retry_after: 0.2, global: false });
  });

  it("GIVEN a scripted 500 THEN @discordjs/rest retries and succeeds", async () => {
    const guild = client.guilds.cache.get(fake.guild.id)!;
    fake.failNext({ route: "POST /guilds/{guild_id}/roles", status: 500 });
    const role = await guild.roles.create({ name: "After500" });
    expect(role.name).toBe("After500");
    expect(
      fake
        .requestsTo("POST /guilds/{guild_id}/roles")
        .slice(-2)
        .map((r) => r.status),
    ).toEqual([500, 200]);
  });

  it("GIVEN an unknown route THEN the fake answers 404 JSON at once and records it", async () => {
    const rest = standaloneRest(fake);
    try {
      const started = performance.now();
      const error = await rest.get("/no/such/route" as `/${string}`).catch((e: unknown) => e);
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(error).toBeInstanceOf(DiscordAPIError);
      expect((error as DiscordAPIError).status).toBe(404);
      expect(fake.violations.at(-1)).toMatchObject({ kind: "not-in-spec", path: "/no/such/route" });
    } finally {
      closeRest(rest);
      fake.violations.length = 0;
    }
  });

  it("GIVEN no bot token THEN bot routes answer 401 while interaction routes need none", async () => {
    const res = await fetch(`${fake.apiUrl}/v10/users/@me`);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ message: "401: Unauthorized", code: 0 });
  });

  it("GIVEN a second callback or one after the 3 s deadline THEN Discord's errors are answered", async () => {
    handler = async (i) => {
      if (i.isChatInputCommand() && i.commandName === "once") await i.reply("one");
    };
    const rest = standaloneRest(fake);
    try {
      const answered = fake.sendSlashCommand({ name: "once" });
      await answered.finalReply();
      const again = await rest
        .post(Routes.interactionCallback(answered.id, answered.token), {
          body: { type: 4, data: { content: "again" } },
          auth: false,
        })
        .catch((e: unknown) => e);
      expect(again).toMatchObject({ status: 400, code: 40060 });

      const late = fake.sendSlashCommand({ name: "ignored" });
      late.record.dispatchedAt = (late.record.dispatchedAt ?? 0) - 3_500;
      const error = await rest
        .post(Routes.interactionCallback(late.id, late.token), {
          body: { type: 4, data: { content: "late" } },
          auth: false,
        })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 404, code: 10062 });
      expect(late.record.errors).toEqual([
        { route: "callback", status: 404, code: 10062, message: "Unknown interaction" },
      ]);
    } finally {
      closeRest(rest);
    }
  });

  it("GIVEN the main read routes THEN the fake's answers validate against the spec's response schemas", async () => {
    const rest = standaloneRest(fake);
    try {
      const guildId = fake.guild.id;
      const general = fake.channel("general")!.id;
      await rest.get(Routes.user("@me"));
      await rest.get(Routes.currentApplication());
      await rest.get(Routes.gatewayBot());
      await rest.get(Routes.guild(guildId));
      await rest.get(Routes.guildChannels(guildId));
      await rest.get(Routes.guildRoles(guildId));
      await rest.get(Routes.guildMember(guildId, fake.bot.id));
      await rest.get(Routes.guildMembers(guildId), { query: new URLSearchParams({ limit: "10" }) });
      await rest.get(Routes.channel(general));
      await rest.get(Routes.channelMessages(general));
      await rest.get(Routes.guildScheduledEvents(guildId));
      await rest.get(Routes.applicationGuildCommands(fake.applicationId, guildId));
      await rest.get(Routes.guildActiveThreads(guildId));
      const message = (await rest.post(Routes.channelMessages(general), { body: { content: "x" } })) as {
        id: string;
      };
      await rest.patch(Routes.channelMessage(general, message.id), { body: { content: "y" } });
      await rest.put(Routes.applicationCommands(fake.applicationId), {
        body: [{ name: "global", description: "A global command", default_member_permissions: "8" }],
      });
      expect(fake.unhandled).toEqual([]);
      expect(fake.responseViolations).toEqual([]);
      expect(fake.violations).toEqual([]);
    } finally {
      closeRest(rest);
    }
  });

  it("GIVEN the gateway connection drops THEN the client resumes and still answers interactions", async () => {
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply("still here");
    };
    const resumed = once(client, "shardResume");
    fake.gateway.disconnectAll(4000);
    await resumed;
    expect(fake.gateway.sent.some((f) => f.t === "RESUMED")).toBe(true);
    expect((await fake.sendSlashCommand({ name: "again" }).finalReply()).content).toBe("still here");
  });

  it("GIVEN a handler that throws THEN the error surfaces as an unhandled rejection the guard can see", async () => {
    handler = async () => {
      throw new Error("boom in handler");
    };
    fake.sendSlashCommand({ name: "broken" });
    await new Promise((r) => setTimeout(r, 100));
    const errors = takeUnhandledErrors();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain("boom in handler");
  });
});

describe("fake Discord rate limits", () => {
  it("GIVEN rateLimits on WHEN a client exceeds a route bucket THEN it gets headers and a 429 with retry_after and scope", async () => {
    const fake = await startFakeDiscord({ rateLimits: true });
    try {
      const url = `${fake.apiUrl}/v10/guilds/${fake.guild.id}/channels`;
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 6; i++) {
        last = await fetch(url, {
          method: "POST",
          headers: { authorization: `Bot ${fake.token}`, "content-type": "application/json" },
          body: JSON.stringify({ name: `c${i}` }),
        });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
      expect(last?.headers.get("x-ratelimit-limit")).toBe("5");
      expect(last?.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(last?.headers.get("x-ratelimit-scope")).toBe("user");
      expect(last?.headers.get("x-ratelimit-bucket")).toMatch(/^[0-9a-f]{16}$/);
      const body = (await last?.json()) as { retry_after: number; global: boolean };
      expect(body.retry_after).toBeGreaterThan(0);
      expect(body.retry_after).toBeLessThanOrEqual(5);
      expect(body.global).toBe(false);
    } finally {
      await fake.close();
    }
  });
});

describe("fake Discord rate limits with discord.js", () => {
  it("GIVEN a short route bucket THEN discord.js reads the headers, waits for the reset and never gets a 429", async () => {
    const fake = await startFakeDiscord({
      rateLimits: true,
      rateLimitRules: { "POST /guilds/{guild_id}/channels": { limit: 2, windowMs: 400 } },
    });
    const client = await loginClient(fake, [GatewayIntentBits.Guilds]);
    try {
      const guild = client.guilds.cache.get(fake.guild.id)!;
      const started = performance.now();
      for (let i = 0; i < 5; i++) await guild.channels.create({ name: `limited-${i}` });
      expect(performance.now() - started).toBeGreaterThanOrEqual(700);
      const statuses = fake.requestsTo("POST /guilds/{guild_id}/channels").map((r) => r.status);
      expect(statuses).toEqual([201, 201, 201, 201, 201]);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});

describe("fake Discord large guild", () => {
  it("GIVEN a 5,000-member guild THEN GUILD_CREATE is large with few members and fetch() gets every member in chunks", async () => {
    const fake = await startFakeDiscord({ memberCount: 5_000 });
    const client = await loginClient(fake, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers]);
    try {
      const guild = client.guilds.cache.get(fake.guild.id)!;
      expect(guild.large).toBe(true);
      expect(guild.memberCount).toBe(5_000);
      expect(guild.members.cache.size).toBeLessThan(10);
      const members = await guild.members.fetch();
      expect(members.size).toBe(5_000);
      const chunks = fake.gateway.sent.filter((f) => f.t === "GUILD_MEMBERS_CHUNK");
      expect(chunks).toHaveLength(5);
      const one = await guild.members.fetch({ user: [...members.keys()][4_321]!, force: true });
      expect(one.user.username).toMatch(/^member\d{6}$/);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});

describe("fake Discord in its own process", () => {
  it("GIVEN the fake in a child process THEN the client logs in, a command round-trips and latency is measured", async () => {
    const fake = await startFakeDiscordProcess({ memberCount: 1_000 });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    try {
      expect(fake.pid).not.toBe(process.pid);
      const ready = once(client, "clientReady");
      await client.login(fake.token);
      await ready;
      expect(client.guilds.cache.get(fake.guildId)?.memberCount).toBe(1_000);
      client.on("interactionCreate", async (i) => {
        if (i.isChatInputCommand()) await i.reply({ content: `hi ${i.options.getString("name")}` });
      });
      const run = await fake.sendSlashCommand({ name: "hello", options: { name: "remote" } });
      expect((await run.finalReply()).content).toBe("hi remote");
      const record = await run.record();
      expect(record.latencyMs).toBeGreaterThan(0);
      expect((await fake.requests()).map((r) => r.route)).toContain(
        "POST /interactions/{interaction_id}/{interaction_token}/callback",
      );
      expect(await fake.violations()).toEqual([]);
    } finally {
      await client.destroy();
      await fake.close();
    }
    expect(fake.child.exitCode).toBe(0);
  });
});
