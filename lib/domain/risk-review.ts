/**
 * Risk reviews on a cadence (docs/domain.md "Risks"): each level has a number of days between reviews
 * (CRITICAL weekly, HIGH every two weeks, MEDIUM monthly, LOW quarterly by default; editable in
 * settings). The next review is due that many days after the last one, or after the risk was
 * identified if it was never reviewed; a closed risk has none. Pure.
 */
import { MS_PER_DAY } from "./civil-date";
import type { RiskLevel } from "./risk-matrix";

export type ReviewCadence = Readonly<Record<RiskLevel, number>>;

export const DEFAULT_REVIEW_CADENCE: ReviewCadence = { CRITICAL: 7, HIGH: 14, MEDIUM: 30, LOW: 90 };

/** Days between reviews are whole days from 1 to 366. */
export const MAX_CADENCE_DAYS = 366;

export function nextReviewDue(args: { status: "open" | "closed"; level: RiskLevel; lastReviewedAt: number | null; identifiedAt: number }, cadence: ReviewCadence): number | null {
  if (args.status === "closed") return null;
  return (args.lastReviewedAt ?? args.identifiedAt) + cadence[args.level] * MS_PER_DAY;
}

export function isReviewOverdue(reviewDueAt: number | null, now: number): boolean {
  return reviewDueAt !== null && reviewDueAt < now;
}
