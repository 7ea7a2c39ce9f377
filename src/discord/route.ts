import type { AutocompleteInteraction } from "discord.js";
import type { AppContext } from "../app/context.ts";
import type { SupportedLocale } from "../config/env.ts";
import type { Translator } from "../i18n/translate.ts";
import type { Logger } from "../observability/logger.ts";
import type { Access, ProgrammeRole, ProgrammeSummary } from "./access.ts";
import type { Visibility } from "./responder.ts";

/**
 * When the router acknowledges for a handler:
 * - `"auto"` (default): if the handler has not answered within the router's budget (about 1 s
 *   after the interaction arrived), the router defers and the handler's reply edits that;
 * - `"now"`: defer before the handler runs: for handlers that always take long (many API calls);
 * - `"never"`: the handler must answer itself, quickly: for handlers that open a modal, which
 *   has to be the first response.
 */
export type DeferMode = "auto" | "now" | "never";

/** What every route declares besides its handler. */
export interface RouteOptions {
  /** Who may use it; checked by the router against the database on every interaction. */
  access: Access;
  defer?: DeferMode;
  /** Default `"ephemeral"`: only the caller sees the reply. */
  visibility?: Visibility;
}

/** What the router hands every handler, besides the interaction itself. */
export interface Scope {
  app: AppContext;
  /** The app logger with this interaction's context (guild, programme, user, route). */
  logger: Logger;
  /** The reply language, from {@link resolveLocale}. */
  locale: SupportedLocale;
  /** Translates into {@link Scope.locale}. */
  t: Translator;
  guildId: string;
  userId: string;
  /** The server's current programme, if any. */
  programme: ProgrammeSummary | null;
  /** The caller's roles in that programme (empty without one). */
  roles: ReadonlySet<ProgrammeRole>;
}

/** A choice returned by an autocomplete handler (at most 25 are sent). */
export interface AutocompleteChoice {
  name: string;
  value: string | number;
}

/** What an autocomplete handler receives. */
export interface AutocompleteContext extends Scope {
  interaction: AutocompleteInteraction;
  /** What the user has typed so far in the focused option. */
  value: string;
}

/** An autocomplete handler for one option. Access is the route's; on error the user sees no choices. */
export type AutocompleteHandler = (ctx: AutocompleteContext) => Promise<readonly AutocompleteChoice[]>;
