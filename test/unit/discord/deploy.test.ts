import type { APIApplicationCommand } from "discord.js";
import { describe, expect, it } from "vitest";
import { definition as taiken } from "../../../commands/taiken.ts";
import { diffCommands, formatDiff, isEmptyDiff } from "../../../src/discord/deploy.ts";

/** `taiken` as Discord echoes it back: ids, versions and every default filled in. */
function echoed(overrides: Partial<APIApplicationCommand> = {}): APIApplicationCommand {
  return {
    id: "1300000000000000001",
    application_id: "1200000000000000001",
    version: "1300000000000000002",
    type: 1,
    name: taiken.name,
    name_localizations: { ja: taiken.name_localizations.ja },
    description: taiken.description,
    description_localizations: { ja: taiken.description_localizations.ja },
    default_member_permissions: null,
    dm_permission: false,
    nsfw: false,
    contexts: [0],
    integration_types: [0],
    options: taiken.options.map((option) => ({
      ...option,
      name_localizations: { ...option.name_localizations },
      description_localizations: { ...option.description_localizations },
    })),
    ...overrides,
  } as APIApplicationCommand;
}

describe("diffCommands", () => {
  it("GIVEN Discord has nothing THEN every command is added", () => {
    expect(diffCommands([], [taiken])).toEqual({
      added: ["taiken"],
      updated: [],
      removed: [],
      unchanged: [],
    });
  });

  it("GIVEN Discord echoes our command with its defaults THEN nothing changed", () => {
    const diff = diffCommands([echoed()], [taiken]);
    expect(diff.unchanged).toEqual(["taiken"]);
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it("GIVEN Discord lists empty localisation maps as null and omits required: false THEN nothing changed", () => {
    const plain = {
      name: "ping",
      description: "Ping",
      options: [{ type: 5, name: "loud", description: "Loud" }],
    };
    const remote = {
      ...plain,
      name_localizations: null,
      description_localizations: null,
      options: [{ type: 5, name: "loud", description: "Loud", required: false }],
    };
    expect(isEmptyDiff(diffCommands([remote], [plain]))).toBe(true);
  });

  it("GIVEN a changed Japanese description and a new option THEN the command is updated with those fields", () => {
    const remote = echoed({ description_localizations: { ja: "古い説明" }, options: [] });
    expect(diffCommands([remote], [taiken]).updated).toEqual([
      { name: "taiken", fields: ["description_localizations", "options"] },
    ]);
  });

  it("GIVEN a command Discord has that we no longer define THEN it is removed", () => {
    const diff = diffCommands([echoed(), echoed({ name: "old" })], [taiken]);
    expect(diff.removed).toEqual(["old"]);
    expect(formatDiff(diff)).toEqual(["- /old (removed)", "= /taiken (unchanged)"]);
  });

  it("GIVEN a changed permission default THEN the command is updated", () => {
    const diff = diffCommands([echoed({ default_member_permissions: "32" })], [taiken]);
    expect(formatDiff(diff)).toEqual(["~ /taiken (changed: default_member_permissions)"]);
  });
});
