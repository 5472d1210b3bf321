/**
 * The states time moves without anyone writing (an SLO starts burning, its budget runs out, a
 * risk's review falls due) and which of their changes are news. The evaluator stores the last
 * state it saw and announces a change only when it is the one that moved it. Pure.
 */
import type { BurnState } from "./burn-state";

export type SloWatch = { burn: BurnState; exhausted: boolean };

/** The SLO's figures as the evaluator reads them; null: nothing measured (keeps what was seen). */
export type SloReading = { burnState: BurnState | null; remainingRatio: number | null };

export type SloChange = { next: SloWatch; burnChanged: { from: BurnState; to: BurnState } | null; exhausted: boolean };

/**
 * What follows from a reading: the state to store and what to announce, or null when nothing
 * changed. A first reading compares with "not burning, budget left": an SLO that is already
 * burning when Nines first looks is news; one that is fine is not. An unmeasured reading changes
 * nothing. A budget that recovers is stored silently (only running out is announced).
 */
export function sloChange(previous: SloWatch | null, reading: SloReading): SloChange | null {
  const before = previous ?? { burn: "ok", exhausted: false };
  const next: SloWatch = {
    burn: reading.burnState ?? before.burn,
    exhausted: reading.remainingRatio === null ? before.exhausted : reading.remainingRatio <= 0,
  };
  if (previous !== null && next.burn === previous.burn && next.exhausted === previous.exhausted) return null;
  if (previous === null && next.burn === "ok" && !next.exhausted) return { next, burnChanged: null, exhausted: false };
  return { next, burnChanged: next.burn === before.burn ? null : { from: before.burn, to: next.burn }, exhausted: next.exhausted && !before.exhausted };
}

export type ReviewWatch = "not_due" | "due" | "overdue";

/** A review counts as due from a day before its date, and overdue once the date has passed. */
export const REVIEW_DUE_NOTICE_MS = 86_400_000;

export function reviewWatch(reviewDueAt: number | null, open: boolean, now: number): ReviewWatch {
  if (!open || reviewDueAt === null) return "not_due";
  if (reviewDueAt < now) return "overdue";
  return reviewDueAt - now <= REVIEW_DUE_NOTICE_MS ? "due" : "not_due";
}

/** Whether moving from one review state to another is news: falling due, or falling overdue. */
export function reviewChangeIsNews(previous: ReviewWatch | null, next: ReviewWatch): boolean {
  return next !== "not_due" && next !== (previous ?? "not_due");
}
