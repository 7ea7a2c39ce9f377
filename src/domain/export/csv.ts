/**
 * Every CSV taiken exports goes through here: a header row, booleans as true/false, and formula
 * cells neutralised (a cell starting with = + - @, tab or CR, or their full-width forms, gets a
 * leading apostrophe) so a display name can never run as a formula in a spreadsheet.
 */
import { stringify } from "csv-stringify/sync";

export function toCsv<Row extends Record<string, unknown>>(
  rows: readonly Row[],
  columns: readonly (keyof Row & string)[],
): string {
  return stringify([...rows], {
    header: true,
    columns: [...columns],
    escape_formulas: true,
    cast: { boolean: (v) => (v ? "true" : "false") },
  });
}
