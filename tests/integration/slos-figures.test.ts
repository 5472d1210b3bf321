// Every SLO's figures in one request: the same figures as one SLO's own route, for every kind of SLI.
import { beforeAll, describe, expect, it } from "vitest";
import * as datasources from "@/app/api/v1/datasources/route";
import * as probes from "@/app/api/v1/services/[slug]/probes/route";
import * as slos from "@/app/api/v1/services/[slug]/slos/route";
import * as sloAvailability from "@/app/api/v1/slos/[id]/availability/route";
import * as allFigures from "@/app/api/v1/slos/availability/route";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";
import { timeZoneForFile } from "../support/settings";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});
timeZoneForFile("UTC", () => tokens.admin);

const MIN = 60_000;
const T0 = Date.UTC(2026, 6, 6, 9);
const asOf = new Date(T0 + 120 * MIN).toISOString();
const window = `range:${new Date(T0).toISOString()}/${asOf}`;

const post = async (slug: string, body: Record<string, unknown>) => {
  const res = await call(slos.POST, { method: "POST", token: tokens.editor, params: { slug }, body });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as string;
};
const list = (query: string) => call(allFigures.GET, { token: tokens.viewer, path: `/api/v1/slos/availability?${query}` });

describe("every SLO's figures at once", () => {
  let slug: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.99, sloWindow: "month" });
    // Twelve minutes down in the two hours.
    await logIncident(tokens.editor, { startedAt: new Date(T0 + 30 * MIN).toISOString(), resolvedAt: new Date(T0 + 42 * MIN).toISOString(), impacts: [{ service: slug }] });
    const probe = (await call(probes.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { url: "http://127.0.0.1:9/health", intervalSeconds: 60, enabled: false } })).body.id as string;
    // 120 runs a minute apart; runs 10 to 14 failed; every fourth answered in 900 ms.
    await prisma.probeRun.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ probeId: probe, at: new Date(T0 + i * MIN), scheduledAt: new Date(T0 + i * MIN), ok: i < 10 || i > 14, status: 200, latencyMs: i % 4 === 0 ? 900 : 100 })),
    });
    // A server that is away: the SLO is created, and its buckets are written here by hand.
    const ds = (await call(datasources.POST, { method: "POST", token: tokens.admin, body: { name: unique("away"), type: "prometheus", url: "http://127.0.0.1:1" } })).body;
    ids.requests = await post(slug, { name: "requests", target: 0.95, window: "rolling:30d", sli: { source: "prometheus", datasource: ds.id, kind: "ratio", good: "sum(rate(ok[$window]))", total: "sum(rate(all[$window]))" } });
    await prisma.sloBucket.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ sloId: ids.requests as string, start: new Date(T0 + i * MIN), seconds: 60, good: i < 60 ? 990 : 970, total: 1000 })) });
    ids.health = await post(slug, { name: "health", target: 0.9, sli: { source: "probe", probe, kind: "success" } });
    ids.fast = await post(slug, { name: "fast", target: 0.5, sli: { source: "probe", probe, kind: "latency", thresholdMs: 300 } });
    ids.weekly = await post(slug, { name: "weekly", target: 0.999, window: "week", sli: { source: "incidents" } });
    // Another service's SLO, and an archived one of this service: neither is in this service's list.
    await makeService(tokens.editor, tokens.admin);
    const gone = await post(slug, { name: "gone", sli: { source: "incidents" } });
    await prisma.slo.update({ where: { id: gone }, data: { archivedAt: new Date() } });
  });

  it("one service's: each SLO with the figures its own route gives, counted by hand", async () => {
    const res = await list(`service=${slug}&window=${window}&asOf=${asOf}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(5);
    const byName = Object.fromEntries(res.body.slos.map((f: { slo: { name: string } }) => [f.slo.name, f]));
    expect(Object.keys(byName).sort()).toEqual(["availability", "fast", "health", "requests", "weekly"]);
    // 12 of 120 minutes down.
    expect(byName.availability.sli).toBeCloseTo(1 - 12 / 120, 12);
    expect(byName.weekly.sli).toBeCloseTo(1 - 12 / 120, 12);
    // 115 of 120 runs passed; 90 answered under 300 ms, but 4 of those failed (a failed run is never fast enough).
    expect(byName.health).toMatchObject({ unit: "events", good: 115, total: 120, metTarget: true });
    expect(byName.fast).toMatchObject({ unit: "events", good: 86, total: 120, metTarget: true });
    expect(byName.fast.sli).toBeCloseTo(86 / 120, 12);
    // 60 minutes of 990 good in 1,000, then 60 of 970: 117,600 of 120,000.
    expect(byName.requests).toMatchObject({ unit: "events", good: 117_600, total: 120_000, metTarget: true });
    expect(byName.requests.sli).toBeCloseTo(0.98, 12);
    // The same as one SLO at a time, every field (the list names an incident record's three largest incidents, as here: one).
    for (const f of res.body.slos) {
      const one = await call(sloAvailability.GET, { token: tokens.viewer, params: { id: f.slo.id }, path: `/x?window=${window}&asOf=${asOf}` });
      expect(f).toEqual(one.body);
    }
  });

  it("every service's, or none of an unknown one; a bad window is named", async () => {
    const all = await list(`window=${window}&asOf=${asOf}`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(all.body.slos.length);
    expect(all.body.slos.filter((f: { slo: { service: { slug: string } } }) => f.slo.service.slug === slug)).toHaveLength(5);
    expect(all.body.slos.some((f: { slo: { archived: boolean } }) => f.slo.archived)).toBe(false);
    expect((await list("service=no-such-service")).status).toBe(404);
    const bad = await list("window=fortnight");
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(["window"]);
  });
});
