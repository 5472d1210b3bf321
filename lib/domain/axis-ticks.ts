// Round axis ticks: a chart's scale reads at a glance when its ticks are whole units a person
// counts in (10 min, 1 h, a day, a week), not a window's length cut in five (8 min 38.4 s).
import { localDateOf, startOfLocalDay } from "@/lib/domain/time-zone";
import { addDays, epochDay } from "@/lib/domain/civil-date";

const MIN = 60;
const HOUR = 3600;
const DAY_S = 86_400;
/** Steps a duration axis may take, in seconds: each a unit people count in. */
const DURATION_STEPS = [1, 2, 5, 10, 15, 30, MIN, 2 * MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY_S, 2 * DAY_S, 7 * DAY_S, 14 * DAY_S, 28 * DAY_S];

/**
 * Ticks for a duration axis from low to high (seconds; low may be negative: overspent), at most
 * `maxTicks`, at whole multiples of the smallest step that fits. 0 is always one when in range.
 */
export function durationTicks(low: number, high: number, maxTicks = 6): number[] {
  const span = high - low;
  if (!(span > 0) || !Number.isFinite(span)) return [low];
  let step = DURATION_STEPS.find((s) => Math.floor(high / s) - Math.ceil(low / s) + 1 <= maxTicks);
  // Beyond four weeks a step: whole multiples of 28 days.
  if (step === undefined) step = Math.ceil(span / (maxTicks - 1) / (28 * DAY_S)) * 28 * DAY_S;
  const ticks: number[] = [];
  // + 0: a tick of −0 reads as "−0s".
  for (let k = Math.ceil(low / step); k * step <= high; k++) ticks.push(k * step + 0);
  return ticks;
}

const MINUTE_STEPS = [1, 2, 5, 10, 15, 30];
const HOUR_STEPS = [1, 2, 3, 6, 12];
const DAY_STEPS = [1, 2, 7, 14, 28];

/**
 * Ticks for a time axis over [from, to] (epoch ms): local midnights in the organisation's zone
 * every 1, 2, 7, 14 or 28 days; under two days, whole hours every 1–12 hours; under two hours, whole
 * minutes every 1–30.
 */
export function timeTicks(from: number, to: number, timeZone: string, maxTicks = 7): { at: number; unit: "day" | "hour" | "minute" }[] {
  if (!(to > from)) return [];
  const spanDays = (to - from) / 86_400_000;
  if (to - from < 2 * 3_600_000) {
    // A probe's recent runs: minutes. Whole minutes are whole in every zone.
    const minutes = MINUTE_STEPS.find((m) => (to - from) / (m * 60_000) <= maxTicks) ?? 30;
    const step = minutes * 60_000;
    const ticks: { at: number; unit: "minute" }[] = [];
    for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push({ at: t, unit: "minute" });
    return ticks;
  }
  if (spanDays < 2) {
    const step = (HOUR_STEPS.find((h) => (to - from) / (h * 3_600_000) <= maxTicks) ?? 12) * 3_600_000;
    const ticks: { at: number; unit: "hour" }[] = [];
    for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push({ at: t, unit: "hour" });
    return ticks;
  }
  const days = DAY_STEPS.find((d) => spanDays / d <= maxTicks) ?? Math.ceil(spanDays / maxTicks);
  const first = localDateOf(from, timeZone);
  const ticks: { at: number; unit: "day" }[] = [];
  // Midnights counted from a Monday (epoch day 4), so weekly ticks fall on Mondays and the ticks do
  // not move as the window does.
  for (let date = first; ; date = addDays(date, 1)) {
    const at = startOfLocalDay(date, timeZone);
    if (at > to) break;
    if (at >= from && (epochDay(date) + 3) % days === 0) ticks.push({ at, unit: "day" });
  }
  return ticks;
}

/**
 * Ticks for a plain number axis (milliseconds, counts) at 1, 2 or 5 × a power of ten, covering
 * [low, high]: the first at or below low, the last at or above high, at most `maxTicks`.
 */
export function numberTicks(low: number, high: number, maxTicks = 6): number[] {
  const span = high - low;
  if (!(span > 0) || !Number.isFinite(span)) return [low];
  const power = 10 ** Math.floor(Math.log10(span / Math.max(1, maxTicks - 1)));
  const fits = (s: number) => {
    const [first, last] = outerMultiples(low, high, s);
    return last - first + 1 <= maxTicks;
  };
  const step = [1, 2, 5, 10, 20, 50].map((m) => m * power).find(fits) ?? 100 * power;
  const [first, last] = outerMultiples(low, high, step);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(multiple(k, step));
  return ticks;
}

/** k × step rounded to the step's own precision (0.1 + 0.2 is not 0.3 in doubles). */
function multiple(k: number, step: number): number {
  return Number((k * step).toFixed(Math.max(0, -Math.floor(Math.log10(step)))));
}

/**
 * The multiples of step at or below low and at or above high, as they read once rounded: low / step
 * rounds in doubles too, so 999999.9999999999 / 0.001 floors to a multiple that reads as 1000000.
 */
function outerMultiples(low: number, high: number, step: number): [number, number] {
  let first = Math.floor(low / step);
  while (multiple(first, step) > low) first--;
  let last = Math.ceil(high / step);
  while (multiple(last, step) < high) last++;
  return [first, last];
}
