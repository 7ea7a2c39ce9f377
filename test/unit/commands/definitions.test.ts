import {
  type APIApplicationCommandOption,
  InteractionContextType,
  PermissionFlagsBits,
  ApplicationCommandOptionType as T,
} from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { isOrganiserOnly } from "../../../src/discord/access.ts";
import { jaCommands } from "../../../src/i18n/locales/ja.ts";

/** Discord's rule for CHAT_INPUT names (docs: Application Commands → naming). */
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

interface Node {
  path: string;
  name: string;
  description: string;
  name_localizations?: Partial<Record<string, string | null>> | null;
  description_localizations?: Partial<Record<string, string | null>> | null;
  options?: readonly APIApplicationCommandOption[];
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const option of node.options ?? [])
    walk({ ...option, path: `${node.path}.${option.name}` } as Node, visit);
}

const nodes: Node[] = [];
for (const module of commands) {
  walk({ ...module.definition, path: module.definition.name } as Node, (node) => nodes.push(node));
}

function charactersOf(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + charactersOf(item), 0);
  if (typeof value !== "object" || value === null) return 0;
  let sum = 0;
  for (const [key, field] of Object.entries(value)) {
    if ((key === "name" || key === "description" || key === "value") && typeof field !== "object") {
      sum += String(field).length;
    } else sum += charactersOf(field);
  }
  return sum;
}

describe("command definitions", () => {
  it("GIVEN the command list THEN names are unique", () => {
    const names = commands.map((c) => c.definition.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(nodes.map((n) => [n.path, n] as const))(
    "GIVEN %s THEN its names and descriptions are valid in en and ja",
    (path, node) => {
      const jaName = node.name_localizations?.ja;
      const jaDescription = node.description_localizations?.ja;
      for (const name of [node.name, jaName]) {
        expect(name).toMatch(NAME);
        expect(name).toBe(name?.toLowerCase());
      }
      for (const description of [node.description, jaDescription]) {
        expect(description?.trim().length).toBeGreaterThan(0);
        expect(description?.length).toBeLessThanOrEqual(100);
      }
      const entry = jaCommands[path as keyof typeof jaCommands] as
        | { name: string; description?: string }
        | undefined;
      expect(entry, `jaCommands["${path}"]`).toBeDefined();
      expect(jaName).toBe(entry?.name);
      expect(jaDescription).toBe(entry?.description);
    },
  );

  it.each(nodes.map((n) => [n.path, n] as const))(
    "GIVEN %s THEN its options follow Discord's limits",
    (_path, node) => {
      const options = node.options ?? [];
      expect(options.length).toBeLessThanOrEqual(25);
      const required = options.map((o) => "required" in o && o.required === true);
      expect(required, "required options come first").toEqual(
        [...required].sort((a, b) => Number(b) - Number(a)),
      );
      for (const option of options) {
        if (!("choices" in option) || !option.choices) continue;
        expect(option.choices.length).toBeLessThanOrEqual(25);
        for (const choice of option.choices) {
          const key = `${node.path}.${option.name}.${choice.value}` as keyof typeof jaCommands;
          expect(choice.name.length).toBeGreaterThan(0);
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(choice.name_localizations?.ja, `jaCommands["${key}"]`).toBe(
            (jaCommands[key] as { name: string } | undefined)?.name,
          );
        }
      }
    },
  );

  it("GIVEN the catalogue THEN every command text is used by a definition (no drift)", () => {
    const used = new Set(nodes.map((n) => n.path));
    for (const node of nodes) {
      for (const option of node.options ?? []) {
        if ("choices" in option && option.choices) {
          for (const choice of option.choices) used.add(`${node.path}.${option.name}.${choice.value}`);
        }
      }
    }
    expect(Object.keys(jaCommands).filter((key) => !used.has(key))).toEqual([]);
  });

  it.each(commands.map((c) => [c.definition.name, c] as const))(
    "GIVEN /%s THEN it is guild-only",
    (_name, module) => {
      expect(module.definition.contexts).toEqual([InteractionContextType.Guild]);
    },
  );

  it.each(commands.map((c) => [c.definition.name, c] as const))(
    "GIVEN /%s THEN Discord hides it behind Manage Server exactly when every route is organiser-only",
    (_name, module) => {
      const organiserOnly = [...module.routes.values()].every((route) => isOrganiserOnly(route.access));
      expect(module.definition.default_member_permissions ?? null).toBe(
        organiserOnly ? PermissionFlagsBits.ManageGuild.toString() : null,
      );
    },
  );

  it.each(commands.map((c) => [c.definition.name, c] as const))(
    "GIVEN /%s THEN its texts stay within Discord's 8000-character total",
    (_name, module) => {
      expect(charactersOf(module.definition)).toBeLessThanOrEqual(8000);
    },
  );

  it.each(commands.map((c) => [c.definition.name, c] as const))(
    "GIVEN /%s THEN every subcommand has a route",
    (_name, module) => {
      for (const node of nodes.filter((n) => n.path.startsWith(`${module.definition.name}`))) {
        const isLeafCommand =
          node.path === module.definition.name
            ? !(node.options ?? []).some((o) => o.type === T.Subcommand || o.type === T.SubcommandGroup)
            : (node as unknown as { type?: number }).type === T.Subcommand;
        if (isLeafCommand) expect(module.routes.has(node.path.replaceAll(".", " "))).toBe(true);
      }
    },
  );
});
