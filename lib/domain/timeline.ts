/**
 * Sweep line that turns a service's impacts into a list of constant-state segments.
 *
 * Built once per service and then sliced for every window and burn-rate lookback, so the
 * O(n log n) sort and heap work is paid once however many figures the server derives.
 */

import { sortSmall } from "./sort-small";

export type ImpactKind = "unplanned" | "maintenance";
export type MaintenanceRule = "count" | "exclude";

export interface Impact {
  readonly incidentId: string;
  readonly kind: ImpactKind;
  /** In (0, 1]; values above 1 are treated as 1, non-positive or NaN as no impact. */
  readonly fraction: number;
  readonly start: number;
  /** null = ongoing: runs to asOf. */
  readonly end: number | null;
  /** Tie-breaker for attribution: ties go to the earliest startedAt (docs/domain.md "Attribution"). */
  readonly incidentStartedAt: number;
}

/** A maximal interval over which the state below is constant. Fractions, not seconds. */
export interface Segment {
  readonly from: number;
  readonly to: number;
  /** down(t) = max(u, m) */
  readonly fraction: number;
  /** u(t) */
  readonly unplanned: number;
  /** down(t) − u(t): the part only maintenance explains */
  readonly maintenance: number;
  /** The part that counts under the rule: `fraction` (count) or `unplanned` (exclude). */
  readonly counted: number;
  /** Who the counted part is attributed to; null when nothing counts here. */
  readonly incidentId: string | null;
}

/** An impact after clipping to the timeline's range. */
export interface ClippedImpact {
  readonly incidentId: string;
  readonly kind: ImpactKind;
  readonly fraction: number;
  readonly start: number;
  readonly end: number;
  readonly incidentStartedAt: number;
}

export interface Timeline {
  readonly rule: MaintenanceRule;
  readonly from: number;
  readonly to: number;
  /** Sorted, non-overlapping, only where down > 0. */
  readonly segments: readonly Segment[];
  /** Sorted by start; lets a window list every incident active in it, even with 0 s attributed. */
  readonly impacts: readonly ClippedImpact[];
}

/** Higher priority first: larger fraction, then earlier incident start, then id for determinism. */
function outranks(a: ClippedImpact, b: ClippedImpact): boolean {
  if (a.fraction !== b.fraction) return a.fraction > b.fraction;
  if (a.incidentStartedAt !== b.incidentStartedAt) return a.incidentStartedAt < b.incidentStartedAt;
  return a.incidentId < b.incidentId;
}

/** Binary max-heap of impact indices with lazy deletion (removed entries are skipped at the top). */
class ImpactHeap {
  private readonly heap: number[] = [];
  constructor(
    private readonly items: readonly ClippedImpact[],
    private readonly active: Uint8Array,
  ) {}

  private better(i: number, j: number): boolean {
    return outranks(this.items[this.heap[i] as number] as ClippedImpact, this.items[this.heap[j] as number] as ClippedImpact);
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i] as number;
    this.heap[i] = this.heap[j] as number;
    this.heap[j] = t;
  }

  push(index: number): void {
    this.heap.push(index);
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.better(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private pop(): void {
    const last = this.heap.pop();
    if (last === undefined || this.heap.length === 0) return;
    this.heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.heap.length && this.better(l, best)) best = l;
      if (r < this.heap.length && this.better(r, best)) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }

  top(): ClippedImpact | null {
    while (this.heap.length > 0) {
      const index = this.heap[0] as number;
      if (this.active[index] === 1) return this.items[index] as ClippedImpact;
      this.pop();
    }
    return null;
  }
}

export function clipImpacts(impacts: readonly Impact[], from: number, to: number, asOf: number): ClippedImpact[] {
  const upper = Math.min(to, asOf);
  const out: ClippedImpact[] = [];
  for (const impact of impacts) {
    const fraction = Math.min(1, impact.fraction);
    if (!(fraction > 0)) continue;
    const start = Math.max(from, impact.start);
    const end = Math.min(upper, impact.end ?? asOf);
    if (!(end > start)) continue; // zero-length, reversed, outside, or starting after asOf
    out.push({
      incidentId: impact.incidentId,
      kind: impact.kind,
      fraction,
      start,
      end,
      incidentStartedAt: impact.incidentStartedAt,
    });
  }
  return sortSmall(out, (a, b) => a.start - b.start || a.end - b.end);
}

function sameState(a: Segment, fraction: number, unplanned: number, counted: number, incidentId: string | null): boolean {
  return a.fraction === fraction && a.unplanned === unplanned && a.counted === counted && a.incidentId === incidentId;
}

/** Segments of [from, min(to, asOf)). */
export function buildTimeline(
  impacts: readonly Impact[],
  range: { readonly from: number; readonly to: number; readonly asOf: number },
  rule: MaintenanceRule,
): Timeline {
  const items = clipImpacts(impacts, range.from, range.to, range.asOf);
  const n = items.length;
  const byEnd: number[] = [];
  for (let i = 0; i < n; i++) byEnd.push(i);
  sortSmall(byEnd, (a, b) => (items[a] as ClippedImpact).end - (items[b] as ClippedImpact).end);
  const active = new Uint8Array(n);
  const unplannedHeap = new ImpactHeap(items, active);
  const maintenanceHeap = new ImpactHeap(items, active);
  // Mutable while sweeping (a run of equal states is extended in place); readonly once returned.
  const segments: { -readonly [K in keyof Segment]: Segment[K] }[] = [];

  let s = 0;
  let e = 0;
  while (e < n) {
    const nextStart = s < n ? (items[s] as ClippedImpact).start : Number.POSITIVE_INFINITY;
    const t = Math.min(nextStart, (items[byEnd[e] as number] as ClippedImpact).end);
    while (e < n && (items[byEnd[e] as number] as ClippedImpact).end === t) active[byEnd[e++] as number] = 0;
    while (s < n && (items[s] as ClippedImpact).start === t) {
      active[s] = 1;
      ((items[s] as ClippedImpact).kind === "unplanned" ? unplannedHeap : maintenanceHeap).push(s);
      s++;
    }
    if (e >= n) break;
    const next = Math.min(s < n ? (items[s] as ClippedImpact).start : Number.POSITIVE_INFINITY, (items[byEnd[e] as number] as ClippedImpact).end);

    const topU = unplannedHeap.top();
    const topM = maintenanceHeap.top();
    const u = topU?.fraction ?? 0;
    const m = topM?.fraction ?? 0;
    if (u === 0 && m === 0) continue;
    const down = Math.max(u, m);
    // Equal fractions go to the unplanned incident: the overlap is attributed to the unplanned side
    // (docs/domain.md "Availability").
    const leader = topU !== null && u >= m ? topU : topM;
    const counted = rule === "count" ? down : u;
    const incidentId = (rule === "count" ? leader?.incidentId : topU?.incidentId) ?? null;

    // Object literals, not spreads: this loop runs once per impact edge for every service, and
    // V8's generic spread path costs more here than the rest of the sweep together.
    const last = segments[segments.length - 1];
    if (last !== undefined && last.to === t && sameState(last, down, u, counted, incidentId)) {
      last.to = next;
    } else {
      segments.push({ from: t, to: next, fraction: down, unplanned: u, maintenance: down - u, counted, incidentId });
    }
  }
  return { rule, from: range.from, to: Math.min(range.to, range.asOf), segments, impacts: items };
}

/** A segment's length and its counted seconds (length × counted fraction), as integrate sums them. */
export function segmentSeconds(segment: Segment): { seconds: number; countedSeconds: number } {
  const ms = segment.to - segment.from;
  return { seconds: ms / 1000, countedSeconds: (ms * segment.counted) / 1000 };
}

/** Index of the first segment that ends after `instant`. */
export function firstSegmentEndingAfter(segments: readonly Segment[], instant: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((segments[mid] as Segment).to <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface RangeTotals {
  /** All in ms × fraction ("fraction-weighted milliseconds"). */
  downMs: number;
  unplannedMs: number;
  maintenanceMs: number;
  countedMs: number;
}

/**
 * Integrates the timeline over [a, b). Every figure (availability, budget consumed, burn rates)
 * goes through this one loop, so equal ranges give bit-identical sums.
 */
export function integrate(
  timeline: Timeline,
  a: number,
  b: number,
  visit?: (segment: Segment, clippedFrom: number, clippedTo: number) => void,
): RangeTotals {
  const totals: RangeTotals = { downMs: 0, unplannedMs: 0, maintenanceMs: 0, countedMs: 0 };
  const { segments } = timeline;
  if (!(b > a)) return totals; // an empty range must not visit the segment that contains a
  for (let i = firstSegmentEndingAfter(segments, a); i < segments.length; i++) {
    const seg = segments[i] as Segment;
    if (seg.from >= b) break;
    const from = Math.max(seg.from, a);
    const to = Math.min(seg.to, b);
    const duration = to - from;
    totals.downMs += duration * seg.fraction;
    totals.unplannedMs += duration * seg.unplanned;
    totals.maintenanceMs += duration * seg.maintenance;
    totals.countedMs += duration * seg.counted;
    visit?.(seg, from, to);
  }
  return totals;
}
