import { describe, expect, it } from "vitest";
import { planProbeRuns } from "./plan-probes";
import { demoRandom } from "./random";

const T0 = Date.UTC(2026, 8, 1);
const HOUR = 3_600_000;

describe("a demo probe's history", () => {
  const plan = { from: T0, now: T0 + 48 * HOUR, intervalMs: 60_000, baseLatencyMs: 100, incidents: [{ from: T0 + 10 * HOUR, to: T0 + 11 * HOUR, fraction: 1 }], blips: 3 };

  it("runs every interval up to now, failing throughout a whole outage and on a few unlogged minutes", () => {
    const runs = planProbeRuns(plan, demoRandom(1));
    expect(runs).toHaveLength(48 * 60);
    expect(runs.every((r, i) => r.at === T0 + i * 60_000)).toBe(true);
    const inOutage = runs.filter((r) => r.at >= T0 + 10 * HOUR && r.at < T0 + 11 * HOUR);
    expect(inOutage.every((r) => !r.ok && r.status === 503)).toBe(true);
    const outside = runs.filter((r) => !r.ok && (r.at < T0 + 10 * HOUR || r.at >= T0 + 11 * HOUR));
    expect(outside.length).toBeGreaterThanOrEqual(2);
    expect(outside.length).toBeLessThanOrEqual(3 * 6);
    expect(runs.every((r) => r.latencyMs >= 100)).toBe(true);
  });

  it("is the same history for the same dice", () => {
    expect(planProbeRuns(plan, demoRandom(7))).toEqual(planProbeRuns(plan, demoRandom(7)));
  });
});
