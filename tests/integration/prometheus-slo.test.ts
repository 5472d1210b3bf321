// Measured SLOs from a real Prometheus (Debian's), scraping an exporter this test serves with known
// counters. No stand-in for Prometheus's API: what is ingested is what Prometheus answered.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as allRules from "@/app/api/v1/slos/prometheus-rules/route";
import * as sloRules from "@/app/api/v1/slos/[id]/prometheus-rules/route";
import * as datasources from "@/app/api/v1/datasources/route";
import * as slos from "@/app/api/v1/services/[slug]/slos/route";
import * as sloAvailability from "@/app/api/v1/slos/[id]/availability/route";
import { prisma } from "@/lib/server/db";
import { ingestSloById } from "@/lib/server/slo-ingest";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { makeService } from "../support/incidents";
import { PROMTOOL, startExporter, startPrometheus, waitForValue, type RunningPrometheus } from "../support/prometheus";

let tokens: Tokens;
let exporter: Awaited<ReturnType<typeof startExporter>>;
let prom: RunningPrometheus;
let slug: string;
let started: number;

beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  exporter = await startExporter({ goodPerSecond: 99, badPerSecond: 1 });
  started = Date.now();
  prom = await startPrometheus(exporter.target);
  slug = await makeService(tokens.editor, tokens.admin);
  // Two series with rates: Prometheus has scraped the exporter at least twice.
  await waitForValue(prom.url, "count(rate(http_requests_total[5m]))", 2);
}, 90_000);
afterAll(async () => {
  await prom?.stop();
  await exporter?.stop();
  await prom?.deleteData();
});

const addDatasource = (body: Record<string, unknown>, token = tokens.admin) => call(datasources.POST, { method: "POST", token, body: { type: "prometheus", ...body } });
const addSlo = (body: Record<string, unknown>) => call(slos.POST, { method: "POST", token: tokens.editor, params: { slug }, body });
const figures = (id: string, from: number, to: number, asOf = to) =>
  call(sloAvailability.GET, { token: tokens.viewer, params: { id }, path: `/x?window=range:${new Date(from).toISOString()}/${new Date(to).toISOString()}&asOf=${new Date(asOf).toISOString()}` });
const GOOD = 'sum(rate(http_requests_total{code="200"}[$window]))';
const TOTAL = "sum(rate(http_requests_total[$window]))";
const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));

describe("datasources", () => {
  it("an admin registers a Prometheus; it is asked at once; its credential is never shown", async () => {
    const res = await addDatasource({ name: unique("prom"), url: prom.url, bearerToken: "s3cret-token" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ auth: "bearer", state: "up", lastError: null, sloCount: 0 });
    expect(JSON.stringify(res.body)).not.toContain("s3cret");
    expect((await addDatasource({ name: unique("prom"), url: prom.url }, tokens.editor)).status).toBe(403);
    const list = await call(datasources.GET, { token: tokens.viewer });
    expect(list.body.datasources.map((d: { id: string }) => d.id)).toContain(res.body.id);
    const away = await addDatasource({ name: unique("away"), url: "http://127.0.0.1:9" });
    expect(away.body).toMatchObject({ state: "down", lastError: expect.stringContaining("could not be reached") });
    expect((await addDatasource({ name: unique("x"), url: "ftp://prom" })).body.issues).toEqual([{ path: "url", message: "Must be http or https" }]);
  });
});

describe("Prometheus alerting rules", () => {
  it("are written for each SLO Prometheus measures, and promtool accepts them", async () => {
    const ds = (await addDatasource({ name: unique("prom"), url: prom.url })).body;
    const ratio = (await addSlo({ name: "rules-good", target: 0.999, sli: { source: "prometheus", datasource: ds.id, kind: "ratio", good: GOOD, total: TOTAL } })).body;
    const bad = (await addSlo({ name: "rules-bad", target: 0.99, sli: { source: "prometheus", datasource: ds.id, kind: "ratio", bad: 'sum(rate(http_requests_total{code="500"}[$window]))', total: TOTAL } })).body;
    const threshold = (await addSlo({ name: "rules-threshold", target: 0.95, sli: { source: "prometheus", datasource: ds.id, kind: "threshold", query: TOTAL, op: "gte", threshold: 50 } })).body;
    expect(threshold).toMatchObject({ budgeting: { method: "timeslices", sliceSeconds: 60, sliceTarget: 1 }, unit: "slices" });
    const dir = mkdtempSync(path.join(os.tmpdir(), "nines-rules-"));
    for (const slo of [ratio, bad, threshold]) {
      const res = await call(sloRules.GET, { token: tokens.viewer, params: { id: slo.id } });
      expect(res.status).toBe(200);
      const file = path.join(dir, `${slo.name}.yml`);
      writeFileSync(file, res.body as string);
      const check = spawnSync(PROMTOOL, ["check", "rules", file], { encoding: "utf8" });
      expect(check.stderr + check.stdout).toContain("SUCCESS: 9 rules found");
      expect(check.status).toBe(0);
    }
    const everything = await call(allRules.GET, { token: tokens.viewer });
    const file = path.join(dir, "all.yml");
    writeFileSync(file, everything.body as string);
    const check = spawnSync(PROMTOOL, ["check", "rules", file], { encoding: "utf8" });
    expect(check.status, check.stderr).toBe(0);
    for (const name of ["rules-good", "rules-bad", "rules-threshold"]) expect(everything.body).toContain(`nines-${slug}-${name}`);
    // The page alert's thresholds, by hand: 14.4 × 0.1 % over 1 h and 5 min.
    expect(everything.body).toContain(`nines:slo_error_ratio:rate1h{service="${slug}",slo="rules-good"} > 14.4 * 0.001`);
    const own = (await call(slos.GET, { token: tokens.viewer, params: { slug }, path: `/x` })).body.slos[0];
    expect((await call(sloRules.GET, { token: tokens.viewer, params: { id: own.id } })).status).toBe(409);
  });
});

describe("an SLO from Prometheus", () => {
  it("a query Prometheus refuses is a 400 with its message; several series where one is expected are refused; a server that is away does not stop the SLO", async () => {
    const ds = (await addDatasource({ name: unique("prom"), url: prom.url })).body;
    const broken = await addSlo({ name: "broken", sli: { source: "prometheus", datasource: ds.name, kind: "ratio", good: GOOD, total: "sum(rate(http_requests_total[$window]" } });
    expect(broken.status).toBe(400);
    expect(broken.body.issues).toEqual([{ path: "sli.total", message: expect.stringMatching(/^Prometheus refused the query: .*parse error/) }]);
    const several = await addSlo({ name: "several", sli: { source: "prometheus", datasource: ds.id, kind: "ratio", good: GOOD, total: "rate(http_requests_total[$window])" } });
    expect(several.body.issues).toEqual([{ path: "sli.total", message: expect.stringMatching(/gives 2 series where one is expected/) }]);
    expect((await addSlo({ name: "nowhere", sli: { source: "prometheus", datasource: "no-such-datasource", kind: "ratio", good: GOOD, total: TOTAL } })).body.issues).toEqual([{ path: "sli.datasource", message: "No datasource has the id or name 'no-such-datasource'" }]);
    const away = (await addDatasource({ name: unique("away"), url: "http://127.0.0.1:9" })).body;
    const made = await addSlo({ name: "while-away", target: 0.99, sli: { source: "prometheus", datasource: away.id, kind: "ratio", good: GOOD, total: TOTAL } });
    expect(made.status).toBe(201);
    await ingestSloById(made.body.id, { stepSeconds: 10, lagMs: 2000 });
    const now = Date.now();
    const unknown = await figures(made.body.id, now - 600_000, now);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ sli: null, total: 0, errorBudget: null, burnState: null });
    expect(unknown.body.unknownSeconds).toBeCloseTo(600, 0);
  });

  it("reads 99 % good as 0.99; a bad minute moves the burn rate and the budget as computed by hand; the history outlives Prometheus", async () => {
    const ds = (await addDatasource({ name: unique("prom"), url: prom.url })).body;
    const made = await addSlo({ name: "checkout-success", target: 0.99, window: "rolling:28d", sli: { source: "prometheus", datasource: ds.name, kind: "ratio", good: GOOD, total: TOTAL } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ unit: "events", budgeting: { method: "occurrences" }, sli: { source: "prometheus", datasource: { id: ds.id, name: ds.name }, kind: "ratio", good: GOOD, bad: null, total: TOTAL } });
    const id = made.body.id as string;

    // 45 s at 99 good and 1 bad a second, then a minute of 100 bad a second, then good again.
    const badFrom = Math.ceil((started + 45_000) / 10_000) * 10_000;
    await sleepUntil(badFrom);
    exporter.set({ goodPerSecond: 0, badPerSecond: 100 });
    // When the switches really happened: a busy machine wakes a timer late, and the hand count
    // below is of what the exporter served, not of what was planned.
    const badStartedAt = Date.now();
    const badTo = badFrom + 60_000;
    await sleepUntil(badTo);
    exporter.set({ goodPerSecond: 99, badPerSecond: 1 });
    const badEndedAt = Date.now();
    await sleepUntil(badTo + 15_000);
    const { stored } = await ingestSloById(id, { stepSeconds: 10, lagMs: 2000 });
    expect(stored).toBeGreaterThan(10);

    // The good stretch (its first 20 s left out: a rate needs two scrapes): 0.99 ± 0.002.
    const good = (await figures(id, badFrom - 20_000, badFrom - 10_000)).body;
    expect(good.sli).toBeGreaterThan(0.988);
    expect(good.sli).toBeLessThan(0.992);
    expect(good.total / 10).toBeCloseTo(100, -1);

    // As of the bad minute's end, every lookback holds the whole record: bad events are 1 a second
    // before it (over the seconds measured) and 100 a second in it, of 100 events a second.
    const first = (await prisma.sloBucket.findFirstOrThrow({ where: { sloId: id }, orderBy: { start: "asc" } })).start.getTime();
    const measuredBefore = (badStartedAt - first) / 1000;
    const badSeconds = (Math.min(badEndedAt, badTo) - badStartedAt) / 1000;
    const bad = 1 * measuredBefore + 100 * badSeconds;
    // A switch back made late leaves bad seconds in the minute bucket the window ends in: the
    // window may count them (prorated), so the upper bound allows that many more, and no more.
    const lateBad = 100 * (Math.max(0, badEndedAt - badTo) / 1000);
    const total = 100 * ((badTo - first) / 1000);
    const expectedBurn = bad / total / 0.01;
    const atEnd = (await figures(id, first, badTo)).body;
    for (const lookback of ["5m", "30m", "1h"]) {
      // Within 10 %: Prometheus extrapolates increase() at the ends of its range, and a loaded
      // machine scrapes unevenly (one CI run read 7.9 % over); a wrong count is off by far more.
      expect(atEnd.burnRates[lookback] / expectedBurn, lookback).toBeGreaterThan(0.9);
      expect(atEnd.burnRates[lookback] / ((bad + lateBad) / total / 0.01), lookback).toBeLessThan(1.1);
    }
    console.log(`[measured] 99 % stretch: sli ${good.sli}; bad minute: burn ${atEnd.burnRates["5m"].toFixed(2)} (by hand ${expectedBurn.toFixed(2)}), consumed ${atEnd.errorBudget.consumed.toFixed(0)} (by hand ${bad.toFixed(0)}); the switches were ${badStartedAt - badFrom} ms and ${badEndedAt - badTo} ms late`);
    expect(atEnd.burnState).toBe("fast_burn");
    expect(atEnd.errorBudget.consumed / bad).toBeGreaterThan(0.9);
    expect(atEnd.errorBudget.consumed / (bad + lateBad)).toBeLessThan(1.1);
    expect(atEnd.errorBudget.allowed).toBeCloseTo(0.01 * atEnd.total, 6);
    expect(atEnd.errorBudget).toMatchObject({ overspent: true });
    expect(atEnd.unknownSeconds).toBe(0);

    // Prometheus stopped and its data deleted: the SLO's past figures are Nines' own, unchanged.
    const before = (await figures(id, first, badTo + 10_000)).body;
    await prom.stop();
    await prom.deleteData();
    expect((await figures(id, first, badTo + 10_000)).body).toEqual(before);
    await ingestSloById(id, { stepSeconds: 10, lagMs: 2000 });
    expect((await figures(id, first, badTo + 10_000)).body).toEqual(before);
    const noted = await prisma.datasource.findUniqueOrThrow({ where: { id: ds.id } });
    expect(noted.lastError).toMatch(/could not be reached/);
  }, 240_000);
});
