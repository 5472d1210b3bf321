/**
 * Period reports' periods: a month, a quarter or a year (`month:2026-11`, `quarter:2026-Q4`,
 * `year:2026`), cut at local midnight in the organisation's zone like every calendar window
 * (windows.ts), with their names, their sub-periods for trends, and whether they have ended. Pure.
 */
import { parseWindowLabel } from "./window-labels";
import { bucketsBetween, calendarSpecContaining, formatWindowLabel, resolveCalendar, shiftCalendarSpec, type CalendarSpec, type ResolvedWindow } from "./windows";

export type ReportPeriodKind = "month" | "quarter" | "year";
export type ReportPeriodSpec = Extract<CalendarSpec, { kind: ReportPeriodKind }>;
export type ReportPeriodParse = { ok: true; spec: ReportPeriodSpec } | { ok: false; reason: string };

export const REPORT_PERIOD_KINDS: readonly ReportPeriodKind[] = ["month", "quarter", "year"];
const isReportKind = (k: string): k is ReportPeriodKind => (REPORT_PERIOD_KINDS as readonly string[]).includes(k);

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

/** "month:2026-11", "quarter:2026-Q4" or "year:2026"; anything else with a reason an API error can carry. */
export function parseReportPeriod(label: string): ReportPeriodParse {
  const kind = label.slice(0, Math.max(0, label.indexOf(":")));
  if (!isReportKind(kind)) return { ok: false, reason: "Must be a month, a quarter or a year: month:2026-11, quarter:2026-Q4 or year:2026" };
  const parsed = parseWindowLabel(label);
  if (!parsed.ok) return { ok: false, reason: `Must be ${kind === "month" ? "month:YYYY-MM" : kind === "quarter" ? "quarter:YYYY-Qn" : "year:YYYY"}: ${parsed.reason}` };
  return { ok: true, spec: parsed.spec as ReportPeriodSpec };
}

/** The label that names the period in paths and stored rows. */
export const reportPeriodLabel = (spec: ReportPeriodSpec): string => formatWindowLabel(spec);

/** "November 2026", "Q4 2026", "2026": what a person calls it. */
export function reportPeriodName(spec: ReportPeriodSpec): string {
  switch (spec.kind) {
    case "month":
      return `${MONTHS[spec.month - 1]} ${spec.year}`;
    case "quarter":
      return `Q${spec.quarter} ${spec.year}`;
    case "year":
      return String(spec.year);
  }
}

/** [first local midnight, first local midnight after it) in the zone. */
export function reportPeriodWindow(spec: ReportPeriodSpec, timeZone: string): ResolvedWindow {
  return resolveCalendar(spec, { timeZone });
}

/** Trends go by week for a month and by month for a quarter or a year. */
export const subPeriodUnit = (spec: ReportPeriodSpec): "week" | "month" => (spec.kind === "month" ? "week" : "month");

/**
 * The sub-periods of a period, oldest first, clipped to it: a month's ISO weeks (the first and
 * the last usually partial, keeping their week's label), a quarter's or a year's months. They
 * cover the period exactly, so every incident that started in it falls in one of them.
 */
export function reportSubPeriods(spec: ReportPeriodSpec, timeZone: string): ResolvedWindow[] {
  const period = reportPeriodWindow(spec, timeZone);
  return bucketsBetween(subPeriodUnit(spec), period.from, period.to, { timeZone }).map((w) => ({ label: w.label, from: Math.max(w.from, period.from), to: Math.min(w.to, period.to) }));
}

export type PeriodState = "not_begun" | "in_progress" | "ended";

export function periodState(window: ResolvedWindow, now: number): PeriodState {
  if (now < window.from) return "not_begun";
  return now < window.to ? "in_progress" : "ended";
}

/** The period of `kind` containing `now` and the `count − 1` before it, newest first. */
export function recentReportPeriods(kind: ReportPeriodKind, count: number, now: number, timeZone: string): ReportPeriodSpec[] {
  const current = calendarSpecContaining(kind, now, { timeZone }) as ReportPeriodSpec;
  return Array.from({ length: count }, (_, i) => shiftCalendarSpec(current, -i) as ReportPeriodSpec);
}

export type ReportScope = { kind: "org" } | { kind: "tier"; id: string } | { kind: "service"; id: string };

/** How a scope is stored beside its period (Report.scope): "org", "tier:<id>", "service:<id>". */
export const reportScopeKey = (scope: ReportScope): string => (scope.kind === "org" ? "org" : `${scope.kind}:${scope.id}`);

/** "nines-report-month-2026-11" with the scope's readable name after it, safe in a file name. */
export function reportFileName(spec: ReportPeriodSpec, scopeName: string | null, extension: string): string {
  const scope = scopeName === null ? "" : `-${scopeName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
  return `nines-report-${reportPeriodLabel(spec).replace(":", "-")}${scope === "-" ? "" : scope}.${extension}`;
}
