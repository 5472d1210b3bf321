/**
 * The error budget's burn-down across a window: how much was left at each moment, up to asOf.
 * Counted downtime accrues at a constant pace inside each timeline segment, so the remaining
 * budget is a straight line between segment boundaries: points at the boundaries draw it exactly.
 */
import { integrate, type Timeline } from "./timeline";

export interface BurnDownPoint {
  readonly at: number;
  readonly remainingSeconds: number;
}

/** At most this many points by default: more would not show on any chart. */
export const BURN_DOWN_MAX_POINTS = 500;

export function budgetBurnDown(
  timeline: Timeline,
  window: { from: number; to: number },
  asOf: number,
  budgetSeconds: number,
  maxPoints = BURN_DOWN_MAX_POINTS,
): BurnDownPoint[] {
  const { from } = window;
  const end = Math.max(from, Math.min(window.to, asOf));
  const instants: number[] = [from];
  for (const s of timeline.segments) {
    if (s.to <= from || s.counted === 0) continue;
    if (s.from >= end) break;
    if (s.from > from) instants.push(s.from);
    if (s.to < end) instants.push(s.to);
  }
  instants.push(end);
  // A busy window has more boundaries than a chart has pixels: then evenly spaced instants, still
  // exact at each (only the corners between them are smoothed over).
  const at =
    instants.length <= maxPoints
      ? [...new Set(instants)]
      : Array.from({ length: maxPoints }, (_, i) => from + ((end - from) * i) / (maxPoints - 1));
  const points: BurnDownPoint[] = [];
  let consumedMs = 0;
  let previous = from;
  for (const t of at) {
    consumedMs += integrate(timeline, previous, t).countedMs;
    previous = t;
    points.push({ at: t, remainingSeconds: budgetSeconds - consumedMs / 1000 });
  }
  return points;
}
