/**
 * Parsing of window labels (`day:2026-04-03`, `week:2026-W14`, `month:2026-04`, `quarter:2026-Q2`,
 * `year:2026`, `rolling:30d`, `rolling:24h`, `range:<ISO instant>/<ISO instant>`).
 *
 * Failures carry a sentence meant for API error bodies, so a caller can show it unchanged.
 */

import { epochDay, formatCivilDate, isoWeeksInYear, isValidCivilDate, MS_PER_DAY, pad } from "./civil-date";
import { isAcceptedInstant, MAX_INSTANT_ISO, MAX_WINDOW_DAYS, MAX_WINDOW_MS, MIN_INSTANT_ISO } from "./instant-range";
import { partsOfWallMs } from "./time-zone";
import type { WindowSpec } from "./windows";

export type WindowParseResult = { ok: true; spec: WindowSpec } | { ok: false; reason: string };

// Calendar labels name years of the accepted instant range (instant-range.ts).
const MIN_YEAR = 1970;
const MAX_YEAR = 9999;
export const MAX_ROLLING_DAYS = MAX_WINDOW_DAYS;

function fail(reason: string): WindowParseResult {
  return { ok: false, reason };
}

function yearProblem(year: number): string | null {
  return year < MIN_YEAR || year > MAX_YEAR ? `year must be between ${MIN_YEAR} and ${MAX_YEAR}` : null;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Same string as `new Date(ms).toISOString()` for years 0000–9999, without building a Date:
 * Next replaces the server's Date with a tracking wrapper that costs microseconds per call, and an
 * all-services summary formats thousands of instants.
 */
export function formatIsoInstant(ms: number): string {
  if (!Number.isInteger(ms)) return new Date(ms).toISOString(); // NaN / fractions: Date's own rules
  const p = partsOfWallMs(ms);
  if (p.year < 0 || p.year > 9999) return new Date(ms).toISOString();
  return `${formatCivilDate(p)}T${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}.${pad(p.millisecond, 3)}Z`;
}

/**
 * Strict ISO 8601 instant with an explicit offset. `Date.parse` is avoided because it accepts
 * offset-less strings (interpreted in the server's zone) and, in some engines, 30 February.
 * Digits beyond milliseconds are dropped.
 */
export function parseIsoInstant(text: string): number | null {
  const m = ISO_INSTANT.exec(text);
  if (m === null) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, "0").slice(0, 3));
  if (!isValidCivilDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMs = 0;
  const zone = m[8] ?? "Z";
  if (zone.toUpperCase() !== "Z") {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offsetMs = (zone.startsWith("-") ? -1 : 1) * (oh * 3_600_000 + om * 60_000);
  }
  const wall = epochDay({ year, month, day }) * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
  return wall - offsetMs;
}

export function parseWindowLabel(label: string): WindowParseResult {
  const colon = label.indexOf(":");
  if (colon < 0) {
    return fail("expected <kind>:<value>, e.g. month:2026-04, week:2026-W14 or rolling:30d");
  }
  const kind = label.slice(0, colon);
  const value = label.slice(colon + 1);
  switch (kind) {
    case "day": {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (m === null) return fail("expected day:YYYY-MM-DD");
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const problem = yearProblem(year);
      if (problem !== null) return fail(problem);
      if (!isValidCivilDate(year, month, day)) return fail(`${value} is not a date on the calendar`);
      return { ok: true, spec: { kind: "day", year, month, day } };
    }
    case "week": {
      const m = /^(\d{4})-W(\d{2})$/.exec(value);
      if (m === null) return fail("expected week:YYYY-Www (ISO week, e.g. week:2026-W14)");
      const [year, week] = [Number(m[1]), Number(m[2])];
      const problem = yearProblem(year);
      if (problem !== null) return fail(problem);
      const weeks = isoWeeksInYear(year);
      if (week < 1 || week > weeks) return fail(`ISO year ${year} has weeks W01 to W${weeks}`);
      return { ok: true, spec: { kind: "week", year, week } };
    }
    case "month": {
      const m = /^(\d{4})-(\d{2})$/.exec(value);
      if (m === null) return fail("expected month:YYYY-MM");
      const [year, month] = [Number(m[1]), Number(m[2])];
      const problem = yearProblem(year);
      if (problem !== null) return fail(problem);
      if (month < 1 || month > 12) return fail("month must be 01 to 12");
      return { ok: true, spec: { kind: "month", year, month } };
    }
    case "quarter": {
      const m = /^(\d{4})-Q([1-4])$/.exec(value);
      if (m === null) return fail("expected quarter:YYYY-Qn with n from 1 to 4");
      const year = Number(m[1]);
      const problem = yearProblem(year);
      if (problem !== null) return fail(problem);
      return { ok: true, spec: { kind: "quarter", year, quarter: Number(m[2]) } };
    }
    case "year": {
      const m = /^(\d{4})$/.exec(value);
      if (m === null) return fail("expected year:YYYY");
      const year = Number(m[1]);
      const problem = yearProblem(year);
      if (problem !== null) return fail(problem);
      return { ok: true, spec: { kind: "year", year } };
    }
    case "rolling": {
      const m = /^([1-9][0-9]*)([dh])$/.exec(value);
      if (m === null) return fail("expected rolling:<N>d (days) or rolling:<N>h (hours), e.g. rolling:30d");
      const amount = Number(m[1]);
      const unit = m[2] === "h" ? "h" : "d";
      const max = unit === "d" ? MAX_ROLLING_DAYS : MAX_ROLLING_DAYS * 24;
      if (amount > max) return fail(`rolling windows are at most ${MAX_ROLLING_DAYS} days`);
      const durationMs = amount * (unit === "d" ? MS_PER_DAY : 3_600_000);
      return { ok: true, spec: { kind: "rolling", amount, unit, durationMs } };
    }
    case "range": {
      const parts = value.split("/");
      const [fromText, toText] = parts;
      if (parts.length !== 2 || fromText === undefined || toText === undefined) {
        return fail("expected range:<from>/<to> with ISO 8601 instants, e.g. range:2026-04-01T00:00Z/2026-04-08T00:00Z");
      }
      const from = parseIsoInstant(fromText);
      const to = parseIsoInstant(toText);
      if (from === null || to === null) {
        return fail("range bounds must be ISO 8601 instants with an offset, e.g. 2026-04-01T00:00:00Z or 2026-04-01T02:00+02:00");
      }
      if (!isAcceptedInstant(from) || !isAcceptedInstant(to)) return fail(`range bounds must be between ${MIN_INSTANT_ISO} and ${MAX_INSTANT_ISO}`);
      if (!(from < to)) return fail("range start must be before its end");
      if (to - from > MAX_WINDOW_MS) return fail(`a range is at most ${MAX_WINDOW_DAYS} days long`);
      return { ok: true, spec: { kind: "range", from, to } };
    }
    default:
      return fail(`unknown window kind "${kind}"; expected day, week, month, quarter, year, rolling or range`);
  }
}
