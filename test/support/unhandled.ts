/**
 * Import this file from a test file to make any `unhandledRejection` or
 * `uncaughtException` (e.g. an error thrown inside an async discord.js event handler)
 * fail the test during which it happened:
 *
 * ```ts
 * import "../support/unhandled.ts";
 * ```
 *
 * The errors are collected while the test runs and rethrown from `afterEach`, so the
 * failing test is named in the report. `unhandledErrors()` gives the ones seen so far
 * (for tests that expect one: take them with `takeUnhandledErrors()`).
 */
import { afterAll, afterEach } from "vitest";

const seen: unknown[] = [];

const onError = (error: unknown) => {
  seen.push(error);
};

process.on("unhandledRejection", onError);
process.on("uncaughtException", onError);

/** Errors collected since the last check (not cleared). */
function _unhandledErrors(): readonly unknown[] {
  return seen;
}

/** Removes and returns the errors collected so far (for a test that expects some). */
export function takeUnhandledErrors(): unknown[] {
  return seen.splice(0);
}

afterEach(() => {
  if (seen.length === 0) return;
  const errors = seen.splice(0);
  const detail = errors.map((e) => (e instanceof Error ? (e.stack ?? e.message) : String(e))).join("\n---\n");
  throw new Error(`${errors.length} unhandled rejection(s)/exception(s) during this test:\n${detail}`);
});

afterAll(() => {
  process.off("unhandledRejection", onError);
  process.off("uncaughtException", onError);
});
