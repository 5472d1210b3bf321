import { beforeAll, describe, expect, it } from "vitest";
import * as probes from "@/app/api/v1/services/[slug]/probes/route";
import * as serviceAvailability from "@/app/api/v1/services/[slug]/availability/route";
import * as slos from "@/app/api/v1/services/[slug]/slos/route";
import * as sloAvailability from "@/app/api/v1/slos/[id]/availability/route";
import * as sloSeries from "@/app/api/v1/slos/[id]/series/route";
import * as sloReconcile from "@/app/api/v1/slos/[id]/reconcile/route";
import { prisma } from "@/lib/server/db";
import { call } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";
import { timeZoneForFile } from "../support/settings";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});
timeZoneForFile("UTC", () => tokens.admin);

const post = async (slug: string, body: Record<string, unknown>) => {
  const res = await call(slos.POST, { method: "POST", token: tokens.editor, params: { slug }, body });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as string;
};
const figures = (id: string, query: string) => call(sloAvailability.GET, { token: tokens.viewer, params: { id }, path: `/api/v1/slos/${id}/availability?${query}` });

describe("an SLO's figures", () => {
  it("from the incident record: the engine's, against the SLO's own objective", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "month" });
    await logIncident(tokens.editor, { startedAt: "2026-05-05T10:00:00Z", resolvedAt: "2026-05-05T11:00:00Z", impacts: [{ service: slug }] });
    const id = await post(slug, { name: "weekly", target: 0.99, window: "week", sli: { source: "incidents" } });
    const res = await figures(id, "window=week:2026-W19&asOf=2026-05-20T00:00:00Z");
    expect(res.status).toBe(200);
    // One hour down in a 168-hour week: 1 − 1/168; the budget 1 % of 604,800 s.
    expect(res.body.sli).toBeCloseTo(1 - 1 / 168, 12);
    expect(res.body).toMatchObject({ unit: "seconds", unknownSeconds: 0, metTarget: true, good: null, total: null, errorBudget: { allowed: 6048, consumed: 3600, remaining: 2448 } });
    // The same window through the service's route: the same availability, against the service's 99.9 %.
    const service = await call(serviceAvailability.GET, { token: tokens.viewer, params: { slug }, path: `/x?window=week:2026-W19&asOf=2026-05-20T00:00:00Z` });
    expect(res.body.incidentRecord.availability).toBe(service.body.availability);
    expect(service.body.errorBudget.budgetSeconds).toBeCloseTo(604.8, 9);
    // Its weekly series: the same week's figure, and the weeks around it whole.
    const series = await call(sloSeries.GET, { token: tokens.viewer, params: { id }, path: "/x?bucket=week&from=2026-05-04T00:00:00Z&to=2026-05-18T00:00:00Z&asOf=2026-05-20T00:00:00Z" });
    expect(series.status).toBe(200);
    expect(series.body.entries.map((e: { label: string; metTarget: boolean }) => [e.label, e.metTarget])).toEqual([["week:2026-W19", true], ["week:2026-W20", true]]);
    expect(series.body.entries[0].sli).toBeCloseTo(1 - 1 / 168, 12);
    // Without a window: the SLO's own (the week of asOf), not the service's month.
    expect((await figures(id, "asOf=2026-05-06T00:00:00Z")).body.window.label).toBe("week:2026-W19");
  });

  describe("from a probe's runs", () => {
    const T0 = Date.UTC(2026, 4, 10, 12);
    const MIN = 60_000;
    let slug: string;
    let probe: string;
    beforeAll(async () => {
      slug = await makeService(tokens.editor, tokens.admin);
      probe = (await call(probes.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { url: "http://127.0.0.1:9/health", intervalSeconds: 60, enabled: false } })).body.id;
      // 100 runs a minute apart; run 42 failed; every third answered in 800 ms, the rest in 120 ms.
      await prisma.probeRun.createMany({
        data: Array.from({ length: 100 }, (_, i) => ({ probeId: probe, at: new Date(T0 + i * MIN), scheduledAt: new Date(T0 + i * MIN), ok: i !== 42, status: i === 42 ? 503 : 200, latencyMs: i % 3 === 0 ? 800 : 120 })),
      });
    });
    const range = (minutes: number) => `window=range:${new Date(T0).toISOString()}/${new Date(T0 + minutes * MIN).toISOString()}&asOf=${new Date(T0 + minutes * MIN).toISOString()}`;

    it("success, as occurrences: 99 of 100 runs, a budget of one run, burn rates by hand", async () => {
      const id = await post(slug, { name: "health", target: 0.99, sli: { source: "probe", probe, kind: "success" } });
      const res = await figures(id, range(100));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ unit: "events", sli: 0.99, good: 99, total: 100, unknownSeconds: 0, metTarget: true, incidentRecord: null });
      expect(res.body.errorBudget.allowed).toBeCloseTo(1, 12);
      expect(res.body.errorBudget).toMatchObject({ consumed: 1, overspent: false });
      // Its daily series: the day of the runs holds all of them; the day before saw nothing.
      const day = new Date(T0).toISOString().slice(0, 10);
      const series = await call(sloSeries.GET, { token: tokens.viewer, params: { id }, path: `/x?bucket=day&from=${day}T00:00:00Z&to=${new Date(T0 + 86_400_000).toISOString().slice(0, 10)}T00:00:00Z&asOf=${new Date(T0 + 100 * MIN).toISOString()}` });
      expect(series.body.entries.map((e: { good: number; total: number; sli: number | null }) => [e.good, e.total, e.sli])).toEqual([[99, 100, 0.99]]);
      expect(series.body.unit).toBe("events");
      // The last hour holds runs 40–99, one of them failed: 1/60 over the 1 % allowed.
      expect(res.body.burnRates["1h"]).toBeCloseTo(1 / 60 / 0.01, 9);
      expect(res.body.burnRates["5m"]).toBe(0);
      // Every lookback saw runs (the 3 d one only these 100): each rate is of what was measured.
      expect(res.body.burnRates["3d"]).toBeCloseTo(1 / 100 / 0.01, 9);
      expect(res.body.burnState).toBe("ok");
    });

    it("set beside the incident record: the bad minute no incident covers, and incident time the probe saw good", async () => {
      // An incident from minute 40 to 50 and nothing else: the probe failed only in minute 42.
      const incident = await logIncident(tokens.editor, { startedAt: new Date(T0 + 40 * MIN).toISOString(), resolvedAt: new Date(T0 + 50 * MIN).toISOString(), impacts: [{ service: slug }] });
      expect(incident.status).toBe(201);
      const id = await post(slug, { name: "health-beside", target: 0.99, sli: { source: "probe", probe, kind: "success" } });
      const res = await call(sloReconcile.GET, { token: tokens.viewer, params: { id }, path: `/x?${range(100)}` });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ measured: { badSeconds: 60, goodSeconds: 99 * 60, unknownSeconds: 0 }, incidentDowntimeSeconds: 600, measuredOnlySeconds: 0, incidentOnlySeconds: 540 });
      expect(res.body.disagreements.map((d: { kind: string; seconds: number }) => [d.kind, d.seconds])).toEqual([["incident_only", 120], ["incident_only", 420]]);
      // A latency SLI misses on the slow runs too: runs 0, 3, 6 … answered in 800 ms, none covered by an incident but those in 40–50.
      const fast = await post(slug, { name: "fast-beside", target: 0.5, sli: { source: "probe", probe, kind: "latency", thresholdMs: 500 } });
      const slow = (await call(sloReconcile.GET, { token: tokens.viewer, params: { id: fast }, path: `/x?${range(100)}` })).body;
      expect(slow.measured.badSeconds).toBe(34 * 60);
      expect(slow.measuredOnlySeconds).toBe((34 - 3) * 60);
      const own = (await call(slos.GET, { token: tokens.viewer, params: { slug }, path: "/x" })).body.slos[0];
      expect((await call(sloReconcile.GET, { token: tokens.viewer, params: { id: own.id }, path: "/x" })).status).toBe(409);
    });

    it("time after the last run's reach is unknown, never good or bad", async () => {
      const id = await post(slug, { name: "health-unknown", target: 0.99, sli: { source: "probe", probe, kind: "success" } });
      const res = await figures(id, range(130));
      // The last run (minute 99) covers its minute and 5 s of slack: the last 30 min less 5 s are unknown.
      expect(res.body).toMatchObject({ sli: 0.99, total: 100, unknownSeconds: 30 * 60 - 5 });
    });

    it("latency under a threshold, and as five-minute slices", async () => {
      const fast = await post(slug, { name: "health-fast", target: 0.6, sli: { source: "probe", probe, kind: "latency", thresholdMs: 500 } });
      // Runs 0, 3, …, 99 (34 of them) were slow, and run 42 (also slow) failed: 66 good.
      expect((await figures(fast, range(100))).body).toMatchObject({ sli: 0.66, good: 66, total: 100 });
      const sliced = await post(slug, { name: "health-sliced", target: 0.9, sli: { source: "probe", probe, kind: "success" }, budgeting: { method: "timeslices", slice: "5m", sliceTarget: 1 } });
      const res = await figures(sliced, range(120));
      // 24 slices: 20 with runs, minute 42's slice bad; 4 after the runs unknown.
      expect(res.body).toMatchObject({ unit: "slices", good: 19, total: 20, unknownSlices: 4, sli: 0.95 });
      // 10 % of the window's 24 slices may be bad.
      expect(res.body.errorBudget.allowed).toBeCloseTo(2.4, 9);
    });
  });
});
