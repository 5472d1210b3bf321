/**
 * IANA time-zone arithmetic on epoch-millisecond instants, using only `Intl`.
 *
 * The engine never trusts "a day is 24 hours": calendar boundaries are computed as the real
 * instants at which the wall clock in the zone reads midnight, so DST days are 23 or 25 hours.
 */

import { type CivilDate, epochDay, fromEpochDay, MS_PER_DAY } from "./civil-date";

/** Wall-clock reading in a zone; `month` is 1–12. */
export interface ZonedParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

// Building a DateTimeFormat costs tens of microseconds (locale + tz data lookup); formatting
// with an existing one is cheap, so keep one per zone for the life of the process.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for an unknown zone, which is what callers of the resolving functions want.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Valid names end up cached as formatters; invalid ones are not cached, so junk input cannot grow memory. */
export function isValidTimeZone(name: string): boolean {
  if (name.trim() === "") return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

function isUtc(timeZone: string): boolean {
  return timeZone === "UTC" || timeZone === "Etc/UTC";
}

/** Floor modulo, so instants before 1970 split into second + millisecond correctly. */
function msWithinSecond(instant: number): number {
  return ((instant % 1000) + 1000) % 1000;
}

export function zonedParts(instant: number, timeZone: string): ZonedParts {
  if (isUtc(timeZone)) return partsOfWallMs(instant);
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? Number.NaN,
    month: fields.month ?? Number.NaN,
    day: fields.day ?? Number.NaN,
    // Some engines still print midnight as "24" despite hourCycle h23.
    hour: (fields.hour ?? Number.NaN) % 24,
    minute: fields.minute ?? Number.NaN,
    second: fields.second ?? Number.NaN,
    millisecond: msWithinSecond(instant),
  };
}

/** The wall-clock reading encoded as if it were a UTC instant (a "wall ms" value). */
function wallMsOfParts(parts: ZonedParts): number {
  return (
    epochDay(parts) * MS_PER_DAY +
    parts.hour * 3_600_000 +
    parts.minute * 60_000 +
    parts.second * 1000 +
    parts.millisecond
  );
}

/** Calendar fields of a ms count read as UTC (a wall-clock time, or an instant in UTC). */
export function partsOfWallMs(wallMs: number): ZonedParts {
  const days = Math.floor(wallMs / MS_PER_DAY);
  const { year, month, day } = fromEpochDay(days);
  let rest = wallMs - days * MS_PER_DAY;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  return { year, month, day, hour, minute, second, millisecond: rest - second * 1000 };
}

/** Offset of the zone from UTC at `instant`, in ms (positive east of Greenwich). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  if (isUtc(timeZone)) return 0;
  return wallMsOfParts(zonedParts(instant, timeZone)) - instant;
}

function wallAt(instant: number, timeZone: string): number {
  return instant + zoneOffsetMs(instant, timeZone);
}

/** The calendar date on the wall in `timeZone` at `instant`. */
export function localDateOf(instant: number, timeZone: string): CivilDate {
  const p = zonedParts(instant, timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

/**
 * The first instant at which the wall clock in `timeZone` reads at least `local`.
 *
 * - Ambiguous readings (autumn fall-back) resolve to the earlier instant, so "the start of a day"
 *   is the first moment that day appears on the wall.
 * - Skipped readings (spring-forward gap, e.g. zones that change at midnight) resolve to the end of
 *   the gap: the moment the wall clock jumps past the reading.
 */
export function instantOfWallTime(local: Partial<ZonedParts> & CivilDate, timeZone: string): number {
  const wall = wallMsOfParts({ hour: 0, minute: 0, second: 0, millisecond: 0, ...local });
  if (isUtc(timeZone)) return wall;
  // Offsets a day either side bracket any single transition near the reading; the offset at the
  // reading itself covers zones with two transitions within two days (rare, but real).
  const offsets = new Set([
    zoneOffsetMs(wall - MS_PER_DAY, timeZone),
    zoneOffsetMs(wall, timeZone),
    zoneOffsetMs(wall + MS_PER_DAY, timeZone),
  ]);
  const candidates = [...offsets].map((offset) => wall - offset);
  const valid = candidates.filter((c) => wallAt(c, timeZone) === wall);
  if (valid.length > 0) return Math.min(...valid);

  // Gap: the wall clock skips `wall`. Binary-search the first instant whose reading is past it.
  let lo = Math.min(...candidates);
  let hi = Math.max(...candidates);
  if (!(wallAt(lo, timeZone) < wall && wallAt(hi, timeZone) > wall)) return wall - zoneOffsetMs(wall, timeZone);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallAt(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The instant the local calendar day `date` begins in `timeZone`. */
export function startOfLocalDay(date: CivilDate, timeZone: string): number {
  return instantOfWallTime(date, timeZone);
}

/** An instant as "2025-03-30 14:05" on the wall clock of `timeZone` (numeric, locale-free: server and browser agree). */
export function formatZonedDateTime(instant: number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}
