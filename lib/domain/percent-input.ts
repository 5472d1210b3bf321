/**
 * Percent as people type it in forms, and the forms' own messages in percent. The API keeps
 * ratios and its ratio-worded messages; a form converts what was typed first, then asks these
 * functions, so a person who typed "100" reads "Enter a target below 100 %", not "Must be below 1".
 */
import { percentText } from "./format";

/** The SLO target's bounds as ratios: the API's schema and the forms' messages share them. */
export const SLO_TARGET_MIN = 0.5;
export const SLO_TARGET_MAX = 0.9999999;

/**
 * "99.9" or "99.9 %" → 0.999. Empty → null (left to inherit, or missing). Anything else that is
 * not a plain decimal → NaN, which the schemas refuse. A decimal comma is read as a point.
 */
export function parsePercentText(text: string): number | null {
  const trimmed = text.trim().replace(/\s*%$/, "").replace(",", ".");
  if (trimmed === "") return null;
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return Number.NaN;
  return Number((Number(trimmed) / 100).toFixed(10));
}

/** What is wrong with an SLO target typed in percent (as a ratio from parsePercentText), or null. */
export function targetPercentProblem(ratio: number | null, required: boolean): string | null {
  if (ratio === null) return required ? "Enter a target such as 99.9 %" : null;
  if (Number.isNaN(ratio)) return "Enter a percentage such as 99.9";
  if (ratio < SLO_TARGET_MIN) return `Enter a target of at least ${percentText(SLO_TARGET_MIN)} %`;
  if (ratio > SLO_TARGET_MAX) return `Enter a target below 100 % (100 % leaves no error budget): at most ${percentText(SLO_TARGET_MAX)} %`;
  return null;
}

/** What is wrong with a share typed in percent (failing requests, users hit): above 0, at most 100. */
export function sharePercentProblem(ratio: number | null): string | null {
  if (ratio === null) return null;
  if (Number.isNaN(ratio)) return "Enter a percentage such as 25 or 0.5";
  if (ratio <= 0) return "Enter a share above 0 % (0 % is no impact)";
  if (ratio > 1) return "Enter a share of at most 100 %";
  return null;
}
