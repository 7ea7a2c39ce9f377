import { setTimeout as sleep } from "node:timers/promises";
import { MessageFlags } from "discord.js";
import { describe, expect, it } from "vitest";
import { type RespondableInteraction, Responder } from "../../../src/discord/responder.ts";

/** Records the calls a Responder makes; every call takes `latencyMs` like a round trip to Discord. */
function recordingInteraction(kind: "command" | "button", latencyMs = 5) {
  const calls: Array<[string, unknown]> = [];
  const call = (name: string) => async (payload?: unknown) => {
    calls.push([name, payload]);
    await sleep(latencyMs);
  };
  const interaction = {
    isMessageComponent: () => kind === "button",
    isModalSubmit: () => false,
    reply: call("reply"),
    deferReply: call("deferReply"),
    deferUpdate: call("deferUpdate"),
    editReply: call("editReply"),
    followUp: call("followUp"),
    update: call("update"),
    showModal: call("showModal"),
  } as unknown as RespondableInteraction;
  return { interaction, calls, names: () => calls.map(([name]) => name) };
}

const quiet = { parse: [] };

describe("Responder", () => {
  it("GIVEN a fresh interaction THEN reply is the first response, ephemeral, pinging nobody", async () => {
    const { interaction, calls } = recordingInteraction("command");
    const respond = new Responder(interaction);
    await respond.reply("hi");
    expect(calls).toEqual([
      ["reply", { content: "hi", allowedMentions: quiet, flags: MessageFlags.Ephemeral }],
    ]);
    expect(respond.state).toBe("replied");
  });

  it("GIVEN a defer racing a reply THEN the reply waits and edits the deferral", async () => {
    const { interaction, names } = recordingInteraction("command", 20);
    const respond = new Responder(interaction, "public");
    const deferred = respond.defer();
    const replied = respond.reply("done");
    await Promise.all([deferred, replied]);
    expect(names()).toEqual(["deferReply", "editReply"]);
  });

  it("GIVEN a reply already sent THEN a late automatic defer does nothing", async () => {
    const { interaction, names } = recordingInteraction("command");
    const respond = new Responder(interaction);
    await respond.reply("quick");
    await respond.defer();
    expect(names()).toEqual(["reply"]);
  });

  it("GIVEN a second reply THEN it becomes a follow-up with the same visibility", async () => {
    const { interaction, calls } = recordingInteraction("command");
    const respond = new Responder(interaction);
    await respond.reply("one");
    await respond.reply("two");
    expect(calls[1]).toEqual([
      "followUp",
      { content: "two", allowedMentions: quiet, flags: MessageFlags.Ephemeral },
    ]);
  });

  it("GIVEN a button declared to update its message THEN defer is a deferUpdate and update edits the message", async () => {
    const { interaction, names } = recordingInteraction("button");
    const respond = new Responder(interaction, "ephemeral", "update");
    await respond.defer();
    await respond.update("new content");
    expect(names()).toEqual(["deferUpdate", "editReply"]);
  });

  it("GIVEN an error after a deferred reply THEN fail edits the deferral and clears embeds and components", async () => {
    const { interaction, calls } = recordingInteraction("command");
    const respond = new Responder(interaction);
    await respond.defer();
    await respond.fail("sorry");
    expect(calls[1]).toEqual([
      "editReply",
      { content: "sorry", allowedMentions: quiet, embeds: [], components: [] },
    ]);
  });

  it("GIVEN an error after a reply THEN fail sends an ephemeral follow-up", async () => {
    const { interaction, calls } = recordingInteraction("command");
    const respond = new Responder(interaction, "public");
    await respond.reply("partial");
    await respond.fail("sorry");
    expect(calls[1]).toEqual([
      "followUp",
      { content: "sorry", allowedMentions: quiet, flags: MessageFlags.Ephemeral },
    ]);
  });

  it("GIVEN a handler that deferred THEN showModal refuses, since a modal must be the first response", async () => {
    const { interaction } = recordingInteraction("command");
    const respond = new Responder(interaction);
    await respond.defer();
    await expect(respond.showModal({ custom_id: "x", title: "t", components: [] })).rejects.toThrow(
      /first response/,
    );
  });

  it("GIVEN a failed call THEN later calls still run", async () => {
    const { interaction, names } = recordingInteraction("command");
    (interaction as unknown as { reply: () => Promise<void> }).reply = async () => {
      throw new Error("Unknown interaction");
    };
    const respond = new Responder(interaction);
    await expect(respond.reply("x")).rejects.toThrow("Unknown interaction");
    await respond.followUp("y");
    expect(names()).toEqual(["followUp"]);
  });
});

describe("Responder.awaitingAnswer", () => {
  it("GIVEN each state THEN it tells whether the user still waits for an answer", async () => {
    const command = new Responder(recordingInteraction("command").interaction);
    expect(command.awaitingAnswer).toBe(true);
    await command.defer();
    expect(command.awaitingAnswer).toBe(true);
    await command.reply("done");
    expect(command.awaitingAnswer).toBe(false);

    const button = new Responder(recordingInteraction("button").interaction, "ephemeral", "update");
    await button.defer();
    expect(button.awaitingAnswer).toBe(false);
  });
});
