/** `--help` for the scripts that take no other options parser. */

/** Prints `text` and exits 0 when the command line asks for `--help` (or `-h`). */
export function answerHelp(text: string): void {
  if (!process.argv.slice(2).some((arg) => arg === "--help" || arg === "-h")) return;
  process.stdout.write(`${text.trim()}\n`);
  process.exit(0);
}
