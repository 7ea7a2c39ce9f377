/**
 * Notes a suite wants printed under the results table: what exactly was measured, which
 * command, what the bare client did, why a target was missed. Progress goes to stderr as it
 * happens ({@link progress}); notes are collected and printed once at the end.
 */

const collected: Array<{ suite: string; text: string }> = [];

/** Records a note printed under the table (and kept in `--json` output). */
export function note(suite: string, text: string): void {
  collected.push({ suite, text });
}

/** The notes recorded so far, in order. */
export function notes(): ReadonlyArray<{ suite: string; text: string }> {
  return collected;
}

/** A progress line on stderr, so stdout stays the table (or the JSON). */
export function progress(suite: string, text: string): void {
  process.stderr.write(`[bench:${suite}] ${text}\n`);
}
