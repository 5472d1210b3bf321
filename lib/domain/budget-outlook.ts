/**
 * When the error budget runs out, said as people can use it. A projection past the window's
 * horizon is not an instant worth printing: a rolling 30-day window forgets today's downtime in
 * 30 days, so "runs out 2033-11-06" at today's pace says nothing; a calendar window resets at its
 * end. Such an instant reads "not within this window".
 */
import type { ExhaustionOutlook } from "./error-budget";
import { formatZonedDateTime } from "./time-zone";

export type OutlookInput = {
  exhaustionAt: number | null;
  exhaustion: ExhaustionOutlook;
  /** The window's label (`rolling:30d`, `month:2026-11`, …), bounds and where measuring stopped. */
  window: { label: string; from: number; to: number; end: number };
};

/** The last instant a projection is meaningful for: a calendar window's end, a rolling window's length ahead. */
export function outlookHorizon(window: OutlookInput["window"]): number {
  return window.label.startsWith("rolling:") ? window.end + (window.to - window.from) : window.to;
}

export type Outlook =
  | { kind: "runs_out"; at: number }
  | { kind: "not_within_window"; horizon: number }
  | { kind: "none_consumed" }
  | { kind: "exhausted" };

export function budgetOutlook(input: OutlookInput): Outlook {
  if (input.exhaustion === "exhausted") return { kind: "exhausted" };
  if (input.exhaustion === "none_consumed") return { kind: "none_consumed" };
  const horizon = outlookHorizon(input.window);
  if (input.exhaustionAt === null || input.exhaustionAt > horizon) return { kind: "not_within_window", horizon };
  return { kind: "runs_out", at: input.exhaustionAt };
}

/** The outlook as a sentence, instants in `timeZone` with the zone named. */
export function describeOutlook(input: OutlookInput, timeZone: string): string {
  const o = budgetOutlook(input);
  const at = (ms: number) => `${formatZonedDateTime(ms, timeZone)} ${timeZone}`;
  switch (o.kind) {
    case "exhausted":
      return "Already spent.";
    case "none_consumed":
      return "Nothing consumed yet: no pace to project.";
    case "runs_out":
      return `${at(o.at)}, at the window's average pace`;
    case "not_within_window":
      return input.window.label.startsWith("rolling:")
        ? `Not within this window: at this pace the budget lasts beyond the next ${Math.round((input.window.to - input.window.from) / 86_400_000)} days`
        : `Not within this window: at this pace the budget lasts past its end (${at(input.window.to)})`;
  }
}
