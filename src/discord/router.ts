import { performance } from "node:perf_hooks";
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  PermissionFlagsBits,
} from "discord.js";
import type { AppContext } from "../app/context.ts";
import type { SupportedLocale } from "../config/env.ts";
import { UserError } from "../features/errors.ts";
import { resolveLocale } from "../i18n/locale.ts";
import { translator } from "../i18n/translate.ts";
import type { Logger } from "../observability/logger.ts";
import { type Access, type AccessPolicy, assertAccess, type CallerStanding } from "./access.ts";
import { readArgs } from "./args.ts";
import type { CommandModule, ResolvedCommandRoute } from "./command.ts";
import type { ComponentKind, ComponentRoute } from "./component.ts";
import { parseCustomIdHeader } from "./custom-id.ts";
import { type MappedError, mapError } from "./errors.ts";
import { type RespondableInteraction, Responder, unthrottledInteractionWebhook } from "./responder.ts";
import type { Scope } from "./route.ts";

/** Discord allows 3 s before the first response; the router defers well before that. */
export const DEFAULT_DEFER_AFTER_MS = 1_000;

/** Label values of the `kind` metric label. */
export type InteractionKind = "command" | "autocomplete" | ComponentKind;

export interface RouterOptions {
  app: AppContext;
  /** The one list, `commands/index.ts`. */
  commands: readonly CommandModule[];
  /** Components that belong to no command (rare: most live in their command's module). */
  components?: readonly ComponentRoute[];
  access: AccessPolicy;
  /** How long after an interaction arrives the router defers for a handler that has not answered. */
  deferAfterMs?: number;
}

/** The one dispatcher for every interaction the bot receives. */
export interface Router {
  /** Handles one interaction. Never throws: every failure is answered, logged and counted. */
  handle(interaction: Interaction): Promise<void>;
}

/** What an interaction resolved to before any handler runs. */
interface Target {
  kind: InteractionKind;
  /** Bounded metric label: the route's path or custom id name, `"unknown"` for anything else. */
  name: string;
  route?: ResolvedCommandRoute | ComponentRoute;
  payload?: unknown;
  /** Why no handler can run (unknown command, stale or forged custom id). */
  problem?: UserError;
}

/**
 * Whether deferring shows nothing to anyone but the caller: a component that edits its own
 * message (a deferred update shows nothing at all) or an ephemeral reply. Such routes may be
 * acknowledged before the access check; a public "thinking…" would turn an access refusal
 * into a public message.
 */
function quietlyAcknowledged(
  interaction: RespondableInteraction,
  route: ResolvedCommandRoute | ComponentRoute,
): boolean {
  if ("acknowledgement" in route && route.acknowledgement === "update" && interaction.isMessageComponent())
    return true;
  return (route.visibility ?? "ephemeral") === "ephemeral";
}

const MAX_AUTOCOMPLETE_CHOICES = 25;
const MAX_CHOICE_NAME_LENGTH = 100;

/**
 * Creates the router. For every interaction it: resolves the route (a command path or a custom
 * id), answers DMs for guild-only routes politely, looks up the caller's programme and roles,
 * picks the locale, checks access, reads and checks arguments, runs the handler inside one
 * try/catch, defers for slow handlers, maps any error to a localised message, and records
 * a log line and metrics with guild, programme, user, route, outcome and latency.
 */
export function createRouter(options: RouterOptions): Router {
  const { app, access } = options;
  const deferAfterMs = options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  const commandRoutes = new Map<string, ResolvedCommandRoute>();
  const componentRoutes = new Map<string, ComponentRoute>();
  const componentNames = new Set<string>();

  for (const module of options.commands) {
    for (const [path, route] of module.routes) {
      if (commandRoutes.has(path)) throw new Error(`two commands define "/${path}"`);
      commandRoutes.set(path, route);
    }
  }
  for (const route of [...options.commands.flatMap((m) => m.components), ...(options.components ?? [])]) {
    const key = `${route.kind}:${route.name}:v${route.version}`;
    if (componentRoutes.has(key)) throw new Error(`two handlers for custom id ${key}`);
    componentRoutes.set(key, route);
    componentNames.add(`${route.kind}:${route.name}`);
  }

  function commandTarget(interaction: ChatInputCommandInteraction | AutocompleteInteraction): Target {
    const kind = interaction.isAutocomplete() ? "autocomplete" : "command";
    const path = [
      interaction.commandName,
      interaction.options.getSubcommandGroup(false),
      interaction.options.getSubcommand(false),
    ]
      .filter((part) => part !== null)
      .join(" ");
    const route = commandRoutes.get(path);
    if (!route) return { kind, name: "unknown", problem: new UserError("error.unknownCommand") };
    return { kind, name: path, route };
  }

  function componentTarget(kind: ComponentKind, customId: string): Target {
    const header = parseCustomIdHeader(customId);
    if (!header) return { kind, name: "unknown", problem: new UserError("error.customId.invalid") };
    const route = componentRoutes.get(`${kind}:${header.name}:v${header.version}`);
    if (!route) {
      return componentNames.has(`${kind}:${header.name}`)
        ? { kind, name: header.name, problem: new UserError("error.customId.stale") }
        : { kind, name: "unknown", problem: new UserError("error.customId.invalid") };
    }
    const decoded = route.decode(customId);
    if (!decoded.ok) {
      const key = decoded.reason === "stale" ? "error.customId.stale" : "error.customId.invalid";
      return { kind, name: header.name, route, problem: new UserError(key) };
    }
    return { kind, name: header.name, route, payload: decoded.payload };
  }

  function targetOf(interaction: Interaction): Target | undefined {
    if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return commandTarget(interaction);
    if (interaction.isButton()) return componentTarget("button", interaction.customId);
    if (interaction.isAnySelectMenu()) return componentTarget("select", interaction.customId);
    if (interaction.isModalSubmit()) return componentTarget("modal", interaction.customId);
    return undefined;
  }

  /** Looks up the caller, picks the locale and builds the scope every handler receives. */
  async function enter(
    interaction: RespondableInteraction | AutocompleteInteraction,
    guildId: string,
    log: Logger,
    route: { access: Access } | undefined,
  ): Promise<{ scope: Scope; standing: CallerStanding }> {
    let standing: CallerStanding;
    try {
      standing = await access.standing(guildId, interaction.user.id);
    } catch (error) {
      // Routes open to anyone (such as `/taiken about`, which reports the database's state) still
      // work while the database is down, as if the server had no programme.
      if (route?.access !== "anyone") throw error;
      log.warn({ err: error }, "caller lookup failed; continuing without a programme");
      standing = { programme: null, roles: new Set() };
    }
    const locale = resolveLocale({
      programmeLocale: standing.programme?.forcedLocale,
      userLocale: interaction.locale,
      fallback: app.config.defaults.locale,
    });
    const logger = standing.programme ? log.child({ programmeId: standing.programme.id }) : log;
    return {
      standing,
      scope: {
        app,
        logger,
        locale,
        t: translator(locale),
        guildId,
        userId: interaction.user.id,
        programme: standing.programme,
        roles: standing.roles,
      },
    };
  }

  function canManageGuild(interaction: Interaction): boolean {
    return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  }

  function record(log: Logger, target: Target, started: number, outcome: string, locale: SupportedLocale) {
    const seconds = (performance.now() - started) / 1000;
    app.metrics.interactions.inc({ kind: target.kind, name: target.name, outcome });
    app.metrics.interactionSeconds.observe({ kind: target.kind, name: target.name }, seconds);
    log.info({ outcome, ms: Math.round(seconds * 1000), locale }, "interaction handled");
  }

  function report(log: Logger, error: unknown, mapped: MappedError) {
    if (mapped.outcome === "user_error") {
      const detail = error instanceof UserError ? { key: error.key } : { source: mapped.source };
      log.info(detail, "interaction refused");
      return;
    }
    app.metrics.errors.inc({ source: mapped.source === "discord_api" ? "discord_api" : "interaction" });
    const level = mapped.source === "discord_api" ? "warn" : "error";
    log[level]({ err: error, errorId: mapped.errorId }, "interaction failed");
  }

  async function respondTo(
    interaction: RespondableInteraction,
    target: Target,
    started: number,
  ): Promise<void> {
    const route = target.route;
    let log = app.logger.child({
      interactionId: interaction.id,
      kind: target.kind,
      name: target.name,
      guildId: interaction.guildId,
      userId: interaction.user.id,
    });
    let locale = resolveLocale({ userLocale: interaction.locale, fallback: app.config.defaults.locale });
    const responder = new Responder(
      interaction,
      route?.visibility ?? "ephemeral",
      route && "acknowledgement" in route ? route.acknowledgement : "reply",
      unthrottledInteractionWebhook,
    );
    let outcome = "ok";
    let timer: NodeJS.Timeout | undefined;
    try {
      if (!interaction.inGuild()) throw new UserError("error.guildOnly");
      const defer = route?.defer ?? "auto";
      // Acknowledged while the caller is looked up when nobody else can see it: in a rush
      // (hundreds of clicks at once) the lookups wait their turn, Discord's 3 s do not. The
      // handler still starts only once the acknowledgement is done, as "now" promises.
      const early =
        defer === "now" && route !== undefined && !target.problem && quietlyAcknowledged(interaction, route)
          ? responder.defer()
          : undefined;
      // Awaited below; a lookup that fails first must not leave its failure unhandled.
      early?.catch(() => undefined);
      const { scope, standing } = await enter(interaction, interaction.guildId, log, route);
      locale = scope.locale;
      log = scope.logger;
      if (target.problem || !route) throw target.problem ?? new UserError("error.unknownCommand");
      assertAccess(route.access, { ...standing, canManageGuild: canManageGuild(interaction) });

      if (early) await early;
      else if (defer === "now") await responder.defer();
      if (defer === "auto") {
        timer = setTimeout(
          () => {
            responder.defer().catch((error: unknown) => log.warn({ err: error }, "automatic defer failed"));
          },
          Math.max(0, deferAfterMs - (performance.now() - started)),
        );
      }

      if (interaction.isChatInputCommand() && "path" in route) {
        const args = readArgs(route.options, interaction.options);
        await route.run({ ...scope, interaction, args, respond: responder });
      } else if (!interaction.isChatInputCommand() && "kind" in route) {
        await route.run({ ...scope, interaction, payload: target.payload, respond: responder });
      }
      // A handler that returns without answering is a bug; the user gets an error id, not a spinner.
      if (responder.awaitingAnswer) throw new Error(`handler for ${target.name} finished without answering`);
    } catch (error) {
      const mapped = mapError(error, locale);
      outcome = mapped.outcome;
      report(log, error, mapped);
      await responder
        .fail(mapped.content)
        .catch((failure: unknown) => log.warn({ err: failure }, "could not tell the user about the error"));
    } finally {
      clearTimeout(timer);
      record(log, target, started, outcome, locale);
    }
  }

  async function suggest(
    interaction: AutocompleteInteraction,
    target: Target,
    started: number,
  ): Promise<void> {
    let log = app.logger.child({
      interactionId: interaction.id,
      kind: target.kind,
      name: target.name,
      guildId: interaction.guildId,
      userId: interaction.user.id,
    });
    let locale = resolveLocale({ userLocale: interaction.locale, fallback: app.config.defaults.locale });
    let outcome = "ok";
    try {
      const route = target.route && "path" in target.route ? target.route : undefined;
      const focused = interaction.options.getFocused(true);
      const handler = route?.autocomplete[focused.name];
      if (!interaction.inGuild() || !route || !handler) {
        await interaction.respond([]);
        return;
      }
      const { scope, standing } = await enter(interaction, interaction.guildId, log, route);
      locale = scope.locale;
      log = scope.logger;
      assertAccess(route.access, { ...standing, canManageGuild: canManageGuild(interaction) });
      const choices = await handler({ ...scope, interaction, value: String(focused.value) });
      await interaction.respond(
        choices
          .slice(0, MAX_AUTOCOMPLETE_CHOICES)
          .map((choice) => ({ ...choice, name: choice.name.slice(0, MAX_CHOICE_NAME_LENGTH) })),
      );
    } catch (error) {
      const mapped = mapError(error, locale);
      outcome = mapped.outcome;
      report(log, error, mapped);
      if (!interaction.responded) {
        await interaction
          .respond([])
          .catch((failure: unknown) => log.warn({ err: failure }, "could not answer autocomplete"));
      }
    } finally {
      record(log, target, started, outcome, locale);
    }
  }

  return {
    async handle(interaction) {
      const started = performance.now();
      try {
        const target = targetOf(interaction);
        if (!target) {
          app.logger.debug(
            { type: interaction.type, interactionId: interaction.id },
            "interaction type not routed",
          );
          return;
        }
        if (interaction.isAutocomplete()) await suggest(interaction, target, started);
        else if (interaction.isRepliable())
          await respondTo(interaction as RespondableInteraction, target, started);
      } catch (error) {
        // Only reachable through a bug in the router itself; the handler paths catch everything.
        app.metrics.errors.inc({ source: "router" });
        app.logger.error({ err: error, interactionId: interaction.id }, "router failed");
      }
    },
  };
}
