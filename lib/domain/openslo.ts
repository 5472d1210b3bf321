/**
 * A service's SLO window in OpenSLO v1 terms, both ways (one mapping for export and import):
 * rolling:30d ⇄ { duration: "30d", isRolling: true }; week / month / quarter ⇄ a calendar window of
 * 1w / 1M / 1Q starting at a period boundary, in the organisation's time zone. Pure.
 */

export type OpenSloTimeWindow = { duration: string; isRolling: boolean; calendar?: { startTime: string; timeZone: string } };

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

/** Nines' window for an OpenSLO time window, or why it cannot be one. */
export function fromOpenSloWindow(w: { duration?: unknown; isRolling?: unknown }): { window: string } | { error: string } {
  const duration = typeof w.duration === "string" ? w.duration.trim() : "";
  if (w.isRolling === true) {
    const days = /^(\d+)d$/.exec(duration);
    if (days && Number(days[1]) >= 1 && Number(days[1]) <= 399) return { window: `rolling:${Number(days[1])}d` };
    return { error: "A rolling window is a whole number of days from 1d to 399d" };
  }
  const found = Object.entries(CALENDAR).find(([, c]) => c.duration === duration);
  return found ? { window: found[0] } : { error: "A calendar window is 1w, 1M or 1Q" };
}
