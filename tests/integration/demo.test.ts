import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as actionItems from "@/app/api/v1/action-items/route";
import * as audit from "@/app/api/v1/audit/route";
import * as availability from "@/app/api/v1/availability/route";
import * as incident from "@/app/api/v1/incidents/[id]/route";
import * as incidents from "@/app/api/v1/incidents/route";
import * as review from "@/app/api/v1/reviews/[week]/route";
import * as reviews from "@/app/api/v1/reviews/route";
import * as risk from "@/app/api/v1/risks/[id]/route";
import * as risks from "@/app/api/v1/risks/route";
import * as services from "@/app/api/v1/services/route";
import * as serviceSlos from "@/app/api/v1/services/[slug]/slos/route";
import * as sloAvailability from "@/app/api/v1/slos/[id]/availability/route";
import { prisma } from "@/lib/server/db";
import { statusSnapshot } from "@/lib/server/status-snapshot";
import { fillDemo } from "@/lib/server/demo";
import { SCENARIOS } from "@/lib/server/demo/data/incidents";
import { PEOPLE } from "@/lib/server/demo/data/organisation";
import { RISKS } from "@/lib/server/demo/data/risks";
import { call, type AnyRoute } from "../support/api";
import { ownDatabaseForFile } from "../support/database";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";

// An empty installation of its own: the demo fills only an empty one.
const databaseUrl = await ownDatabaseForFile();
const ROOT = path.resolve(import.meta.dirname, "../..");
// A Wednesday: its week's review is open, the three before it were held on their Tuesdays.
const AS_OF = "2026-11-25T12:00:00.000Z";

/** `npm run demo`, as a person runs it, against this file's database. */
function demo(...args: string[]) {
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/demo.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, NINES_FLEET_WORKERS: "0" },
    // Alone it takes about a minute; beside the build, the browser tests and the other worker
    // its 34 incidents alone took 99 s.
    timeout: 420_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

let tokens: Tokens;
let first: ReturnType<typeof demo>;
beforeAll(async () => {
  // An admin first, as after the setup page: the demo's probes are made in their name.
  ({ tokens } = await tokensForAllRoles());
  first = demo(`--as-of=${AS_OF}`);
}, 450_000);

const get = async (handler: AnyRoute, query = "", params?: Record<string, string>) => {
  const res = await call(handler, { token: tokens.viewer, path: `/x${query}`, params });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe("npm run demo", () => {
  it("fills an empty installation found through DATABASE_URL, then refuses to fill it again, saying what it holds", async () => {
    expect(first.status, first.output).toBe(0);
    expect(first.output).toMatch(/done in \d+\.\d s/);
    const again = demo();
    expect(again.status).toBe(1);
    expect(again.output).toContain("This installation is not empty (12 services, 34 incidents, 10 risks, 19 action items, 4 reviews, 2 probes)");
    await expect(fillDemo({ requestedBy: null })).rejects.toMatchObject({ status: 409, message: expect.stringContaining("not empty (12 services") });
    expect(demo("--as-of=tomorrow").output).toContain("--as-of must be an instant in the past");
  });

  it("writes twelve services on three tiers, each with figures and none failing", async () => {
    const listed = (await get(services.GET)).services as { slug: string; tier: { rank: number }; owner: string }[];
    expect(listed).toHaveLength(12);
    expect(new Set(listed.map((s) => s.tier.rank))).toEqual(new Set([1, 2, 3]));
    const figures = (await get(availability.GET, `?asOf=${AS_OF}`)).services as { error?: unknown; errorBudget: { state: string } }[];
    expect(figures).toHaveLength(12);
    expect(figures.filter((f) => f.error)).toEqual([]);
    // A believable organisation is not all green: something has overspent, something is burning now.
    const states = new Set(figures.map((f) => f.errorBudget.state));
    expect(states.has("overspent") && states.has("healthy")).toBe(true);
  });

  it("writes six months of incidents with timelines by their responders, one still going on, one maintenance scheduled ahead", async () => {
    const body = await get(incidents.GET, "?limit=200");
    const all = body.incidents as { reference: string; status: string; phase: string; startedAt: string; resolvedAt: string | null; kind: string }[];
    expect(all).toHaveLength(SCENARIOS.reduce((n, s) => n + s.daysAgo.length, 0) + 2);
    expect(all.filter((i) => i.phase === "ongoing")).toHaveLength(1);
    // Planned three nights after the demo's instant (a week ago here, so it is over by now).
    const planned = all.filter((i) => i.status === "scheduled");
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ kind: "maintenance", startedAt: "2026-11-28T02:00:00.000Z", resolvedAt: "2026-11-28T03:30:00.000Z" });
    const oldest = Math.min(...all.map((i) => Date.parse(i.startedAt)));
    expect(Date.parse(AS_OF) - oldest).toBeGreaterThan(170 * 86_400_000);
    expect(all.some((i) => i.kind === "maintenance")).toBe(true);
    // INC-1 is the oldest; a SEV1 has a timeline typed by several people, none of them an account.
    const sev1 = all.find((i) => (i as { severity?: string }).severity === "SEV1") as { reference: string };
    const detail = await get(incident.GET, "", { id: sev1.reference });
    const authors = new Set((detail.timeline as { author: string; message: string }[]).filter((e) => e.message).map((e) => e.author));
    expect(authors.size).toBeGreaterThan(1);
    for (const name of authors) expect(Object.values(PEOPLE)).toContain(name);
    expect(detail.postmortem).toMatch(/^## Summary/);
    expect(detail.actionItems.length).toBeGreaterThan(0);
  });

  it("writes the risk register with its reviews held in the past and the incidents that realised each risk", async () => {
    const open = await get(risks.GET, "?status=open&limit=100");
    const closed = await get(risks.GET, "?status=closed&limit=100");
    expect(open.total + closed.total).toBe(RISKS.length);
    const payment = (open.risks as { id: string; title: string }[]).find((r) => r.title === "A single payment provider") as { id: string };
    const detail = await get(risk.GET, "", { id: payment.id });
    const data = RISKS.find((r) => r.key === "payment-provider");
    expect(detail.reviews.map((r: { note: string; by: string }) => [r.note, r.by])).toEqual(data?.reviews.map((r) => [r.note, PEOPLE[r.by]]).reverse());
    const heldDaysAgo = detail.reviews.map((r: { at: string }) => Math.round((Date.parse(AS_OF) - Date.parse(r.at)) / 86_400_000));
    expect(heldDaysAgo).toEqual(data?.reviews.map((r) => r.daysAgo).reverse());
    expect(detail.incidents).toHaveLength(SCENARIOS.find((s) => s.key === "payment-timeouts")?.daysAgo.length ?? -1);
    expect(detail.actionItems.length).toBe(data?.actions?.length);
  });

  it("holds the last three weeks' reviews on their Tuesdays, and one lists a correction made after it", async () => {
    const weeks = (await get(reviews.GET)).weeks as { week: string; state: string; closedBy: string | null; closedAt: string | null; headline: { met: number; missed: number } | null }[];
    const held = weeks.filter((w) => w.state === "closed");
    expect(held.map((w) => w.week)).toEqual(["2026-W47", "2026-W46", "2026-W45"]);
    for (const w of held) {
      expect(w.closedBy).toBe(PEOPLE.priya);
      expect(new Date(w.closedAt as string).getUTCDay()).toBe(2); // a Tuesday
      expect((w.headline?.met ?? 0) + (w.headline?.missed ?? 0)).toBe(12);
    }
    expect(weeks.find((w) => w.week === "2026-W48")?.state).toBe("open");
    const corrections = [];
    for (const w of held) {
      const body = await get(review.GET, "", { week: w.week });
      expect(body.notes).toContain("## Incidents");
      corrections.push(...(body.changes as { message: string }[]).filter((c) => /end was corrected/.test(c.message)));
    }
    expect(corrections).toHaveLength(1);
  });

  it("writes follow-up work from incidents and risks, and one audit event that says the demo filled the installation", async () => {
    const items = (await get(actionItems.GET, "?limit=200")).actionItems as { status: string; incident: unknown; risk: unknown }[];
    expect(items).toHaveLength(19);
    expect(items.some((i) => i.incident) && items.some((i) => i.risk)).toBe(true);
    expect(new Set(items.map((i) => i.status))).toContain("done");
    const trail = await call(audit.GET, { token: tokens.admin, path: "/x?entityType=organisation" });
    expect(trail.body.events).toHaveLength(1);
    expect(trail.body.events[0]).toMatchObject({ action: "fill_demo", actor: "system", after: { filled: { services: 12, incidents: 34 } } });
  });

  it("writes two paused probes with three months of runs, older ones kept as hours, and the SLOs they measure", async () => {
    const probes = await prisma.probe.findMany({ select: { id: true, enabled: true, url: true } });
    expect(probes.map((p) => [p.enabled, new URL(p.url).hostname.endsWith(".example")])).toEqual([[false, true], [false, true]]);
    // Every closed hour kept in its day's row (90 days, so 90 or 91 rows a probe); runs only for
    // the last three days and the open hour (the SLOs' burn rates look back three days).
    expect(await prisma.probeDay.count()).toBeGreaterThanOrEqual(2 * 90);
    expect(await prisma.probeDay.count()).toBeLessThanOrEqual(2 * 91);
    expect(await prisma.probeRun.count()).toBeLessThan(2 * (3 * 1440 + 2 * 60));
    const slos = (await get(serviceSlos.GET, "", { slug: "checkout" })).slos as { id: string; name: string; sli: { source: string } }[];
    const health = slos.find((x) => x.name === "health-check") as { id: string };
    // A run a minute: 30 days of them in the SLO's window, 90 days over a quarter (from the kept hours), nothing unknown.
    const month = await get(sloAvailability.GET, `?asOf=${AS_OF}`, { id: health.id });
    expect(month).toMatchObject({ total: 30 * 1440, unknownSeconds: 0 });
    expect(month.sli).toBeGreaterThan(0.99);
    expect(month.sli).toBeLessThan(1);
    const quarter = await get(sloAvailability.GET, `?asOf=${AS_OF}&window=rolling:90d`, { id: health.id });
    expect(quarter).toMatchObject({ total: 90 * 1440, unknownSeconds: 0 });
  });
  it("writes a Prometheus datasource (the demo's, away) and an SLO with three months of history kept as Nines keeps it", async () => {
    const ds = await prisma.datasource.findMany({ select: { name: true, url: true } });
    expect(ds).toEqual([{ name: "prometheus-main", url: "http://prometheus.shop.example:9090" }]);
    const slos = (await get(serviceSlos.GET, "", { slug: "checkout" })).slos as { id: string; name: string }[];
    const success = slos.find((x) => x.name === "checkout-success") as { id: string };
    const month = await get(sloAvailability.GET, `?asOf=${AS_OF}`, { id: success.id });
    expect(month).toMatchObject({ unit: "events", unknownSeconds: 0 });
    expect(month.sli).toBeGreaterThan(0.99);
    expect(month.sli).toBeLessThan(1);
    // A day of minutes, then hours to a month back, then days: a few thousand rows, not 129,600.
    const rows = await prisma.sloBucket.count({ where: { sloId: success.id } });
    expect(rows).toBeGreaterThan(1440);
    expect(rows).toBeLessThan(1440 + 31 * 24 + 62);
    // The checkout's incidents are in its history: merged weeks still say where it saw bad.
    expect(await prisma.sloSpan.count({ where: { sloId: success.id, kind: "bad" } })).toBeGreaterThan(0);
  });

  it("publishes a status page of four components; it names no internal title or service", async () => {
    const { snapshot } = await statusSnapshot();
    expect(snapshot?.components.map((c) => c.name)).toEqual(["Checkout and payments", "Search and catalogue", "Sign-in", "Partner API"]);
    const titles = (await prisma.incident.findMany({ select: { title: true } })).map((i) => i.title);
    const text = JSON.stringify(snapshot);
    for (const title of titles) expect(text).not.toContain(title);
    expect(text).not.toContain("api-gateway");
  });
});
