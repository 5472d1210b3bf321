import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { beforeAll, describe, expect, it } from "vitest";
import * as one from "@/app/api/v1/services/[slug]/availability/route";
import * as series from "@/app/api/v1/services/[slug]/availability/series/route";
import * as serviceItem from "@/app/api/v1/services/[slug]/route";
import * as incidents from "@/app/api/v1/incidents/route";
import * as incident from "@/app/api/v1/incidents/[id]/route";
import * as importRoute from "@/app/api/v1/incidents/import/route";
import * as metrics from "@/app/metrics/route";
import { formatCivilDate, isoWeekOf, pad } from "@/lib/domain/civil-date";
import { localDateOf } from "@/lib/domain/time-zone";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { makeService } from "../support/incidents";
import { timeZoneForFile } from "../support/settings";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});
timeZoneForFile("UTC", () => tokens.admin);

const DAY = 86_400_000;
/** A service as a person creates it: measured from its creation (no measuredSince given). */
const freshService = () => makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "rolling:30d", measuredSince: null });
const lastWeek = () => {
  const { isoYear, week } = isoWeekOf(localDateOf(Date.now() - 7 * DAY, "UTC"));
  return `week:${isoYear}-W${pad(week, 2)}`;
};
const summary = (slug: string, query = "") => call(one.GET, { token: tokens.viewer, params: { slug }, path: `/api/v1/services/${slug}/availability?${query}` });
const readService = (slug: string) => call(serviceItem.GET, { token: tokens.viewer, params: { slug } });
const log = (body: Record<string, unknown>) => call(incidents.POST, { method: "POST", token: tokens.editor, body: { title: unique("Outage"), severity: "SEV2", ...body } });

describe("a service created now", () => {
  it("has no data for last week, never 100 %, and says from when it is measured", async () => {
    const slug = await freshService();
    const res = await summary(slug, `window=${lastWeek()}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ measuredFrom: null, availability: null, availabilityMaintenanceCounted: null, metTarget: null, errorBudget: null, downtimeSeconds: 0 });
    expect(res.body.measuredSince).toBe((await readService(slug)).body.measuredSince);
  });

  it("computes its current window over the measured part and names where it starts", async () => {
    const slug = await freshService();
    const since = (await readService(slug)).body.measuredSince as string;
    const res = await summary(slug);
    expect(res.body.measuredFrom).toBe(since);
    expect(Date.parse(res.body.window.from)).toBeLessThan(Date.parse(since));
    // The budget is of the measured part: (1 − 0.999) of its length, not of 30 days.
    expect(res.body.errorBudget.budgetSeconds).toBeLessThan(60);
  });

  it("does not claim 26 met weeks: every week before its creation is no data", async () => {
    const slug = await freshService();
    const res = await call(series.GET, { token: tokens.viewer, params: { slug }, path: `/api/v1/services/${slug}/availability/series?bucket=week&count=26` });
    expect(res.status).toBe(200);
    const entries = res.body.entries as { metTarget: boolean | null; availability: number | null; measuredFrom: string | null }[];
    expect(entries).toHaveLength(26);
    expect(entries.slice(0, 25).every((e) => e.metTarget === null && e.availability === null && e.measuredFrom === null)).toBe(true);
    expect(entries.filter((e) => e.metTarget === true).length).toBeLessThanOrEqual(1);
  });

  it("/metrics says from when it is measured", async () => {
    const slug = await freshService();
    const since = Date.parse((await readService(slug)).body.measuredSince);
    const res = await call(metrics.GET as never, { token: tokens.viewer, path: "/metrics" });
    const families = parsePrometheusTextFormat(res.body as string) as { name: string; metrics: { value: string; labels?: Record<string, string> }[] }[];
    const gauge = families.find((f) => f.name === "nines_measured_since_seconds")?.metrics.find((m) => m.labels?.service === slug);
    expect(Number(gauge?.value)).toBe(since / 1000);
  });
});

describe("logging history from before measuredSince", () => {
  it("is refused with the offer to move it back, and moves it to the start of that day when asked", async () => {
    const slug = await freshService();
    const start = Date.now() - 2 * DAY;
    const startedAt = new Date(start).toISOString();
    const resolvedAt = new Date(start + 600_000).toISOString();
    const refused = await log({ startedAt, resolvedAt, impacts: [{ service: slug }] });
    expect(refused.status).toBe(400);
    expect(refused.body.issues[0].path).toBe("moveMeasuredSince");
    expect(refused.body.issues[0].message).toContain(`measure ${slug} from ${formatCivilDate(localDateOf(Date.parse(startedAt), "UTC"))}`);
    expect((await readService(slug)).body.version).toBe(1);

    const moved = await log({ startedAt, resolvedAt, impacts: [{ service: slug }], moveMeasuredSince: true });
    expect(moved.status).toBe(201);
    const service = (await readService(slug)).body;
    const day = localDateOf(Date.parse(startedAt), "UTC");
    expect(service.measuredSince).toBe(`${formatCivilDate(day)}T00:00:00.000Z`);
    expect(service.version).toBe(2);
    // Now it counts: the rolling window has its ten minutes.
    expect((await summary(slug)).body.downtimeSeconds).toBe(600);
  });

  it("a change of an incident's start before it is refused the same way; other edits are not", async () => {
    const slug = await freshService();
    const created = await log({ startedAt: new Date(Date.now() + 1000).toISOString(), impacts: [{ service: slug }] });
    expect(created.status).toBe(201);
    const retitled = await call(incident.PATCH, { method: "PATCH", token: tokens.editor, params: { id: created.body.reference }, body: { title: unique("Renamed"), version: created.body.version } });
    expect(retitled.status).toBe(200);
    const earlier = await call(incident.PATCH, { method: "PATCH", token: tokens.editor, params: { id: created.body.reference }, body: { startedAt: new Date(Date.now() - DAY).toISOString(), version: retitled.body.version } });
    expect(earlier.status).toBe(400);
    expect(earlier.body.issues[0].path).toBe("moveMeasuredSince");
  });
});

describe("importing history from before measuredSince", () => {
  const upload = (csv: string, query: string) => call(importRoute.POST, { method: "POST", token: tokens.editor, rawBody: csv, headers: { "content-type": "text/csv" }, path: `/api/v1/incidents/import?${query}` });

  it("lists the row in the dry run with the offer, and moves it back when asked", async () => {
    const slug = await freshService();
    const csv = `title,severity,started_at,resolved_at,services\nOld outage,SEV2,2026-03-10T10:00:00Z,2026-03-10T10:30:00Z,${slug}\n`;
    const dry = await upload(csv, "dryRun=true");
    expect(dry.status).toBe(200);
    expect(dry.body.errors).toEqual([expect.objectContaining({ line: 2, column: "started_at", message: expect.stringContaining("moveMeasuredSince=true") })]);
    expect((await upload(csv, "dryRun=false")).status).toBe(400);
    const applied = await upload(csv, "dryRun=false&moveMeasuredSince=true");
    expect(applied.status).toBe(200);
    expect(applied.body.created).toHaveLength(1);
    expect((await readService(slug)).body.measuredSince).toBe("2026-03-10T00:00:00.000Z");
  });
});

describe("PATCH measuredSince", () => {
  it("sets it earlier with the version, and last week then has figures", async () => {
    const slug = await freshService();
    const before = (await readService(slug)).body;
    const missing = await call(serviceItem.PATCH, { method: "PATCH", token: tokens.editor, params: { slug }, body: { measuredSince: "2026-01-01T00:00:00Z" } });
    expect(missing.status).toBe(400);
    const res = await call(serviceItem.PATCH, { method: "PATCH", token: tokens.editor, params: { slug }, body: { measuredSince: "2026-01-01T00:00:00Z", version: before.version } });
    expect(res.status).toBe(200);
    expect(res.body.measuredSince).toBe("2026-01-01T00:00:00.000Z");
    const week = await summary(slug, `window=${lastWeek()}`);
    expect(week.body.availability).toBe(1);
    expect(week.body.measuredFrom).toBe(week.body.window.from);
  });

  it("refuses an instant in the future, naming the field", async () => {
    const slug = await freshService();
    const { version } = (await readService(slug)).body;
    const res = await call(serviceItem.PATCH, { method: "PATCH", token: tokens.editor, params: { slug }, body: { measuredSince: new Date(Date.now() + DAY).toISOString(), version } });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe("measuredSince");
  });
});
