/**
 * Availability of one service over a window (docs/domain.md "Availability"): the weighted union of its
 * impacts, maintenance reported apart, every counted second attributed to one incident.
 */

import {
  buildTimeline,
  type ClippedImpact,
  type Impact,
  type ImpactKind,
  integrate,
  type MaintenanceRule,
  type RangeTotals,
  type Segment,
  type Timeline,
} from "./timeline";
import { measuredPart } from "./measured";
import { sortSmall } from "./sort-small";

export type { Impact, ImpactKind, MaintenanceRule, Segment } from "./timeline";

export interface IncidentAttribution {
  readonly incidentId: string;
  readonly kind: ImpactKind;
  /** Counted seconds attributed to this incident (0 when it was active but never the leader). */
  readonly downtimeSeconds: number;
}

export interface AvailabilityResult {
  readonly from: number;
  readonly to: number;
  /**
   * Where the figures start: max(from, the service's measuredSince); null when the window has no
   * measured part (docs/domain.md "Measured since"), and then every ratio below is null.
   */
  readonly measuredFrom: number | null;
  /** min(to, asOf): the window is measured to date. */
  readonly end: number;
  /** The measured part's length, to - measuredFrom (0 with no data). */
  readonly totalSeconds: number;
  /** end - measuredFrom. */
  readonly elapsedSeconds: number;
  readonly downtimeSeconds: number;
  readonly unplannedSeconds: number;
  readonly maintenanceSeconds: number;
  /** downtime (count) or unplanned (exclude). */
  readonly countedSeconds: number;
  /** Per the rule. 1 when nothing has elapsed (or, under exclude, only maintenance has); null: no data. */
  readonly availability: number | null;
  /** Always the maintenance-counted figure, for side-by-side display; null: no data. */
  readonly availabilityCounted: number | null;
  /**
   * 1 − availability, computed as its own ratio (bad / measured) rather than by subtraction, so it
   * stays exact for the tiny values a log scale of nines shows (1 − 0.99999 in doubles is not 1e-5).
   */
  readonly unavailability: number | null;
  readonly rule: MaintenanceRule;
  /** Clipped to [from, end); only where down > 0. */
  readonly segments: readonly Segment[];
  /** Every incident active in [from, end), most counted seconds first. */
  readonly incidents: readonly IncidentAttribution[];
}

/** A window's figures without the detail (segments, attribution): what a trend chart needs. */
export type WindowTotals = Omit<AvailabilityResult, "segments" | "incidents">;

export interface AvailabilityInput {
  readonly impacts: readonly Impact[];
  readonly from: number;
  readonly to: number;
  readonly asOf: number;
  readonly maintenance: MaintenanceRule;
  /** The service's measuredSince (measured.ts); null: the whole window counts. */
  readonly measuredSince: number | null;
}

export interface WindowBounds {
  readonly from: number;
  readonly to: number;
}

export interface SeriesOptions {
  readonly asOf: number;
  readonly maintenance: MaintenanceRule;
  /** The service's measuredSince (measured.ts); null: every window counts whole. */
  readonly measuredSince: number | null;
}

function assertInstant(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite epoch-ms number, got ${value}`);
}

function assertWindow(window: WindowBounds): void {
  assertInstant("from", window.from);
  assertInstant("to", window.to);
  if (window.to < window.from) throw new RangeError(`window ends before it starts (${window.from} > ${window.to})`);
}

/** Ratio with the empty-denominator convention: nothing measured means nothing failed. */
function availabilityRatio(bad: number, measured: number): number {
  if (!(measured > 0)) return 1;
  return Math.min(1, Math.max(0, 1 - bad / measured));
}

function unavailabilityRatio(bad: number, measured: number): number {
  if (!(measured > 0)) return 0;
  return Math.min(1, Math.max(0, bad / measured));
}

/** Ordering of the attribution list: seconds desc, then earliest incident start, then id. */
function compareAttribution(
  a: { seconds: number; startedAt: number; id: string },
  b: { seconds: number; startedAt: number; id: string },
): number {
  if (a.seconds !== b.seconds) return b.seconds - a.seconds;
  if (a.startedAt !== b.startedAt) return a.startedAt - b.startedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Slices a prebuilt timeline to one window's measured part. The timeline must cover
 * [from, min(to, asOf)). A window with no measured part is no data, not a perfect score.
 */
export function summarizeWindow(timeline: Timeline, window: WindowBounds, asOf: number, measuredSince: number | null): AvailabilityResult {
  const part = measuredPart(window, asOf, measuredSince);
  if (part === null) return { ...noData(timeline.rule, window, asOf), segments: [], incidents: [] };
  return { ...summarizePart(timeline, part, asOf), from: window.from };
}

function summarizePart(timeline: Timeline, window: WindowBounds, asOf: number): AvailabilityResult {
  const { from, to } = window;
  const end = Math.max(from, Math.min(to, asOf));
  const segments: Segment[] = [];
  // Every incident active in [from, end), in order of first impact, with the ms attributed to it.
  const active = new Map<string, { impact: ClippedImpact; ms: number }>();
  for (const impact of end > from ? timeline.impacts : []) {
    if (impact.start >= end) break;
    if (impact.end > from && !active.has(impact.incidentId)) active.set(impact.incidentId, { impact, ms: 0 });
  }
  const totals = integrate(timeline, from, end, (segment, clippedFrom, clippedTo) => {
    segments.push(
      clippedFrom === segment.from && clippedTo === segment.to
        ? segment
        : {
            from: clippedFrom,
            to: clippedTo,
            fraction: segment.fraction,
            unplanned: segment.unplanned,
            maintenance: segment.maintenance,
            counted: segment.counted,
            incidentId: segment.incidentId,
          },
    );
    if (segment.incidentId !== null && segment.counted > 0) {
      const entry = active.get(segment.incidentId);
      // A segment's leader is always one of the impacts overlapping it, so it is in `active`.
      if (entry) entry.ms += (clippedTo - clippedFrom) * segment.counted;
    }
  });

  const ranked: { id: string; kind: ImpactKind; startedAt: number; seconds: number }[] = [];
  for (const { impact, ms } of active.values()) {
    ranked.push({ id: impact.incidentId, kind: impact.kind, startedAt: impact.incidentStartedAt, seconds: ms / 1000 });
  }
  const incidents = sortSmall(ranked, compareAttribution).map((x) => ({ incidentId: x.id, kind: x.kind, downtimeSeconds: x.seconds }));

  const figures = totalsOf(timeline.rule, window, end, totals);
  return {
    from: figures.from,
    to: figures.to,
    measuredFrom: figures.measuredFrom,
    end: figures.end,
    totalSeconds: figures.totalSeconds,
    elapsedSeconds: figures.elapsedSeconds,
    downtimeSeconds: figures.downtimeSeconds,
    unplannedSeconds: figures.unplannedSeconds,
    maintenanceSeconds: figures.maintenanceSeconds,
    countedSeconds: figures.countedSeconds,
    availability: figures.availability,
    availabilityCounted: figures.availabilityCounted,
    unavailability: figures.unavailability,
    rule: figures.rule,
    segments,
    incidents,
  };
}

/** A measured part's figures from its integrals (also rolled-up ones: impact-rollup.ts). */
export function totalsOf(rule: MaintenanceRule, window: WindowBounds, end: number, totals: RangeTotals): WindowTotals {
  const { from, to } = window;
  const elapsedSeconds = (end - from) / 1000;
  const downtimeSeconds = totals.downMs / 1000;
  const unplannedSeconds = totals.unplannedMs / 1000;
  const maintenanceSeconds = totals.maintenanceMs / 1000;
  const availabilityCounted = availabilityRatio(downtimeSeconds, elapsedSeconds);
  return {
    from,
    to,
    measuredFrom: from,
    end,
    totalSeconds: (to - from) / 1000,
    elapsedSeconds,
    downtimeSeconds,
    unplannedSeconds,
    maintenanceSeconds,
    countedSeconds: totals.countedMs / 1000,
    availability: rule === "count" ? availabilityCounted : availabilityRatio(unplannedSeconds, elapsedSeconds - maintenanceSeconds),
    unavailability: rule === "count" ? unavailabilityRatio(downtimeSeconds, elapsedSeconds) : unavailabilityRatio(unplannedSeconds, elapsedSeconds - maintenanceSeconds),
    availabilityCounted,
    rule,
  };
}

/** A window wholly before measuredSince (or before asOf reached it): no figure at all. */
export function noData(rule: MaintenanceRule, window: WindowBounds, asOf: number): WindowTotals {
  return {
    from: window.from,
    to: window.to,
    measuredFrom: null,
    end: Math.max(window.from, Math.min(window.to, asOf)),
    totalSeconds: 0,
    elapsedSeconds: 0,
    downtimeSeconds: 0,
    unplannedSeconds: 0,
    maintenanceSeconds: 0,
    countedSeconds: 0,
    availability: null,
    availabilityCounted: null,
    unavailability: null,
    rule,
  };
}

/** summarizeWindow's figures alone: the same integration, none of the detail it allocates. */
export function windowTotals(timeline: Timeline, window: WindowBounds, asOf: number, measuredSince: number | null): WindowTotals {
  const part = measuredPart(window, asOf, measuredSince);
  if (part === null) return noData(timeline.rule, window, asOf);
  const end = Math.max(part.from, Math.min(part.to, asOf));
  return { ...totalsOf(timeline.rule, part, end, integrate(timeline, part.from, end)), from: window.from };
}

/**
 * One timeline over the union of the windows, then each window sliced from it: the sort and sweep
 * run once per service however many windows (e.g. a 26-week series) are asked for.
 * Results are in the order of `windows`.
 */
export function computeSeries(
  impacts: readonly Impact[],
  windows: readonly WindowBounds[],
  options: SeriesOptions,
): AvailabilityResult[] {
  const timeline = seriesTimeline(impacts, windows, options);
  return timeline ? windows.map((window) => summarizeWindow(timeline, window, options.asOf, options.measuredSince)) : [];
}

/**
 * computeSeries without segments and attribution: a trend chart of every service over 26 weeks
 * would otherwise build and drop tens of thousands of both. Figures identical to computeSeries'.
 */
export function computeSeriesTotals(
  impacts: readonly Impact[],
  windows: readonly WindowBounds[],
  options: SeriesOptions,
): WindowTotals[] {
  const timeline = seriesTimeline(impacts, windows, options);
  return timeline ? windows.map((window) => windowTotals(timeline, window, options.asOf, options.measuredSince)) : [];
}

function seriesTimeline(impacts: readonly Impact[], windows: readonly WindowBounds[], options: SeriesOptions): Timeline | null {
  assertInstant("asOf", options.asOf);
  if (windows.length === 0) return null;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const window of windows) {
    assertWindow(window);
    lo = Math.min(lo, window.from);
    hi = Math.max(hi, window.to);
  }
  return buildTimeline(impacts, { from: lo, to: hi, asOf: options.asOf }, options.maintenance);
}

export function computeAvailability(input: AvailabilityInput): AvailabilityResult {
  const [result] = computeSeries(input.impacts, [{ from: input.from, to: input.to }], input);
  if (result === undefined) throw new Error("unreachable: one window in, one result out");
  return result;
}
