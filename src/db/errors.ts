/**
 * The database layer's errors, and the ONE place where provider-specific error shapes are
 * mapped to them (Prisma's P2002, driver-adapter errors from better-sqlite3 and pg).
 */

/** The URL with its password replaced by `***`, for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

/**
 * The database cannot be used at start-up (bad DATABASE_URL, unreachable server, failed
 * migration). Its message is one line naming DATABASE_URL and the fix, so the composition root
 * can print `error.message` and exit non-zero.
 */
export class DatabaseStartupError extends Error {
  override name = "DatabaseStartupError";
}

/** DATABASE_URL is malformed or names an unsupported kind of database. */
export class DatabaseConfigError extends DatabaseStartupError {
  override name = "DatabaseConfigError";
  constructor(url: string, problem: string) {
    super(
      `DATABASE_URL "${redactDatabaseUrl(url)}" cannot be used: ${problem}. ` +
        'Use e.g. "file:./data/taiken.db" (SQLite) or "postgresql://user:password@host:5432/taiken".',
    );
  }
}

/** The PostgreSQL server in DATABASE_URL did not accept a connection. */
export class DatabaseUnavailableError extends DatabaseStartupError {
  override name = "DatabaseUnavailableError";
  constructor(url: string, reason: string, options?: { cause?: unknown }) {
    super(
      `Cannot connect to the PostgreSQL database in DATABASE_URL "${redactDatabaseUrl(url)}": ${reason}. ` +
        "Check that the server is running and that host, port, user, password and database name are right.",
      options,
    );
  }
}

/** Applying migrations failed. */
export class DatabaseMigrationError extends DatabaseStartupError {
  override name = "DatabaseMigrationError";
}

/**
 * A unique constraint refused a write: e.g. a second live allocation of one assignment.
 * `constraint` is the database's index name, identical on SQLite and PostgreSQL because it
 * follows Prisma's naming (`<table>_<fields>_key`, or `<table>_pkey` for a primary key).
 * See {@link Constraints} for the names the product cares about.
 */
export class ConstraintViolation extends Error {
  override name = "ConstraintViolation";
  constructor(
    readonly constraint: string,
    readonly table: string | undefined,
    readonly fields: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`Unique constraint ${constraint} violated`, options);
  }
}

/** Unique constraints whose violation means something to users. */
export const Constraints = {
  /** An intern already has a live allocation in this programme. */
  allocationOneLivePerMember: "allocation_programmeId_memberId_live_key",
  /** The assignment is already allocated (live) to another intern in this programme. */
  allocationOneLivePerAssignment: "allocation_programmeId_assignmentId_live_key",
  /** The Discord user is already a member of this programme. */
  memberPerProgramme: "member_programmeId_discordUserId_key",
  /** A programme with this name already exists in the guild. */
  programmeName: "programme_guildId_name_key",
  /** An assignment with this key already exists in the guild's library. */
  assignmentKey: "assignment_guildId_key_key",
  /** This exact content is already a version of the assignment. */
  assignmentVersionContent: "assignment_version_assignmentId_contentHash_key",
  /** The intern already ranked another assignment at this rank. */
  preferenceRank: "assignment_preference_memberId_rank_key",
  /** The intern already ranked this assignment. */
  preferenceAssignment: "assignment_preference_memberId_assignmentId_key",
  /** The intern already has a slot in this presentation session. */
  presentationSlotMember: "presentation_slot_sessionId_memberId_key",
  /** Another intern already has this position in the running order. */
  presentationSlotOrder: "presentation_slot_sessionId_order_key",
  /** This competency element is already scored for this member, phase and assessor. */
  competencyScore: "competency_score_memberId_phase_assessor_element_key",
  /** The member already has an open check-in session. */
  checkInOnePerMember: "check_in_session_memberId_open_key",
  /** The member already wrote a daily report for this day. */
  dailyReportPerDay: "daily_report_memberId_localDate_key",
} as const;

interface UniqueViolationCause {
  kind: "UniqueConstraintViolation";
  constraint?: { index: string } | { fields: string[] };
  table?: string;
  originalCode?: string;
  originalMessage?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Walks an error, its `cause`s and Prisma's `meta.driverAdapterError` to the first that matches. */
function findInChain(error: unknown, matches: (link: Record<string, unknown>) => boolean) {
  for (let current: unknown = error, depth = 0; isRecord(current) && depth < 6; depth++) {
    if (matches(current)) return current;
    const meta = current.meta;
    if (isRecord(meta) && isRecord(meta.driverAdapterError)) {
      current = meta.driverAdapterError;
      continue;
    }
    current = current.cause;
  }
  return undefined;
}

/** Finds the driver adapter's UniqueConstraintViolation payload, wherever Prisma put it. */
function uniqueViolationCause(error: unknown): UniqueViolationCause | undefined {
  return findInChain(error, (link) => link.kind === "UniqueConstraintViolation") as
    | UniqueViolationCause
    | undefined;
}

/** Driver adapter error kinds that mean "the database is not answering", not "the query is wrong". */
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  // Also SQLite's SQLITE_BUSY after the busy timeout: another writer held the file too long.
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);

/** Node's socket errors, PostgreSQL's connection and shutdown SQLSTATEs, Prisma's connection codes. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01", // admin_shutdown: a failover or restart
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or in recovery
  "08000",
  "08001",
  "08003",
  "08006",
  "P1001",
  "P1002",
  "P1017",
  "P2024",
]);

/** What node-postgres says when a pooled connection dies under a query or cannot be had. */
const UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect)/;

/**
 * True when `error` says the database is down, restarting or failing over, or SQLite stayed
 * busy: nothing was written (a transaction that failed this way rolled back) and the same
 * command may simply be run again. Every other error (a bug, a constraint) returns false.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return (
    findInChain(
      error,
      (link) =>
        (typeof link.kind === "string" && UNAVAILABLE_KINDS.has(link.kind)) ||
        (typeof link.code === "string" && UNAVAILABLE_CODES.has(link.code)) ||
        (typeof link.originalCode === "string" && UNAVAILABLE_CODES.has(link.originalCode)) ||
        (link instanceof Error && UNAVAILABLE_MESSAGE.test(link.message)),
    ) !== undefined
  );
}

function stripQuotes(name: string): string {
  return name.replace(/^["`]|["`]$/g, "");
}

/**
 * Maps a unique-constraint failure from either provider to a {@link ConstraintViolation};
 * returns undefined for every other error.
 */
export function toConstraintViolation(error: unknown): ConstraintViolation | undefined {
  if (error instanceof ConstraintViolation) return error;
  const cause = uniqueViolationCause(error);
  if (cause === undefined) return undefined;
  const table =
    cause.table === undefined ? undefined : stripQuotes(cause.table.split(".").pop() ?? cause.table);
  const constraint = cause.constraint;
  if (constraint !== undefined && "index" in constraint) {
    // PostgreSQL names the index; recover the fields from Prisma's naming convention.
    const index = constraint.index;
    const fields =
      table !== undefined && index.startsWith(`${table}_`) && index.endsWith("_key")
        ? index.slice(table.length + 1, -"_key".length).split("_")
        : [];
    return new ConstraintViolation(index, table, fields, { cause: error });
  }
  const fields = constraint?.fields.map(stripQuotes) ?? [];
  const name =
    cause.originalCode === "SQLITE_CONSTRAINT_PRIMARYKEY"
      ? `${table}_pkey`
      : `${table ?? "unknown"}_${fields.join("_")}_key`;
  return new ConstraintViolation(name, table, fields, { cause: error });
}

/**
 * Runs a database write and rethrows unique-constraint failures as {@link ConstraintViolation}.
 * Repositories wrap their writes in it; every other error passes through unchanged.
 */
export async function mapConstraintViolations<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toConstraintViolation(error) ?? error;
  }
}
