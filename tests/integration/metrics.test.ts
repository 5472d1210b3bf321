import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as all from "@/app/api/v1/availability/route";
import * as settings from "@/app/api/v1/settings/route";
import * as metrics from "@/app/metrics/route";
import * as slos from "@/app/api/v1/services/[slug]/slos/route";
import * as sloAvailability from "@/app/api/v1/slos/[id]/availability/route";
import { call } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";

type Family = { name: string; type: string; metrics: { value: string; labels?: Record<string, string> }[] };

let tokens: Tokens;
let slug: string;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "rolling:30d" });
  const day = 86_400_000;
  await logIncident(tokens.editor, { startedAt: new Date(Date.now() - 2 * day).toISOString(), resolvedAt: new Date(Date.now() - 2 * day + 30 * 60_000).toISOString(), impacts: [{ service: slug }] });
  await logIncident(tokens.editor, { startedAt: new Date(Date.now() - 10 * 60_000).toISOString(), impacts: [{ service: slug, fraction: 0.5 }] });
});

const scrape = (token?: string) => call(metrics.GET as never, { ...(token ? { token } : {}), path: "/metrics" });
const sample = (families: Family[], name: string, labels: Record<string, string> = {}) =>
  families.find((f) => f.name === name)?.metrics.find((m) => m.labels?.service === slug && Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));

describe("/metrics", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("parses as the Prometheus text format, and its figures are the availability API's", async () => {
    // Both reads as of one instant (the clock held still, timers left running): while an incident
    // is ongoing the burn rates move by the second, and a busy machine can put seconds between reads.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const res = await scrape(tokens.viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const families = parsePrometheusTextFormat(res.body as string) as Family[];
    const api = await call(all.GET, { token: tokens.viewer, path: "/x?incidents=0" });
    const mine = api.body.services.find((s: { service: { slug: string } }) => s.service.slug === slug);
    const availability = sample(families, "nines_availability_ratio");
    expect(availability?.labels).toEqual({ service: slug, tier: String(mine.service.tier.rank), slo: "availability", window: "rolling:30d" });
    expect(Number(availability?.value)).toBeCloseTo(mine.availability, 12);
    expect(Number(sample(families, "nines_slo_target_ratio")?.value)).toBe(0.999);
    expect(Number(sample(families, "nines_error_budget_seconds")?.value)).toBeCloseTo(mine.errorBudget.budgetSeconds, 6);
    expect(Number(sample(families, "nines_error_budget_remaining_ratio")?.value)).toBeCloseTo(mine.errorBudget.remainingRatio, 12);
    expect(Number(sample(families, "nines_ongoing_incidents")?.value)).toBe(1);
    expect(Number(sample(families, "nines_burn_rate", { lookback: "1h" })?.value)).toBeCloseTo(mine.errorBudget.burnRates["1h"], 12);
    expect(families.find((f) => f.name === "nines_availability_ratio")?.type).toBe("GAUGE");
  });

  it("gives each other SLO its own series, labelled with its name, over its own window", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const made = await call(slos.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { name: "weekly", target: 0.95, window: "week", sli: { source: "incidents" } } });
    expect(made.status).toBe(201);
    const families = parsePrometheusTextFormat((await scrape(tokens.viewer)).body as string) as Family[];
    const figures = (await call(sloAvailability.GET, { token: tokens.viewer, params: { id: made.body.id }, path: "/x" })).body;
    const weekly = sample(families, "nines_sli_ratio", { slo: "weekly" });
    expect(weekly?.labels).toMatchObject({ service: slug, slo: "weekly", window: "week", unit: "seconds" });
    expect(Number(weekly?.value)).toBeCloseTo(figures.sli, 12);
    expect(Number(sample(families, "nines_slo_target_ratio", { slo: "weekly" })?.value)).toBe(0.95);
    expect(Number(sample(families, "nines_error_budget_remaining_ratio", { slo: "weekly" })?.value)).toBeCloseTo(figures.errorBudget.remainingRatio, 12);
    expect(Number(sample(families, "nines_computation_failed", { slo: "weekly" })?.value)).toBe(0);
    // The service's own series keep their meaning, now labelled slo="availability".
    expect(sample(families, "nines_slo_target_ratio", { slo: "availability" })?.value).toBe("0.999");
  });

  it("needs a token unless an admin makes it public", async () => {
    expect((await scrape()).status).toBe(401);
    const read = await call(settings.GET, { token: tokens.admin });
    const open = await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { metricsPublic: true, version: read.body.version } });
    try {
      expect(open.body.metricsPublic).toBe(true);
      expect((await scrape()).status).toBe(200);
    } finally {
      await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { metricsPublic: read.body.metricsPublic, version: open.body.version } });
    }
    expect((await scrape()).status).toBe(401);
  });
});
