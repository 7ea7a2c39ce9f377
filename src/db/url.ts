import { isAbsolute, resolve } from "node:path";
import { DatabaseConfigError } from "./errors.ts";

export { redactDatabaseUrl } from "./errors.ts";

import type { DatabaseProvider } from "./paths.ts";

/** A parsed DATABASE_URL. */
export type DatabaseTarget =
  | { provider: "sqlite"; url: string /** Absolute path, or ":memory:". */; filename: string }
  | { provider: "postgresql"; url: string /** The database name on the server. */; database: string };

/** The default DATABASE_URL: a SQLite file under ./data, relative to the working directory. */
export const DEFAULT_DATABASE_URL = "file:./data/taiken.db";

/**
 * Parses a DATABASE_URL. `file:` URLs are SQLite (relative paths resolve against `cwd`);
 * `postgres://` and `postgresql://` URLs are PostgreSQL.
 * @throws DatabaseConfigError for anything else, naming DATABASE_URL and the accepted forms.
 */
export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): DatabaseTarget {
  const trimmed = url.trim();
  if (trimmed.startsWith("file:")) {
    const path =
      trimmed
        .slice("file:".length)
        .replace(/^\/\/(?=\/)/, "")
        .split("?")[0] ?? "";
    if (path === "") throw new DatabaseConfigError(url, "the file path after file: is empty");
    if (path === ":memory:") return { provider: "sqlite", url: trimmed, filename: ":memory:" };
    return { provider: "sqlite", url: trimmed, filename: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  if (/^postgres(ql)?:\/\//.test(trimmed)) {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      throw new DatabaseConfigError(url, "it is not a valid URL");
    }
    if (parsed.hostname === "" && !parsed.searchParams.has("host")) {
      throw new DatabaseConfigError(url, "it has no host");
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
    if (database === "") throw new DatabaseConfigError(url, "it names no database (…/dbname)");
    return { provider: "postgresql", url: trimmed, database };
  }
  throw new DatabaseConfigError(url, "it must start with file:, postgres:// or postgresql://");
}

/** The provider a DATABASE_URL selects. */
function _providerOf(url: string): DatabaseProvider {
  return parseDatabaseUrl(url).provider;
}
