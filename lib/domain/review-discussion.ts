/**
 * Which services the weekly review should talk about, and why: the meeting starts from these
 * rather than from every row. A service needs discussion when its week or its budget asks for a
 * decision (missed target, budget exhausted, burning fast), when something happened to it
 * (incidents this week), when it moved (its target result differs from last week's) or when its
 * figures cannot be trusted as shown (not computed, or changed since the review was closed).
 * Pure; the page and the tests read the same rule.
 */
import type { BurnState } from "./burn-state";
import { plural } from "./format";

export const DISCUSSION_REASONS = ["not_computed", "missed_target", "overspent", "fast_burn", "incidents", "result_changed", "changed_since_review", "frozen"] as const;
export type DiscussionReasonKind = (typeof DISCUSSION_REASONS)[number];
export type DiscussionReason = { readonly kind: DiscussionReasonKind; readonly text: string };

export type DiscussionFacts = {
  /** The figures could not be computed (a failure; a window before measuredSince is not one). */
  readonly failed: boolean;
  /** The week's result against the target; null when the week is not measured or not computed. */
  readonly weekMetTarget: boolean | null;
  /** The SLO window's budget left, in seconds; null when not measured or not computed. */
  readonly budgetRemainingSeconds: number | null;
  readonly burnState: BurnState | null;
  /** Incidents active in the week for this service (the availability summary's incidentCount). */
  readonly weekIncidents: number;
  /** Last week's result against the target; null when unknown (no figures for last week). */
  readonly previousWeekMetTarget: boolean | null;
  /** A closed review whose figures a fresh computation now states differently. */
  readonly changedSinceReview: boolean;
  /** An error-budget freeze held in the week (left out: none did). */
  readonly frozen?: boolean;
};

/**
 * A budget with nothing left: the same test as the review headline's "budgets exhausted" count,
 * so the two always agree.
 */
export function budgetExhausted(remainingSeconds: number): boolean {
  return remainingSeconds <= 0;
}

/** The reasons, most pressing first; empty when the service can wait for another week. */
export function discussionReasons(f: DiscussionFacts): DiscussionReason[] {
  const reasons: DiscussionReason[] = [];
  const add = (kind: DiscussionReasonKind, text: string) => reasons.push({ kind, text });
  if (f.failed) add("not_computed", "Figures could not be computed");
  if (f.weekMetTarget === false) add("missed_target", "Missed the target this week");
  if (f.budgetRemainingSeconds !== null && budgetExhausted(f.budgetRemainingSeconds)) add("overspent", "SLO window's budget exhausted");
  if (f.burnState === "fast_burn") add("fast_burn", "Burning its budget fast");
  if (f.weekIncidents > 0) add("incidents", `${plural(f.weekIncidents, "incident")} this week`);
  if (f.weekMetTarget !== null && f.previousWeekMetTarget !== null && f.weekMetTarget !== f.previousWeekMetTarget) {
    add("result_changed", f.weekMetTarget ? "Back on target after missing it last week" : "Met the target last week, missed it this week");
  }
  if (f.changedSinceReview) add("changed_since_review", "Figures changed since the review was closed");
  if (f.frozen) add("frozen", "Frozen by the error-budget policy this week");
  return reasons;
}

/** The services of a review split into those to discuss (with their reasons) and the rest. */
export function splitForDiscussion<T>(rows: readonly T[], facts: (row: T) => DiscussionFacts): { discuss: { row: T; reasons: DiscussionReason[] }[]; others: T[] } {
  const discuss: { row: T; reasons: DiscussionReason[] }[] = [];
  const others: T[] = [];
  for (const row of rows) {
    const reasons = discussionReasons(facts(row));
    if (reasons.length > 0) discuss.push({ row, reasons });
    else others.push(row);
  }
  return { discuss, others };
}
