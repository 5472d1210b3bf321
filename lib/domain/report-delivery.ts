/**
 * When a period report is delivered (docs/decisions/0036-report-and-freeze-notifications.md): a
 * month, a quarter or a year counts as ended at its end, the first local midnight after it in the
 * organisation's zone (the instant from which it may be published); the evaluator then sends the
 * report of the period that ended last, once. Pure.
 */
import { calendarSpecContaining, shiftCalendarSpec } from "./windows";
import { parseReportPeriod, reportPeriodLabel, type ReportPeriodKind, type ReportPeriodSpec } from "./report-period";

/** A PDF larger than this is not attached (the message links to it instead): mail servers refuse large mail, and the outbox keeps a copy per email channel. */
export const MAX_ATTACHMENT_BYTES = 2_000_000;

/** The period of `kind` that ended last at `now`: the one before the period holding `now`. */
export function lastEndedPeriod(kind: ReportPeriodKind, now: number, timeZone: string): ReportPeriodSpec {
  return shiftCalendarSpec(calendarSpecContaining(kind, now, { timeZone }), -1) as ReportPeriodSpec;
}

/** Periods of one kind in calendar order (a label's zone does not matter for its order). */
function ordinal(spec: ReportPeriodSpec): number {
  if (spec.kind === "month") return spec.year * 12 + spec.month - 1;
  if (spec.kind === "quarter") return spec.year * 4 + spec.quarter - 1;
  return spec.year;
}

export type ReportWatchChange = { next: string; announce: boolean };

/**
 * What the evaluator does with the period that ended last, given the one it stored (null: none
 * yet): nothing when it is the same one (or an earlier one: a clock set back), the new one stored
 * and announced when a later period has ended since, stored quietly on first sight (a new
 * installation does not send last month's report the minute it starts). A stored label that is not
 * of this kind is replaced quietly.
 */
export function reportWatchChange(stored: string | null, latest: ReportPeriodSpec): ReportWatchChange | null {
  const next = reportPeriodLabel(latest);
  if (stored === null) return { next, announce: false };
  const parsed = parseReportPeriod(stored);
  if (!parsed.ok || parsed.spec.kind !== latest.kind) return { next, announce: false };
  return ordinal(latest) > ordinal(parsed.spec) ? { next, announce: true } : null;
}
