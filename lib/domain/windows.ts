/**
 * Reporting windows: calendar periods cut at local midnight in the organisation's zone, rolling
 * periods ending at "now", and explicit ranges. Everything resolves to half-open [from, to) in
 * epoch milliseconds.
 */

import {
  addDays,
  addMonthsToFirst,
  type CivilDate,
  epochDay,
  formatCivilDate,
  isoWeekOf,
  isoWeekStart,
  pad,
} from "./civil-date";
import { MAX_ROLLING_DAYS, parseWindowLabel } from "./window-labels";
import { localDateOf, startOfLocalDay } from "./time-zone";

export type CalendarUnit = "day" | "week" | "month" | "quarter" | "year";
export type BucketUnit = "day" | "week" | "month";

export type CalendarSpec =
  | { readonly kind: "day"; readonly year: number; readonly month: number; readonly day: number }
  /** `year` is the ISO week-numbering year, which differs from the calendar year around 1 January. */
  | { readonly kind: "week"; readonly year: number; readonly week: number }
  | { readonly kind: "month"; readonly year: number; readonly month: number }
  | { readonly kind: "quarter"; readonly year: number; readonly quarter: number }
  | { readonly kind: "year"; readonly year: number };

export type WindowSpec =
  | CalendarSpec
  /** Ends at asOf. Lengths are fixed durations (a "day" is 24 h here, unlike calendar days). */
  | { readonly kind: "rolling"; readonly amount: number; readonly unit: "d" | "h"; readonly durationMs: number }
  | { readonly kind: "range"; readonly from: number; readonly to: number };

export interface ResolvedWindow {
  readonly label: string;
  readonly from: number;
  readonly to: number;
}

export interface ZoneOptions {
  readonly timeZone: string;
}

export interface AsOfOptions extends ZoneOptions {
  readonly asOf: number;
}

export { MAX_ROLLING_DAYS, parseWindowLabel, type WindowParseResult } from "./window-labels";

/** Null for anything malformed; use `parseWindowLabel` for the reason. */
export function parseWindow(label: string): WindowSpec | null {
  const result = parseWindowLabel(label);
  return result.ok ? result.spec : null;
}

export function formatWindowLabel(spec: WindowSpec): string {
  switch (spec.kind) {
    case "day":
      return `day:${formatCivilDate(spec)}`;
    case "week":
      return `week:${pad(spec.year, 4)}-W${pad(spec.week, 2)}`;
    case "month":
      return `month:${pad(spec.year, 4)}-${pad(spec.month, 2)}`;
    case "quarter":
      return `quarter:${pad(spec.year, 4)}-Q${spec.quarter}`;
    case "year":
      return `year:${pad(spec.year, 4)}`;
    case "rolling":
      return `rolling:${spec.amount}${spec.unit}`;
    case "range":
      return `range:${new Date(spec.from).toISOString()}/${new Date(spec.to).toISOString()}`;
  }
}

/** First local date of the period and first local date after it. */
function calendarDates(spec: CalendarSpec): { start: CivilDate; end: CivilDate } {
  switch (spec.kind) {
    case "day": {
      const start = { year: spec.year, month: spec.month, day: spec.day };
      return { start, end: addDays(start, 1) };
    }
    case "week": {
      const start = isoWeekStart(spec.year, spec.week);
      return { start, end: addDays(start, 7) };
    }
    case "month": {
      const start = { year: spec.year, month: spec.month, day: 1 };
      return { start, end: addMonthsToFirst(start, 1) };
    }
    case "quarter": {
      const start = { year: spec.year, month: spec.quarter * 3 - 2, day: 1 };
      return { start, end: addMonthsToFirst(start, 3) };
    }
    case "year":
      return { start: { year: spec.year, month: 1, day: 1 }, end: { year: spec.year + 1, month: 1, day: 1 } };
  }
}

export function resolveCalendar(spec: CalendarSpec, options: ZoneOptions): ResolvedWindow {
  const { start, end } = calendarDates(spec);
  return {
    label: formatWindowLabel(spec),
    from: startOfLocalDay(start, options.timeZone),
    to: startOfLocalDay(end, options.timeZone),
  };
}

/** asOf is only read by rolling windows, but is required so call sites stay uniform. */
export function resolveWindow(spec: WindowSpec, options: AsOfOptions): ResolvedWindow {
  switch (spec.kind) {
    case "rolling":
      return { label: formatWindowLabel(spec), from: options.asOf - spec.durationMs, to: options.asOf };
    case "range":
      return { label: formatWindowLabel(spec), from: spec.from, to: spec.to };
    default:
      return resolveCalendar(spec, options);
  }
}

export function calendarSpecOfDate(unit: CalendarUnit, date: CivilDate): CalendarSpec {
  switch (unit) {
    case "day":
      return { kind: "day", year: date.year, month: date.month, day: date.day };
    case "week": {
      const { isoYear, week } = isoWeekOf(date);
      return { kind: "week", year: isoYear, week };
    }
    case "month":
      return { kind: "month", year: date.year, month: date.month };
    case "quarter":
      return { kind: "quarter", year: date.year, quarter: Math.floor((date.month - 1) / 3) + 1 };
    case "year":
      return { kind: "year", year: date.year };
  }
}

/** The calendar period of `unit` that contains `instant` in the zone. */
export function calendarSpecContaining(unit: CalendarUnit, instant: number, options: ZoneOptions): CalendarSpec {
  return calendarSpecOfDate(unit, localDateOf(instant, options.timeZone));
}

/** The period `steps` units after (negative: before) `spec`, by calendar arithmetic. */
export function shiftCalendarSpec(spec: CalendarSpec, steps: number): CalendarSpec {
  const { start } = calendarDates(spec);
  switch (spec.kind) {
    case "day":
      return calendarSpecOfDate("day", addDays(start, steps));
    case "week":
      return calendarSpecOfDate("week", addDays(start, steps * 7));
    case "month":
      return calendarSpecOfDate("month", addMonthsToFirst(start, steps));
    case "quarter":
      return calendarSpecOfDate("quarter", addMonthsToFirst(start, steps * 3));
    case "year":
      return { kind: "year", year: spec.year + steps };
  }
}

/** Consecutive periods share boundaries, so each boundary instant is computed once. */
function resolveConsecutive(first: CalendarSpec, count: number, timeZone: string): ResolvedWindow[] {
  const specs: CalendarSpec[] = [];
  for (let i = 0; i < count; i++) specs.push(shiftCalendarSpec(first, i));
  const out: ResolvedWindow[] = [];
  let from = count > 0 ? startOfLocalDay(calendarDates(first).start, timeZone) : 0;
  for (const spec of specs) {
    const to = startOfLocalDay(calendarDates(spec).end, timeZone);
    out.push({ label: formatWindowLabel(spec), from, to });
    from = to;
  }
  return out;
}

const MAX_BUCKETS = 100_000;

/** The last `count` buckets, ending with the one that contains asOf; oldest first. */
export function bucketWindows(bucket: BucketUnit, count: number, options: AsOfOptions): ResolvedWindow[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_BUCKETS) {
    throw new RangeError(`bucket count must be an integer in 0..${MAX_BUCKETS}, got ${count}`);
  }
  if (count === 0) return [];
  const current = calendarSpecContaining(bucket, options.asOf, options);
  return resolveConsecutive(shiftCalendarSpec(current, -(count - 1)), count, options.timeZone);
}

/**
 * Every whole bucket that overlaps [from, to), oldest first. Buckets are not clipped to the range:
 * the first may start before `from` and the last end after `to`.
 */
export function bucketsBetween(bucket: BucketUnit, from: number, to: number, options: ZoneOptions): ResolvedWindow[] {
  if (!(to > from)) return [];
  const first = calendarSpecContaining(bucket, from, options);
  const last = calendarSpecContaining(bucket, to - 1, options);
  // Count by walking specs (cheap, no Intl) so the boundary instants are resolved only once.
  const lastStart = epochDay(calendarDates(last).start);
  let count = 1;
  for (let spec = first; epochDay(calendarDates(spec).start) < lastStart; spec = shiftCalendarSpec(spec, 1)) {
    count++;
    if (count > MAX_BUCKETS) throw new RangeError(`more than ${MAX_BUCKETS} ${bucket} buckets between the instants`);
  }
  return resolveConsecutive(first, count, options.timeZone);
}

// ---------------------------------------------------------------------------------------------
// SLO windows: the schema stores "rolling:30d", "rolling:28d", "week", "month" or "quarter".

export type SloWindow =
  | { readonly kind: "rolling"; readonly days: number }
  | { readonly kind: "calendar"; readonly unit: "week" | "month" | "quarter" };

export function parseSloWindow(value: string): SloWindow | null {
  if (value === "week" || value === "month" || value === "quarter") return { kind: "calendar", unit: value };
  const match = /^rolling:([1-9][0-9]{0,3})d$/.exec(value);
  const days = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  return days >= 1 && days <= MAX_ROLLING_DAYS ? { kind: "rolling", days } : null;
}

/** Rolling N days = [asOf − N×24 h, asOf); calendar = the period containing asOf. */
export function currentWindowForSlo(window: SloWindow, options: AsOfOptions): ResolvedWindow {
  if (window.kind === "rolling") {
    return { label: `rolling:${window.days}d`, from: options.asOf - window.days * 86_400_000, to: options.asOf };
  }
  return resolveCalendar(calendarSpecContaining(window.unit, options.asOf, options), options);
}
