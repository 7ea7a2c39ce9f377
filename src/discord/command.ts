import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { commandText, type DescribedKey, type DescribedText } from "../i18n/command-text.ts";
import type { ArgsOf, AutocompleteOptionNames, OptionsOf } from "./args.ts";
import type { ComponentRoute } from "./component.ts";
import type { Responder } from "./responder.ts";
import type { AutocompleteHandler, RouteOptions, Scope } from "./route.ts";

const T = ApplicationCommandOptionType;

/**
 * The head every taiken command shares: its name and texts (ja/en, from the catalogue), guild
 * only, installed to the server. `manageGuild` hides it from members without Manage Server in
 * Discord's menu (the router still checks roles on the server side).
 */
export function guildCommand<const N extends DescribedKey>(
  name: N,
  visibility: "everyone" | "manageGuild" = "everyone",
): DescribedText & {
  name: N;
  default_member_permissions: string | null;
  contexts: InteractionContextType[];
  integration_types: ApplicationIntegrationType[];
} {
  return {
    name,
    ...commandText(name),
    default_member_permissions:
      visibility === "manageGuild" ? PermissionFlagsBits.ManageGuild.toString() : null,
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

/** What a slash-command handler receives. */
export interface CommandContext<Args> extends Scope {
  interaction: ChatInputCommandInteraction;
  /** The options, typed from the definition and checked by the router. */
  args: Args;
  /** Answer through this, never through `interaction.reply` (the router may have deferred). */
  respond: Responder;
}

/** The handler of a command without subcommands, or of one subcommand. */
export interface CommandRoute<Node> extends RouteOptions {
  run(ctx: CommandContext<ArgsOf<Node>>): Promise<void>;
  /** One handler per option declared with `autocomplete: true`. */
  autocomplete?: { [Name in AutocompleteOptionNames<Node>]: AutocompleteHandler };
}

type SubcommandsOf<Node> = Extract<OptionsOf<Node>, { type: typeof T.Subcommand; name: string }>;
type GroupsOf<Node> = Extract<OptionsOf<Node>, { type: typeof T.SubcommandGroup; name: string }>;

/**
 * The handlers a definition needs, derived from its JSON: one {@link CommandRoute} for a plain
 * command; for a command with subcommands an object keyed by subcommand name (and, for groups,
 * by group name then subcommand name), each with its own argument type.
 */
export type RoutesFor<Definition> = [SubcommandsOf<Definition> | GroupsOf<Definition>] extends [never]
  ? CommandRoute<Definition>
  : { [S in SubcommandsOf<Definition> as S["name"]]: CommandRoute<S> } & {
      [G in GroupsOf<Definition> as G["name"]]: { [S in SubcommandsOf<G> as S["name"]]: CommandRoute<S> };
    };

/** A route with its types erased, as the router stores it. */
export interface ResolvedCommandRoute extends RouteOptions {
  /** `"taiken about"`: the command, group and subcommand names, as users see them. */
  path: string;
  /** The option definitions of this route, for reading and checking arguments. */
  options: readonly APIApplicationCommandOption[] | undefined;
  run(ctx: CommandContext<Record<string, unknown>>): Promise<void>;
  autocomplete: Readonly<Record<string, AutocompleteHandler>>;
}

/** One slash command: its definition (deployed as is) and its routes. Listed in `commands/index.ts`. */
export interface CommandModule {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Keyed by path: `"taiken"`, `"taiken about"`, `"agency staff add"`. */
  routes: ReadonlyMap<string, ResolvedCommandRoute>;
  /** Buttons, select menus and modals that belong to this command's flows. */
  components: readonly ComponentRoute[];
}

type ErasedRoute = CommandRoute<unknown> & { run(ctx: CommandContext<never>): Promise<void> };

function isRoute(value: unknown): value is ErasedRoute {
  return typeof value === "object" && value !== null && "run" in value && typeof value.run === "function";
}

function resolve(path: string, node: { options?: readonly APIApplicationCommandOption[] }, route: unknown) {
  if (!isRoute(route)) throw new Error(`command "${path}" has no handler`);
  return {
    path,
    access: route.access,
    defer: route.defer,
    visibility: route.visibility,
    options: node.options,
    run: route.run as ResolvedCommandRoute["run"],
    autocomplete: (route.autocomplete ?? {}) as Record<string, AutocompleteHandler>,
  } satisfies ResolvedCommandRoute;
}

/**
 * Binds a definition to its handlers. The handler types come from the definition, so a renamed
 * option or a new choice is a type error in the handler, and a subcommand without a handler is
 * a type error here (and an exception at start-up, for good measure).
 *
 * @example
 * export const command = defineCommand(definition, {
 *   about: { access: "anyone", async run({ respond, t }) { await respond.reply(t("about.title")); } },
 * });
 */
export function defineCommand<const Definition extends RESTPostAPIChatInputApplicationCommandsJSONBody>(
  definition: Definition,
  routes: RoutesFor<Definition>,
  extras: { components?: readonly ComponentRoute[] } = {},
): CommandModule {
  const resolved = new Map<string, ResolvedCommandRoute>();
  const options = definition.options ?? [];
  const nested = options.filter((o) => o.type === T.Subcommand || o.type === T.SubcommandGroup);
  const table = routes as Record<string, unknown>;
  if (nested.length === 0) {
    resolved.set(definition.name, resolve(definition.name, definition, routes));
  }
  for (const option of nested) {
    if (option.type === T.Subcommand) {
      const path = `${definition.name} ${option.name}`;
      resolved.set(path, resolve(path, option, table[option.name]));
    } else if (option.type === T.SubcommandGroup) {
      const group = (table[option.name] ?? {}) as Record<string, unknown>;
      for (const sub of option.options ?? []) {
        const path = `${definition.name} ${option.name} ${sub.name}`;
        resolved.set(path, resolve(path, sub, group[sub.name]));
      }
    }
  }
  return { definition, routes: resolved, components: extras.components ?? [] };
}
