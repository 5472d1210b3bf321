/**
 * An SLO window in OpenSLO v1 terms, both ways (one mapping for export and import):
 * rolling:30d ⇄ { duration: "30d", isRolling: true }; week / month / quarter ⇄ a calendar window of
 * 1w / 1M / 1Q starting at a period boundary, in the organisation's time zone. Pure.
 *
 * OpenSLO durations are a whole number and a unit: m, h, d, w, M, Q or Y. Nines' windows are whole
 * days (rolling, 1 to 399 of them) or a calendar week, month or quarter in the organisation's zone;
 * anything else is refused with the reason, never rounded onto a window Nines has.
 */

export type OpenSloTimeWindow = { duration: string; isRolling: boolean; calendar?: { startTime: string; timeZone: string } };

/** Why a window could not be read, and which field of the time window it is about. */
export type WindowError = { error: string; field: "duration" | "calendar.timeZone" | "calendar.startTime" | "isRolling" };

const CALENDAR: Record<string, { duration: string; startTime: string }> = {
  // 2024-01-01 was a Monday, the first day of a month and of a quarter.
  week: { duration: "1w", startTime: "2024-01-01 00:00:00" },
  month: { duration: "1M", startTime: "2024-01-01 00:00:00" },
  quarter: { duration: "1Q", startTime: "2024-01-01 00:00:00" },
};

export function toOpenSloWindow(sloWindow: string, timeZone: string): OpenSloTimeWindow {
  const rolling = /^rolling:(\d+)d$/.exec(sloWindow);
  if (rolling) return { duration: `${rolling[1]}d`, isRolling: true };
  const cal = CALENDAR[sloWindow];
  if (!cal) throw new RangeError(`Not an SLO window: ${sloWindow}`);
  return { duration: cal.duration, isRolling: false, calendar: { startTime: cal.startTime, timeZone } };
}

export type OpenSloDuration = { count: number; unit: "m" | "h" | "d" | "w" | "M" | "Q" | "Y" };

/** An OpenSLO duration shorthand ("28d", "2w", "1M"), or null when it is not one. */
export function parseOpenSloDuration(text: unknown): OpenSloDuration | null {
  const m = typeof text === "string" ? /^([1-9]\d{0,5})(m|h|d|w|M|Q|Y)$/.exec(text.trim()) : null;
  return m ? { count: Number(m[1]), unit: m[2] as OpenSloDuration["unit"] } : null;
}

const MINUTES: Record<"m" | "h" | "d" | "w", number> = { m: 1, h: 60, d: 1440, w: 10080 };

/** A fixed-length duration in seconds (m, h, d, w); months, quarters and years have no fixed length. */
export function durationSeconds(d: OpenSloDuration): number | null {
  return d.unit in MINUTES ? d.count * MINUTES[d.unit as keyof typeof MINUTES] * 60 : null;
}

/** A time slice ("1m", "5m", or a number of seconds, as OpenSLO allows both) in seconds. */
export function sliceSeconds(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value > 0 ? value : null;
  const d = parseOpenSloDuration(value);
  return d ? durationSeconds(d) : null;
}

const CIVIL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** Whether a calendar window's start falls where Nines starts that period (midnight of a Monday, a month's or a quarter's first day). */
function startsAPeriod(window: "week" | "month" | "quarter", startTime: string): boolean {
  const m = CIVIL.exec(startTime.trim());
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (h !== 0 || mi !== 0 || s !== 0) return false;
  if (window === "week") return new Date(Date.UTC(y, mo - 1, d)).getUTCDay() === 1;
  return d === 1 && (window === "month" || (mo - 1) % 3 === 0);
}

const WHAT_NINES_HAS = "Nines computes rolling windows of 1 to 399 whole days and calendar weeks, months and quarters";

/** Nines' window for an OpenSLO time window, or why it cannot be one (and the field at fault). */
export function fromOpenSloWindow(w: { duration?: unknown; isRolling?: unknown; calendar?: unknown }, organisationZone?: string): { window: string } | WindowError {
  const d = parseOpenSloDuration(w.duration);
  if (!d) return { field: "duration", error: "A duration is a whole number and a unit: m, h, d, w, M, Q or Y (e.g. 28d, 2w, 1M)" };
  if (d.unit === "Y") return { field: "duration", error: `A window of a year is not computed: ${WHAT_NINES_HAS}` };
  const seconds = durationSeconds(d);
  if (seconds !== null && seconds < 86_400) return { field: "duration", error: `A window under a day is not computed: ${WHAT_NINES_HAS}` };
  const calendar = (w.calendar ?? undefined) as { startTime?: unknown; timeZone?: unknown } | undefined;
  const rolling = w.isRolling === true || (w.isRolling === undefined && !calendar);
  if (rolling) {
    if (seconds === null) return { field: "duration", error: `A rolling window of ${w.duration} has no fixed length: give it in days or weeks (e.g. 28d, 4w)` };
    if (seconds % 86_400 !== 0) return { field: "duration", error: `${w.duration} is not a whole number of days: ${WHAT_NINES_HAS}` };
    const days = seconds / 86_400;
    return days <= 399 ? { window: `rolling:${days}d` } : { field: "duration", error: `A rolling window is at most 399 days; ${w.duration} is ${days}` };
  }
  if (w.isRolling !== false) return { field: "isRolling", error: "Must be true or false" };
  const window = (d.unit === "w" && d.count === 1) || (d.unit === "d" && d.count === 7) ? "week" : d.unit === "M" && d.count === 1 ? "month" : (d.unit === "Q" && d.count === 1) || (d.unit === "M" && d.count === 3) ? "quarter" : null;
  if (!window) return { field: "duration", error: `A calendar window of ${w.duration} is not computed: a calendar window is a week (1w), a month (1M) or a quarter (1Q)` };
  if (calendar && calendar.timeZone !== undefined && organisationZone && calendar.timeZone !== organisationZone) {
    return { field: "calendar.timeZone", error: `Calendar windows are cut in the organisation's zone, ${organisationZone}; this one is in ${String(calendar.timeZone)}` };
  }
  if (calendar && calendar.startTime !== undefined && !(typeof calendar.startTime === "string" && startsAPeriod(window, calendar.startTime))) {
    const where = window === "week" ? "midnight of a Monday" : window === "month" ? "midnight of a month's first day" : "midnight of a quarter's first day (1 January, April, July or October)";
    return { field: "calendar.startTime", error: `A calendar ${window} starts at ${where} (YYYY-MM-DD HH:mm:ss)` };
  }
  return { window };
}
