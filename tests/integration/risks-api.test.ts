import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/audit/route";
import * as link from "@/app/api/v1/risks/[id]/incidents/[incidentId]/route";
import * as review from "@/app/api/v1/risks/[id]/review/route";
import * as risk from "@/app/api/v1/risks/[id]/route";
import * as matrix from "@/app/api/v1/risks/matrix/route";
import * as risks from "@/app/api/v1/risks/route";
import * as settings from "@/app/api/v1/settings/route";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";

let tokens: Tokens;
let svc: string;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  svc = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.9995 });
});

const DAY = 86_400_000;
const base = () => ({
  title: unique("Primary database fails over"),
  service: svc,
  owner: unique("owner"),
  inherent: { likelihood: "B", consequence: 4 },
  current: { likelihood: "C", consequence: 4 },
  target: { likelihood: "D", consequence: 3 },
});
const create = (body: Record<string, unknown> = {}, token = tokens.editor) => call(risks.POST, { method: "POST", token, body: { ...base(), ...body } });
const get = (id: string) => call(risk.GET, { token: tokens.viewer, params: { id } });

describe("risks API", () => {
  it("creates a risk with every field and answers the computed figures by their names", async () => {
    const res = await create({
      cause: "A disk fills", event: "The primary stops accepting writes", consequence: "Checkout fails",
      treatment: "accept", acceptedBy: "CTO", acceptedUntil: "2027-06-30T00:00:00Z", monitoringDetects: true,
      mitigationPlan: "Alert at 80 %", ettdMinutes: 5, ettrMinutes: 120, ettfDays: 365, impactFraction: 1,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      reference: `RISK-${res.body.number}`,
      service: { slug: svc, sloTarget: 0.9995 },
      inherent: { likelihood: "B", consequence: 4, score: 20, level: "HIGH" },
      current: { likelihood: "C", consequence: 4, score: 19, level: "HIGH" },
      target: { likelihood: "D", consequence: 3, score: 11, level: "MEDIUM" },
      treatment: "accept", acceptedBy: "CTO", acceptedUntil: "2027-06-30T00:00:00.000Z", monitoringDetects: true,
      status: "open", lastReviewedAt: null, reviewOverdue: false, version: 1,
    });
    // The check values in docs/domain.md "Risks": 125.1 bad minutes a year, 47.6 % of a 99.95 % budget (263 min), unacceptable.
    expect(res.body.quantitative.badMinutesPerYear).toBeCloseTo(125.09, 2);
    expect(res.body.quantitative.yearlyBudgetMinutes).toBeCloseTo(262.98, 2);
    expect(res.body.quantitative.budgetShare).toBeCloseTo(0.476, 3);
    expect(res.body.quantitative.unacceptable).toBe(true);
    expect(res.body.quantitative.occurrencesPerYear).toBeCloseTo(1.000685, 6);
    // HIGH: reviewed every 14 days, counted from identification.
    expect(Date.parse(res.body.reviewDueAt) - Date.parse(res.body.identifiedAt)).toBe(14 * DAY);
    expect((await get(res.body.reference)).body.id).toBe(res.body.id);
  });

  it("answers null figures where the estimates are missing, and none for a cross-cutting risk's budget", async () => {
    const res = await create({ service: null, ettdMinutes: 1440, ettrMinutes: 30, impactFraction: 0.02, ettfDays: 90 });
    expect(res.body.service).toBeNull();
    expect(res.body.quantitative).toMatchObject({ yearlyBudgetMinutes: null, budgetShare: null, unacceptable: null });
    expect(res.body.quantitative.badMinutesPerYear).toBeCloseTo(119.3, 1);
    const bare = await create();
    expect(bare.body.quantitative).toEqual({ occurrencesPerYear: null, badMinutesPerYear: null, yearlyBudgetMinutes: expect.closeTo(262.98, 2), budgetShare: null, unacceptable: null });
  });

  it.each([
    [{ current: { likelihood: "C", consequence: 6 } }, "current.consequence"],
    [{ current: { likelihood: "C", consequence: 0 } }, "current.consequence"],
    [{ inherent: { likelihood: "F", consequence: 2 } }, "inherent.likelihood"],
    [{ target: { likelihood: "A", consequence: 5 } }, "target"],
    [{ impactFraction: 0 }, "impactFraction"],
    [{ impactFraction: 1.5 }, "impactFraction"],
    [{ ettfDays: 0 }, "ettfDays"],
    [{ ettfDays: -3 }, "ettfDays"],
    [{ ettdMinutes: -1 }, "ettdMinutes"],
    [{ treatment: "accept", acceptedUntil: "2027-01-01T00:00:00Z" }, "acceptedBy"],
    [{ treatment: "accept", acceptedBy: "CTO" }, "acceptedUntil"],
    [{ treatment: "ignore" }, "treatment"],
    [{ service: "no-such-service" }, "service"],
    [{ title: "" }, "title"],
    [{ identifiedAt: "0000-01-01T00:00:00Z" }, "identifiedAt"],
    [{ colour: "red" }, "colour"],
  ])("refuses %j with a 400 naming %s, writing nothing", async (body, field) => {
    const before = await prisma.risk.count();
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(field);
    expect(await prisma.risk.count()).toBe(before);
  });

  it("checks the whole-risk rules on the merged result of a PATCH, and a stale version gets 409", async () => {
    const created = await create();
    const id = created.body.id;
    const worse = await call(risk.PATCH, { method: "PATCH", token: tokens.editor, params: { id }, body: { current: { likelihood: "E", consequence: 1 }, version: 1 } });
    expect(worse.status).toBe(400);
    expect(worse.body.issues[0]).toMatchObject({ path: "target", message: expect.stringContaining("worse than the current") });
    const accept = await call(risk.PATCH, { method: "PATCH", token: tokens.editor, params: { id }, body: { treatment: "accept", version: 1 } });
    expect(accept.status).toBe(400);
    expect(accept.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(["acceptedBy", "acceptedUntil"]);
    expect((await get(id)).body).toMatchObject({ version: 1, treatment: "mitigate", current: { score: 19 } });
    const ok = await call(risk.PATCH, { method: "PATCH", token: tokens.editor, params: { id }, body: { current: { likelihood: "A", consequence: 5 }, version: 1 } });
    expect(ok.body).toMatchObject({ version: 2, current: { score: 25, level: "CRITICAL" } });
    // CRITICAL: the next review moved to 7 days from identification.
    expect(Date.parse(ok.body.reviewDueAt) - Date.parse(ok.body.identifiedAt)).toBe(7 * DAY);
    const stale = await call(risk.PATCH, { method: "PATCH", token: tokens.admin, params: { id }, body: { title: "Stale", version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain("changed by Test editor");
  });

  it("the database refuses what the API refuses, even written directly", async () => {
    const created = await create();
    const raw = (sql: string) => prisma.$executeRawUnsafe(sql.replace("$id", created.body.id));
    for (const sql of [
      `UPDATE "Risk" SET "currentConsequence" = 6 WHERE id = '$id'`,
      `UPDATE "Risk" SET "impactFraction" = 0 WHERE id = '$id'`,
      `UPDATE "Risk" SET "ettfDays" = 0 WHERE id = '$id'`,
      `UPDATE "Risk" SET "treatment" = 'accept' WHERE id = '$id'`,
      `UPDATE "Risk" SET "targetScore" = 25 WHERE id = '$id'`,
    ]) await expect(raw(sql)).rejects.toThrow(/check constraint/i);
  });

  it("filters by service, level, cell, treatment, owner and overdue review; sorts by score or bad minutes; pages by cursor", async () => {
    const owner = unique("owner");
    const low = await create({ owner, current: { likelihood: "E", consequence: 2 }, target: { likelihood: "E", consequence: 1 }, ettdMinutes: 60, ettrMinutes: 600, ettfDays: 30, impactFraction: 1 });
    const high = await create({ owner, ettdMinutes: 1, ettrMinutes: 1, ettfDays: 365, impactFraction: 0.1 });
    const critical = await create({ owner, current: { likelihood: "A", consequence: 5 }, identifiedAt: new Date(Date.now() - 30 * DAY).toISOString() });
    const list = (q: string) => call(risks.GET, { token: tokens.viewer, path: `/x?owner=${owner}&${q}` }).then((r) => r.body.risks.map((x: { id: string }) => x.id));
    expect(await list("")).toEqual([critical.body.id, high.body.id, low.body.id]);
    expect(await list("sort=badMinutes")).toEqual([low.body.id, high.body.id, critical.body.id]);
    expect(await list("level=HIGH,CRITICAL")).toEqual([critical.body.id, high.body.id]);
    expect(await list("level=LOW&assessment=target")).toEqual([low.body.id]);
    expect(await list("cell=C4")).toEqual([high.body.id]);
    expect(await list("cell=E1&assessment=target")).toEqual([low.body.id]);
    expect(await list("overdue=true")).toEqual([critical.body.id]);
    expect(await list(`service=${svc}&treatment=mitigate`)).toHaveLength(3);
    expect(await list("service=none")).toEqual([]);
    // The LOW risk costs more than the threshold of its budget: the two ranks disagree.
    expect(low.body.rankDisagreement).toMatch(/LOW on the matrix/);
    const first = await call(risks.GET, { token: tokens.viewer, path: `/x?owner=${owner}&limit=2` });
    expect(first.body.total).toBe(3);
    const rest = await call(risks.GET, { token: tokens.viewer, path: `/x?owner=${owner}&limit=2&cursor=${first.body.nextCursor}` });
    expect(rest.body.risks.map((x: { id: string }) => x.id)).toEqual([low.body.id]);
    for (const q of ["level=SEVERE", "cell=F9", "sort=colour", "limit=0", "overdue=maybe", "cursor=nope"]) {
      const bad = await call(risks.GET, { token: tokens.viewer, path: `/x?${q}` });
      expect(bad.status, q).toBe(400);
      expect(bad.body.issues[0].path).toBe(q.split("=")[0]);
    }
  });

  it("counts risks per heat-map cell for each assessment", async () => {
    const owner = unique("owner");
    await create({ owner });
    await create({ owner });
    const heat = (assessment: string) => call(matrix.GET, { token: tokens.viewer, path: `/x?owner=${owner}&assessment=${assessment}` }).then((r) => r.body);
    const current = await heat("current");
    expect(current.cells).toHaveLength(25);
    expect(current.cells.find((c: { likelihood: string; consequence: number }) => c.likelihood === "C" && c.consequence === 4)).toMatchObject({ count: 2, score: 19, level: "HIGH" });
    expect(current.levels).toEqual({ LOW: 0, MEDIUM: 0, HIGH: 2, CRITICAL: 0 });
    expect((await heat("inherent")).cells.find((c: { likelihood: string; consequence: number }) => c.likelihood === "B" && c.consequence === 4).count).toBe(2);
    expect((await heat("target")).levels.MEDIUM).toBe(2);
  });

  it("marks a risk reviewed with a note, sets the next due date, and keeps the review in the history", async () => {
    const created = await create({ identifiedAt: new Date(Date.now() - 40 * DAY).toISOString() });
    expect(created.body.reviewOverdue).toBe(true);
    const res = await call(review.POST, { method: "POST", token: tokens.editor, params: { id: created.body.reference }, body: { note: "Failover drill passed" } });
    expect(res.status).toBe(200);
    expect(res.body.reviewOverdue).toBe(false);
    expect(Date.parse(res.body.reviewDueAt) - Date.parse(res.body.lastReviewedAt)).toBe(14 * DAY);
    const detail = await get(created.body.id);
    expect(detail.body.reviews).toEqual([expect.objectContaining({ note: "Failover drill passed", level: "HIGH", by: "Test editor" })]);
    expect(detail.body.reviewsTotal).toBe(1);
    await call(risk.PATCH, { method: "PATCH", token: tokens.editor, params: { id: created.body.id }, body: { status: "closed", version: res.body.version } });
    const closed = await call(review.POST, { method: "POST", token: tokens.editor, params: { id: created.body.id }, body: {} });
    expect(closed.status).toBe(409);
  });

  it("shows a risk's latest 100 reviews and counts them all", async () => {
    const created = await create();
    expect(created.status).toBe(201);
    for (let i = 0; i < 101; i++) {
      const res = await call(review.POST, { method: "POST", token: tokens.editor, params: { id: created.body.id }, body: { note: `review ${i}` } });
      expect(res.status).toBe(200);
    }
    const detail = await get(created.body.id);
    expect(detail.body.reviews).toHaveLength(100);
    expect(detail.body.reviewsTotal).toBe(101);
    expect(detail.body.reviews[0].note).toBe("review 100");
  });

  it("links and unlinks the incidents that realised it, and calibrates the estimates from them", async () => {
    const created = await create({ ettdMinutes: 10, ettrMinutes: 60, ettfDays: 180, impactFraction: 0.5 });
    const a = await logIncident(tokens.editor, { startedAt: "2026-03-01T10:00:00Z", detectedAt: "2026-03-01T10:20:00Z", resolvedAt: "2026-03-01T11:20:00Z", impacts: [{ service: svc, fraction: 1 }] });
    const b = await logIncident(tokens.editor, { startedAt: "2026-05-30T10:00:00Z", detectedAt: "2026-05-30T10:10:00Z", resolvedAt: "2026-05-30T10:50:00Z", impacts: [{ service: svc, fraction: 0.5 }] });
    for (const inc of [a.body.reference, b.body.id, a.body.reference]) {
      const res = await call(link.PUT, { method: "PUT", token: tokens.editor, params: { id: created.body.id, incidentId: inc } });
      expect(res.status).toBe(200);
    }
    const detail = await get(created.body.id);
    expect(detail.body.incidentCount).toBe(2);
    expect(detail.body.incidents.map((i: { reference: string }) => i.reference)).toEqual([b.body.reference, a.body.reference]);
    expect(detail.body.calibration).toMatchObject({
      incidents: 2,
      ettdMinutes: { observed: 15, count: 2 },
      ettrMinutes: { observed: 50, count: 2 },
      ettfDays: { observed: 90, count: 1 },
      impactFraction: { observed: 0.75, count: 2 },
    });
    expect(detail.body.calibration.badMinutesPerYear).toBeCloseTo(65 * 0.75 * (365.25 / 90), 9);
    expect((await call(link.DELETE, { method: "DELETE", token: tokens.editor, params: { id: created.body.id, incidentId: a.body.reference } })).status).toBe(200);
    expect((await call(link.DELETE, { method: "DELETE", token: tokens.editor, params: { id: created.body.id, incidentId: a.body.reference } })).status).toBe(404);
    expect((await call(link.PUT, { method: "PUT", token: tokens.editor, params: { id: created.body.id, incidentId: "INC-999999999" } })).status).toBe(404);
    expect((await get(created.body.id)).body.incidentCount).toBe(1);
  });

  it("a viewer reads but cannot write; every write is audited", async () => {
    expect((await create({}, tokens.viewer)).status).toBe(403);
    const created = await create();
    const id = created.body.id;
    const inc = await logIncident(tokens.editor, { startedAt: "2026-04-01T10:00:00Z", resolvedAt: "2026-04-01T11:00:00Z", impacts: [{ service: svc }] });
    const asViewer = [
      call(risk.PATCH, { method: "PATCH", token: tokens.viewer, params: { id }, body: { title: "x", version: 1 } }),
      call(risk.DELETE, { method: "DELETE", token: tokens.viewer, params: { id } }),
      call(review.POST, { method: "POST", token: tokens.viewer, params: { id }, body: {} }),
      call(link.PUT, { method: "PUT", token: tokens.viewer, params: { id, incidentId: inc.body.id } }),
    ];
    for (const res of await Promise.all(asViewer)) expect(res.status).toBe(403);
    expect((await get(id)).body.version).toBe(1);
    await call(risk.PATCH, { method: "PATCH", token: tokens.editor, params: { id }, body: { owner: "sre", version: 1 } });
    await call(review.POST, { method: "POST", token: tokens.editor, params: { id }, body: { note: "ok" } });
    await call(link.PUT, { method: "PUT", token: tokens.editor, params: { id, incidentId: inc.body.id } });
    await call(link.DELETE, { method: "DELETE", token: tokens.editor, params: { id, incidentId: inc.body.id } });
    expect((await call(risk.DELETE, { method: "DELETE", token: tokens.editor, params: { id } })).status).toBe(200);
    expect((await get(id)).status).toBe(404);
    const trail = await call(audit.GET, { token: tokens.admin, path: `/x?entityType=risk&entityId=${id}` });
    expect(trail.body.events.map((e: { action: string }) => e.action)).toEqual(["delete", "unlink_incident", "link_incident", "review", "update", "create"]);
  });

  it("exports the register as CSV with every field and computed figure", async () => {
    const owner = unique("owner");
    await create({ owner, title: "=HYPERLINK(\"x\")", ettdMinutes: 5, ettrMinutes: 120, ettfDays: 365, impactFraction: 1 });
    const res = await call(risks.GET, { token: tokens.viewer, path: `/x?owner=${owner}&format=csv` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const [header, row] = (res.body as string).trim().split("\r\n");
    const cols = (header as string).split(",");
    for (const name of ["reference", "current_score", "current_level", "bad_minutes_per_year", "budget_share", "unacceptable", "mitigation_plan", "accepted_until"]) expect(cols).toContain(name);
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain("125.0856");
  });

  it("an admin edits the review cadence; open risks' next reviews move with it", async () => {
    const created = await create();
    const read = await call(settings.GET, { token: tokens.admin });
    expect(read.body.riskReviewCadence).toEqual({ CRITICAL: 7, HIGH: 14, MEDIUM: 30, LOW: 90 });
    expect((await call(settings.PATCH, { method: "PATCH", token: tokens.editor, body: { riskReviewCadence: { HIGH: 3 }, version: read.body.version } })).status).toBe(403);
    const bad = await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { riskReviewCadence: { HIGH: 0 }, version: read.body.version } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe("riskReviewCadence.HIGH");
    const changed = await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { riskReviewCadence: { HIGH: 3 }, version: read.body.version } });
    try {
      expect(changed.body.riskReviewCadence.HIGH).toBe(3);
      const after = await get(created.body.id);
      expect(Date.parse(after.body.reviewDueAt) - Date.parse(after.body.identifiedAt)).toBe(3 * DAY);
    } finally {
      await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { riskReviewCadence: { HIGH: read.body.riskReviewCadence.HIGH }, version: changed.body.version } });
    }
  });
});
