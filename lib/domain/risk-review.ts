/**
 * Risk reviews on a cadence (docs/domain.md "Risks"): each level has a number of days between reviews
 * (CRITICAL weekly, HIGH every two weeks, MEDIUM monthly, LOW quarterly by default; editable in
 * settings). The next review is due that many days after the last one, or after the risk was
 * identified if it was never reviewed; a closed risk has none. Pure.
 */
import { MS_PER_DAY } from "./civil-date";
import { RISK_LEVELS, type RiskLevel } from "./risk-matrix";

export type ReviewCadence = Readonly<Record<RiskLevel, number>>;

export const DEFAULT_REVIEW_CADENCE: ReviewCadence = { CRITICAL: 7, HIGH: 14, MEDIUM: 30, LOW: 90 };

/** Days between reviews are whole days from 1 to 366. */
export const MAX_CADENCE_DAYS = 366;

export function isReviewCadence(value: unknown): value is ReviewCadence {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return RISK_LEVELS.every((l) => Number.isInteger(v[l]) && (v[l] as number) >= 1 && (v[l] as number) <= MAX_CADENCE_DAYS);
}

/** A stored cadence (JSON, possibly missing or partial) read with the defaults filling gaps. */
export function reviewCadenceOf(stored: unknown): ReviewCadence {
  const merged = { ...DEFAULT_REVIEW_CADENCE, ...(typeof stored === "object" && stored !== null ? stored : {}) };
  return isReviewCadence(merged) ? merged : DEFAULT_REVIEW_CADENCE;
}

export function nextReviewDue(args: { status: "open" | "closed"; level: RiskLevel; lastReviewedAt: number | null; identifiedAt: number }, cadence: ReviewCadence): number | null {
  if (args.status === "closed") return null;
  return (args.lastReviewedAt ?? args.identifiedAt) + cadence[args.level] * MS_PER_DAY;
}

export function isReviewOverdue(reviewDueAt: number | null, now: number): boolean {
  return reviewDueAt !== null && reviewDueAt < now;
}
