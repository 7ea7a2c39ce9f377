import type { SupportedLocale } from "../config/env.ts";
import { UserError } from "../features/errors.ts";

/** A person's role in a programme, as stored in the database (`MemberRoleKind`). */
export type ProgrammeRole = "organiser" | "mentor" | "intern" | "agency_staff";

/** All programme roles, for validation and tests. */
const _PROGRAMME_ROLES = [
  "organiser",
  "mentor",
  "intern",
  "agency_staff",
] as const satisfies readonly ProgrammeRole[];

/**
 * Who may run a command, subcommand or component, checked by the router on every interaction:
 * - `"anyone"`: any member of the server, with or without a programme;
 * - `"member"`: anyone with at least one role in the server's current programme;
 * - a role or a list of roles: anyone holding at least one of them.
 *
 * `"organiser"` also admits members with the Manage Server permission while the server has no
 * programme yet, so that someone can open the first one.
 */
export type Access = "anyone" | "member" | ProgrammeRole | readonly ProgrammeRole[];

/** The server's current programme, as much as the router and handlers need on every interaction. */
export interface ProgrammeSummary {
  id: string;
  name: string;
  mode: "internship" | "hackathon";
  status: "draft" | "open" | "closed" | "archived";
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** Every reply in this programme uses this locale instead of the user's, when set. */
  forcedLocale: SupportedLocale | null;
}

/** Where the caller stands in the server: its current programme and their roles in it. */
export interface CallerStanding {
  programme: ProgrammeSummary | null;
  roles: ReadonlySet<ProgrammeRole>;
}

/**
 * The router's view of the database: which programme a server runs and who holds which role.
 * Implemented over the repositories in src/db; tests pass an in-memory one.
 */
export interface AccessPolicy {
  /** The caller's standing in `guildId`. May throw when the database is down. */
  standing(guildId: string, userId: string): Promise<CallerStanding>;
}

/** What the router knows about the caller when it checks {@link Access}. */
export interface AccessCheck extends CallerStanding {
  /** Whether Discord says the caller has Manage Server in this guild. */
  canManageGuild: boolean;
}

/**
 * Throws a {@link UserError} explaining the refusal when `check` does not satisfy `access`.
 * Never trusts Discord's command-permission UI: this runs for every delivered interaction.
 */
export function assertAccess(access: Access, check: AccessCheck): void {
  if (access === "anyone") return;
  const required: readonly ProgrammeRole[] | "member" =
    typeof access === "string" && access !== "member" ? [access] : access;
  if (!check.programme) {
    if (required !== "member" && required.includes("organiser")) {
      if (check.canManageGuild) return;
      throw new UserError("error.access.organiser");
    }
    throw new UserError("error.access.noProgramme");
  }
  if (required === "member") {
    if (check.roles.size > 0) return;
    throw new UserError("error.access.member");
  }
  if (required.some((role) => check.roles.has(role))) return;
  if (required.length === 1) {
    switch (required[0]) {
      case "organiser":
        throw new UserError("error.access.organiser");
      case "mentor":
        throw new UserError("error.access.mentor");
      case "intern":
        throw new UserError("error.access.intern");
      case "agency_staff":
        throw new UserError("error.access.agency");
    }
  }
  throw new UserError("error.access.denied");
}

/** Whether every route of a command is organiser-only, so Discord may hide it from others too. */
export function isOrganiserOnly(access: Access): boolean {
  return (
    access === "organiser" || (Array.isArray(access) && access.length === 1 && access[0] === "organiser")
  );
}
