import {
  type APIApplication,
  type APIApplicationCommand,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from "discord.js";

/** A command as Discord lists it, or as we are about to PUT it. */
type AnyCommand = Partial<APIApplicationCommand> | RESTPostAPIChatInputApplicationCommandsJSONBody;

/** What a deployment changes, by command name. */
export interface CommandDiff {
  added: string[];
  /** Commands whose definition differs, with the top-level fields that differ. */
  updated: { name: string; fields: string[] }[];
  removed: string[];
  unchanged: string[];
}

function localizations(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(
    Object.entries(value)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "")
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

function withoutUndefined(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

function canonicalOption(option: Record<string, unknown>): Record<string, unknown> {
  const choices = Array.isArray(option.choices) ? (option.choices as Record<string, unknown>[]) : [];
  const options = Array.isArray(option.options) ? (option.options as Record<string, unknown>[]) : [];
  return withoutUndefined({
    type: option.type,
    name: option.name,
    name_localizations: localizations(option.name_localizations),
    description: option.description,
    description_localizations: localizations(option.description_localizations),
    required: option.required ?? false,
    autocomplete: option.autocomplete ?? false,
    choices: choices.map((choice) => ({
      name: choice.name,
      name_localizations: localizations(choice.name_localizations),
      value: choice.value,
    })),
    options: options.map(canonicalOption),
    channel_types: Array.isArray(option.channel_types) ? [...option.channel_types].sort() : [],
    min_value: option.min_value,
    max_value: option.max_value,
    min_length: option.min_length,
    max_length: option.max_length,
  });
}

/**
 * A command in a form where Discord's echoed defaults (`nsfw: false`, missing `required`, empty
 * localisation maps, `null` vs absent) compare equal to what we send.
 */
function canonical(command: AnyCommand): Record<string, unknown> {
  const c = command as Record<string, unknown>;
  return {
    type: c.type ?? 1,
    name: c.name,
    name_localizations: localizations(c.name_localizations),
    description: c.description,
    description_localizations: localizations(c.description_localizations),
    default_member_permissions: c.default_member_permissions ?? null,
    contexts: Array.isArray(c.contexts) ? [...c.contexts].sort() : null,
    integration_types: Array.isArray(c.integration_types) ? [...c.integration_types].sort() : [0],
    nsfw: c.nsfw ?? false,
    options: Array.isArray(c.options) ? (c.options as Record<string, unknown>[]).map(canonicalOption) : [],
  };
}

/**
 * Compares what Discord has with what we are about to deploy. Pure, so it can be tested and
 * printed before anything is sent.
 */
export function diffCommands(remote: readonly AnyCommand[], local: readonly AnyCommand[]): CommandDiff {
  const diff: CommandDiff = { added: [], updated: [], removed: [], unchanged: [] };
  const remoteByName = new Map(remote.map((command) => [String(command.name), canonical(command)]));
  const localNames = new Set<string>();
  for (const command of local) {
    const name = String(command.name);
    localNames.add(name);
    const before = remoteByName.get(name);
    if (!before) {
      diff.added.push(name);
      continue;
    }
    const after = canonical(command);
    const fields = Object.keys(after).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    );
    if (fields.length > 0) diff.updated.push({ name, fields });
    else diff.unchanged.push(name);
  }
  for (const name of remoteByName.keys()) if (!localNames.has(name)) diff.removed.push(name);
  return diff;
}

/** True when deploying would change nothing. */
export function isEmptyDiff(diff: CommandDiff): boolean {
  return diff.added.length + diff.updated.length + diff.removed.length === 0;
}

export interface DeployOptions {
  /** Deploy to one server (instant) instead of globally (may take up to an hour to show). */
  guildId?: string | undefined;
  /** Compute and return the diff without changing anything. */
  dryRun?: boolean;
  /** PUT even when nothing changed. */
  force?: boolean;
}

/**
 * Replaces the application's commands (global or in one guild) with `definitions` in one bulk
 * PUT, after fetching what Discord has to report the difference. Skips the PUT when nothing changed.
 */
export async function deployCommands(
  rest: REST,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  options: DeployOptions = {},
): Promise<{ applicationId: string; diff: CommandDiff; deployed: boolean }> {
  const application = (await rest.get(Routes.currentApplication())) as APIApplication;
  const route = options.guildId
    ? Routes.applicationGuildCommands(application.id, options.guildId)
    : Routes.applicationCommands(application.id);
  const remote = (await rest.get(route)) as APIApplicationCommand[];
  const diff = diffCommands(remote, definitions);
  const deploy = !options.dryRun && (options.force || !isEmptyDiff(diff));
  if (deploy) await rest.put(route, { body: definitions });
  return { applicationId: application.id, diff, deployed: deploy };
}

/** The diff as lines for a terminal: `+ added`, `~ updated (fields)`, `- removed`, `= unchanged`. */
export function formatDiff(diff: CommandDiff): string[] {
  return [
    ...diff.added.map((name) => `+ /${name} (added)`),
    ...diff.updated.map(({ name, fields }) => `~ /${name} (changed: ${fields.join(", ")})`),
    ...diff.removed.map((name) => `- /${name} (removed)`),
    ...diff.unchanged.map((name) => `= /${name} (unchanged)`),
  ];
}
