import { instantOfWallTime, zonedParts } from "@/lib/domain/time-zone";

// A datetime-local input shows and takes a wall-clock time with no zone; here that wall clock is
// the organisation's (named beside every such field), not the browser's.

const two = (n: number) => String(n).padStart(2, "0");

/** An instant as the input's value, "2026-11-30T10:15", on the organisation's wall clock. */
export function toOrgInputValue(iso: string | number, timeZone: string): string {
  const p = zonedParts(typeof iso === "number" ? iso : Date.parse(iso), timeZone);
  return `${String(p.year).padStart(4, "0")}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** The input's value back to an ISO instant, or null when it is not a complete date and time. */
export function fromOrgInputValue(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
  const instant = instantOfWallTime({ year, month, day, hour, minute, second }, timeZone);
  return Number.isFinite(instant) ? new Date(instant).toISOString() : null;
}
