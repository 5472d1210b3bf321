/**
 * The engine at the edges of what the API accepts: fractions down to the smallest positive
 * double, impacts of 1 ms and of centuries, windows and asOf anywhere from 1970 to 9999. Whatever
 * comes in, nothing throws and every figure that goes out is a finite number (JSON has no
 * Infinity or NaN, and a projected instant must be one an ISO string can say).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeSeriesTotals } from "./availability";
import { projectExhaustion, summarizeService } from "./error-budget";
import { computeIncidentMetrics, type IncidentTimes } from "./incident-metrics";
import { MAX_INSTANT_MS, MAX_WINDOW_MS, MIN_INSTANT_MS } from "./instant-range";
import type { Impact } from "./timeline";
import { bucketWindows } from "./windows";

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

/** Uniform over the range, with its edges and their neighbours drawn often. */
const instant = fc.oneof(
  fc.integer({ min: MIN_INSTANT_MS, max: MAX_INSTANT_MS }),
  fc.constantFrom(MIN_INSTANT_MS, MIN_INSTANT_MS + 1, MAX_INSTANT_MS, MAX_INSTANT_MS - 1, Date.UTC(2026, 10, 30)),
);
const fraction = fc.oneof(
  fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }),
  fc.constantFrom(Number.MIN_VALUE, 1e-300, 1e-9, 1e-6, 1 - Number.EPSILON, 1),
);
const length = fc.oneof(fc.constantFrom(1, 1000, 3_600_000), fc.integer({ min: 1, max: 3 * 100 * YEAR }), fc.constant(MAX_INSTANT_MS));
const target = fc.oneof(fc.double({ min: 0.5, max: 0.9999999, noNaN: true }), fc.constantFrom(0.5, 0.99, 0.999, 0.9999999));

const impacts = fc.array(
  fc.record({ id: fc.nat(5), maintenance: fc.boolean(), start: instant, length, ongoing: fc.boolean(), fraction }),
  { maxLength: 8 },
).map((raw) =>
  raw.map(
    (r): Impact => ({
      incidentId: `i${r.id}`,
      kind: r.maintenance ? "maintenance" : "unplanned",
      fraction: r.fraction,
      start: r.start,
      end: r.ongoing ? null : Math.min(MAX_INSTANT_MS, r.start + r.length),
      incidentStartedAt: r.start,
    }),
  ),
);

/**
 * Windows as the API resolves them: within the accepted range, at most MAX_WINDOW_MS long, and a
 * zone's offset (up to 14 h) beyond either end, as year:1970 or month:9999-12 cut in a far zone.
 */
const window = fc.record({ from: instant, span: fc.oneof(fc.constantFrom(0, 1, MAX_WINDOW_MS), fc.integer({ min: 0, max: MAX_WINDOW_MS })), zone: fc.integer({ min: -14, max: 14 }) }).map(({ from, span, zone }) => {
  const start = Math.min(from, MAX_INSTANT_MS - span) + zone * 3_600_000;
  return { from: start, to: start + span };
});

function nonFinite(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinite(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

describe("the engine with extreme but valid inputs", () => {
  it("a service summary never throws, every figure is finite and a projected exhaustion is a printable instant", () => {
    fc.assert(
      fc.property(impacts, window, instant, target, fc.constantFrom("count" as const, "exclude" as const), (imps, w, asOf, p, rule) => {
        const summary = summarizeService({ impacts: imps, target: p, maintenance: rule, window: w, asOf, measuredSince: null });
        expect(nonFinite(summary)).toEqual([]);
        const { availability, errorBudget } = summary;
        if (errorBudget === null) throw new Error("measuredSince null: every window is measured");
        expect(availability.availability).toBeGreaterThanOrEqual(0);
        expect(availability.availability).toBeLessThanOrEqual(1);
        if (errorBudget.exhaustionAt === null) expect(errorBudget.exhaustion).not.toBe("projected");
        else {
          expect(errorBudget.exhaustion).toBe("projected");
          expect(errorBudget.exhaustionAt).toBeGreaterThanOrEqual(asOf);
          expect(errorBudget.exhaustionAt).toBeLessThanOrEqual(MAX_INSTANT_MS);
        }
      }),
      { numRuns: 600 },
    );
  });

  it("a series of buckets around any asOf never throws and is finite", () => {
    fc.assert(
      fc.property(impacts, instant, fc.constantFrom("day" as const, "week" as const, "month" as const), fc.integer({ min: 1, max: 400 }), fc.constantFrom("UTC", "Pacific/Kiritimati", "Etc/GMT+12", "Europe/Berlin"), (imps, asOf, bucket, count, timeZone) => {
        const windows = bucketWindows(bucket, count, { asOf, timeZone });
        expect(nonFinite(computeSeriesTotals(imps, windows, { asOf, maintenance: "count", measuredSince: null }))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("MTTx over milestones anywhere in the range is finite", () => {
    const times = fc.array(
      fc.record({ start: instant, d: fc.option(length), a: fc.option(length), r: fc.option(length) }).map(
        ({ start, d, a, r }, ): IncidentTimes => ({
          incidentId: `i${start}`,
          kind: "unplanned",
          startedAt: start,
          detectedAt: d === null ? null : Math.min(MAX_INSTANT_MS, start + d),
          acknowledgedAt: a === null ? null : Math.min(MAX_INSTANT_MS, start + a),
          resolvedAt: r === null ? null : Math.min(MAX_INSTANT_MS, start + r),
        }),
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(times, window, (list, w) => {
        expect(nonFinite(computeIncidentMetrics(list, w))).toEqual([]);
      }),
    );
  });

  it("exhaustion beyond 9999 or out of any double's reach is reported as none, with the reason", () => {
    const asOf = Date.UTC(2026, 10, 20);
    // 1 ms of a full outage against a 99.9 % month: the pace would take 130,000 years.
    expect(projectExhaustion({ asOf, remainingSeconds: 2591.999, elapsedSeconds: 19 * 86_400, consumedSeconds: 0.001 })).toEqual({ at: null, outlook: "beyond_range" });
    expect(projectExhaustion({ asOf, remainingSeconds: 1e308, elapsedSeconds: 1e308, consumedSeconds: Number.MIN_VALUE })).toEqual({ at: null, outlook: "beyond_range" });
    expect(projectExhaustion({ asOf, remainingSeconds: 10, elapsedSeconds: 100, consumedSeconds: 0 })).toEqual({ at: null, outlook: "none_consumed" });
    expect(projectExhaustion({ asOf, remainingSeconds: -1, elapsedSeconds: 100, consumedSeconds: 5 })).toEqual({ at: null, outlook: "exhausted" });
    expect(projectExhaustion({ asOf, remainingSeconds: 10, elapsedSeconds: 100, consumedSeconds: 10 })).toEqual({ at: asOf + 100_000, outlook: "projected" });
  });
});
