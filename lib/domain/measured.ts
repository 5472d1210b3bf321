/**
 * Measured since (docs/domain.md "Measured since"): a service's incident record counts from one
 * instant on. Before it nobody was recording, so nothing there is a figure: a window that lies
 * wholly before it is "no data" (never 100 %), and one that straddles it is computed over its
 * measured part, which the figures name as `measuredFrom`.
 */
import { localDateOf, startOfLocalDay } from "./time-zone";

export interface MeasuredPart {
  /** max(window start, measuredSince): where the figures start. */
  readonly from: number;
  readonly to: number;
}

/**
 * The part of [from, to) that was measured as of asOf, or null when there is none: the window
 * ends at or before measuredSince, or asOf is not after it (nothing was measured yet then).
 * measuredSince null: the whole window counts (an incident's own cost, which is about the incident).
 */
export function measuredPart(window: { from: number; to: number }, asOf: number, measuredSince: number | null): MeasuredPart | null {
  if (measuredSince === null || measuredSince <= window.from) return { from: window.from, to: window.to };
  if (window.to <= measuredSince || asOf <= measuredSince) return null;
  return { from: measuredSince, to: window.to };
}

/**
 * Where measuredSince moves back to when an incident that starts before it is logged: the start of
 * the incident's day in the organisation's zone (the day a person reads on the page), or null when
 * the incident starts at or after it and nothing needs to move.
 */
export function measuredSinceFor(startedAt: number, measuredSince: number, timeZone: string): number | null {
  if (startedAt >= measuredSince) return null;
  return startOfLocalDay(localDateOf(startedAt, timeZone), timeZone);
}
