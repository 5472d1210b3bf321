/**
 * Rollups against the raw engine: random incidents over ten days, then random edits and
 * deletions, each change recomputing the whole UTC days it touches (as the server's rollup job
 * does); then a series in a zone with a 30- or 45-minute offset, read from the buckets plus raw
 * edges, must give the raw engine's figures. With dyadic fractions every product and sum is exact,
 * so the figures must be equal to the bit; with any fraction, equal to a nanosecond.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeSeriesTotals, type Impact, type MaintenanceRule } from "./availability";
import { computeSeriesTotalsRolled, planKey, planRolled, rollUp, rollupRange, seriesPlans, type BucketTotals, type Interval, type RolledSource } from "./impact-rollup";
import { bucketWindows, type BucketUnit } from "./windows";

const MIN = 60_000;
const T0 = Date.UTC(2026, 9, 20, 0, 0);
const ZONES = ["Asia/Kathmandu", "Asia/Kolkata", "Australia/Adelaide", "America/St_Johns", "Pacific/Chatham", "UTC"];

type Store = { hours: Map<number, BucketTotals>; days: Map<number, BucketTotals> };

/** What the rollup job does for one change: recompute the whole days it touches from the closed impacts. */
function recompute(store: Store, impacts: readonly Impact[], change: Interval): void {
  const range = rollupRange(change);
  for (const map of [store.hours, store.days]) for (const start of [...map.keys()]) if (start >= range.from && start < range.to) map.delete(start);
  const overlapping = impacts.filter((i) => i.end !== null && i.start < range.to && i.end > range.from);
  const { hours, days } = rollUp(overlapping, range);
  for (const h of hours) store.hours.set(h.start, h);
  for (const d of days) store.days.set(d.start, d);
}

/** What the server's SQL does: the plan's day and hour buckets summed. */
function sourceOf(store: Store, impacts: readonly Impact[], plans: readonly Interval[]): RolledSource {
  const sums = new Map<string, { downMs: number; unplannedMs: number; maintenanceMs: number }>();
  const raw: Interval[] = [];
  for (const p of plans) {
    const plan = planRolled(p.from, p.to);
    raw.push(...plan.raw);
    const sum = { downMs: 0, unplannedMs: 0, maintenanceMs: 0 };
    const add = (map: Map<number, BucketTotals>, r: Interval) => {
      for (const b of [...map.values()].sort((x, y) => x.start - y.start)) {
        if (b.start >= r.from && b.start < r.to) {
          sum.downMs += b.downMs;
          sum.unplannedMs += b.unplannedMs;
          sum.maintenanceMs += b.maintenanceMs;
        }
      }
    };
    if (plan.days) add(store.days, plan.days);
    for (const h of plan.hours) add(store.hours, h);
    sums.set(planKey(p.from, p.to), sum);
  }
  // Only the impacts the raw parts need, as the server reads them.
  const needed = impacts.filter((i) => raw.some((r) => i.start < r.to && (i.end === null || i.end > r.from)));
  return { bucketSum: (from, end) => sums.get(planKey(from, end)), impacts: needed };
}

const impactArb = (fractions: readonly number[]) =>
  fc.record({
    who: fc.integer({ min: 0, max: 7 }),
    start: fc.integer({ min: 0, max: 10 * 1440 }),
    length: fc.oneof(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 3 * 1440 })),
    seconds: fc.integer({ min: 0, max: 59 }),
    fraction: fc.constantFrom(...fractions),
    maintenance: fc.boolean(),
  });

const editArb = fc.record({ index: fc.nat(), op: fc.constantFrom("move", "end", "fraction", "kind", "delete"), by: fc.integer({ min: -600, max: 600 }) });

function scenario(fractions: readonly number[]) {
  return fc.record({
    raws: fc.array(impactArb(fractions), { maxLength: 14 }),
    edits: fc.array(editArb, { maxLength: 6 }),
    zone: fc.constantFrom(...ZONES),
    bucket: fc.constantFrom<BucketUnit>("day", "week"),
    asOf: fc.integer({ min: 2 * 1440, max: 12 * 1440 }),
    measuredSince: fc.option(fc.integer({ min: -1440, max: 8 * 1440 }), { nil: null }),
    rule: fc.constantFrom<MaintenanceRule>("count", "exclude"),
    fraction: fc.constantFrom(...fractions),
  });
}

function run(s: ReturnType<typeof scenario> extends fc.Arbitrary<infer T> ? T : never, exact: boolean): void {
  let impacts: Impact[] = s.raws.map((r, i) => ({
    incidentId: `i${r.who}`,
    kind: r.maintenance ? "maintenance" : "unplanned",
    fraction: r.fraction,
    start: T0 + r.start * MIN + r.seconds * 1000,
    end: T0 + (r.start + r.length) * MIN + ((r.seconds * 7) % 60) * 1000,
    incidentStartedAt: T0 + (r.start - (i % 3)) * MIN,
  }));
  const store: Store = { hours: new Map(), days: new Map() };
  for (const i of impacts) recompute(store, impacts, { from: i.start, to: i.end as number });
  for (const e of s.edits) {
    if (impacts.length === 0) break;
    const k = e.index % impacts.length;
    const old = impacts[k] as Impact;
    const end = old.end as number;
    const next: Impact | null =
      e.op === "delete" ? null
      : e.op === "move" ? { ...old, start: old.start + e.by * MIN, end: end + e.by * MIN }
      : e.op === "end" ? { ...old, end: Math.max(old.start, end + e.by * MIN) }
      : e.op === "fraction" ? { ...old, fraction: s.fraction }
      : { ...old, kind: old.kind === "unplanned" ? "maintenance" : "unplanned" };
    impacts = next ? impacts.map((x, j) => (j === k ? next : x)) : impacts.filter((_, j) => j !== k);
    recompute(store, impacts, { from: old.start, to: end });
    if (next) recompute(store, impacts, { from: next.start, to: next.end as number });
  }
  const asOf = T0 + s.asOf * MIN;
  const options = { asOf, maintenance: s.rule, measuredSince: s.measuredSince === null ? null : T0 + s.measuredSince * MIN };
  const windows = bucketWindows(s.bucket, s.bucket === "day" ? 12 : 3, { timeZone: s.zone, asOf });
  const raw = computeSeriesTotals(impacts, windows, options);
  const rolled = computeSeriesTotalsRolled(sourceOf(store, impacts, seriesPlans(windows, options)), windows, options);
  if (exact) {
    expect(rolled).toEqual(raw);
    return;
  }
  expect(rolled.length).toBe(raw.length);
  rolled.forEach((r, i) => {
    const w = raw[i] as (typeof raw)[number];
    expect({ ...r, downtimeSeconds: 0, unplannedSeconds: 0, maintenanceSeconds: 0, countedSeconds: 0, availability: 0, availabilityCounted: 0, unavailability: 0 }).toEqual({ ...w, downtimeSeconds: 0, unplannedSeconds: 0, maintenanceSeconds: 0, countedSeconds: 0, availability: 0, availabilityCounted: 0, unavailability: 0 });
    for (const key of ["downtimeSeconds", "unplannedSeconds", "maintenanceSeconds", "countedSeconds"] as const) expect(Math.abs(r[key] - w[key])).toBeLessThan(1e-9);
    for (const key of ["availability", "availabilityCounted", "unavailability"] as const) {
      if (w[key] === null) expect(r[key]).toBeNull();
      else expect(Math.abs((r[key] as number) - (w[key] as number))).toBeLessThan(1e-12);
    }
  });
}

describe("rolled-up series equal the raw engine's", () => {
  it("to the bit, with dyadic fractions, after random edits and deletions, in zones with 30- and 45-minute offsets", () => {
    fc.assert(fc.property(scenario([0.25, 0.5, 0.75, 1]), (s) => run(s, true)), { numRuns: 300 });
  });

  it("to a nanosecond, with any fraction", () => {
    fc.assert(fc.property(scenario([0.1, 0.3, 0.7, 1 / 3, 1]), (s) => run(s, false)), { numRuns: 300 });
  });

  it("a window is whole days, whole hours at its ends, and raw parts under an hour", () => {
    const from = Date.UTC(2026, 10, 1, 18, 15);
    const end = Date.UTC(2026, 10, 4, 5, 50);
    expect(planRolled(from, end)).toEqual({
      days: { from: Date.UTC(2026, 10, 2), to: Date.UTC(2026, 10, 4) },
      hours: [{ from: Date.UTC(2026, 10, 1, 19), to: Date.UTC(2026, 10, 2) }, { from: Date.UTC(2026, 10, 4), to: Date.UTC(2026, 10, 4, 5) }],
      raw: [{ from, to: Date.UTC(2026, 10, 1, 19) }, { from: Date.UTC(2026, 10, 4, 5), to: end }],
    });
    expect(planRolled(from, from + 20 * MIN)).toEqual({ days: null, hours: [], raw: [{ from, to: from + 20 * MIN }] });
  });
});
