/**
 * "How much downtime does this target allow?" for the standard periods, with fixed lengths so
 * targets compare: a 30-day month and a 365.25-day year of 525,960 min (docs/domain.md "Error
 * budgets", the nines).
 */

import { budgetSecondsFor } from "./error-budget";

/**
 * Period lengths in seconds. A quarter is a quarter of the 365.25-day year (91.3125 days), so the
 * four quarters add up to the year; real calendar quarters are 90–92 days, and calendar SLO windows
 * use their real lengths, not these.
 */
export const PERIOD_SECONDS = {
  day: 86_400,
  week: 7 * 86_400,
  month: 30 * 86_400,
  quarter: (365.25 / 4) * 86_400,
  year: 365.25 * 86_400,
} as const;

export type AllowedDowntimePeriod = keyof typeof PERIOD_SECONDS;

export type AllowedDowntime = Readonly<Record<AllowedDowntimePeriod, number>>;

/** Seconds of downtime allowed per period at `target` (a ratio in [0, 1), e.g. 0.999). */
export function allowedDowntime(target: number): AllowedDowntime {
  return {
    day: budgetSecondsFor(target, PERIOD_SECONDS.day),
    week: budgetSecondsFor(target, PERIOD_SECONDS.week),
    month: budgetSecondsFor(target, PERIOD_SECONDS.month),
    quarter: budgetSecondsFor(target, PERIOD_SECONDS.quarter),
    year: budgetSecondsFor(target, PERIOD_SECONDS.year),
  };
}

