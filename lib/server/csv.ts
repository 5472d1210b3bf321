import "server-only";
import { stringify } from "csv-stringify/sync";

// Every CSV Nines writes goes through here: one rule for cells a spreadsheet would run as a formula.

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell; one starting like a formula (=, +, -, @, tab, CR) gets an apostrophe first, so it stays text. */
export function textCell(s: string | null | undefined): string {
  if (s === null || s === undefined) return "";
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** Rows as CSV with CRLF line ends, as spreadsheets expect. */
export function toCsv(rows: string[][]): string {
  return stringify(rows, { record_delimiter: "\r\n" });
}
