import { beforeAll, describe, expect, it } from "vitest";
import * as evaluate from "@/app/api/v1/budget-policy/evaluate/route";
import * as freezes from "@/app/api/v1/freezes/route";
import * as lift from "@/app/api/v1/freezes/[id]/lift/route";
import * as review from "@/app/api/v1/reviews/[week]/route";
import { isoWeekOf } from "@/lib/domain/civil-date";
import * as incident from "@/app/api/v1/incidents/[id]/route";
import * as servicePolicy from "@/app/api/v1/services/[slug]/budget-policy/route";
import * as gate from "@/app/api/v1/services/[slug]/gate/route";
import * as deploys from "@/app/api/v1/services/[slug]/gate/deploys/route";
import * as exceptions from "@/app/api/v1/services/[slug]/gate/exceptions/route";
import * as tierPolicy from "@/app/api/v1/tiers/[id]/budget-policy/route";
import { prisma } from "@/lib/server/db";
import { evaluatePolicyOnce } from "@/lib/server/policy-evaluator";
import { call } from "../support/api";
import { ownDatabaseForFile } from "../support/database";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";

// The evaluator reads every service of the organisation: this file has a database of its own.
await ownDatabaseForFile();

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});

/** This ISO week's review (the organisation's zone is UTC in this file's own database). */
async function reviewedFreezes(slug: string, token: string): Promise<{ changeCount: number; texts: string[] }> {
  const d = new Date();
  const { isoYear, week } = isoWeekOf({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  const res = await call(review.GET, { token, params: { week: `${isoYear}-W${String(week).padStart(2, "0")}` }, path: "/x" });
  expect(res.status).toBe(200);
  const entry = (res.body.services as { slug: string; changeCount: number; freezes: { text: string }[] }[]).find((e) => e.slug === slug);
  return { changeCount: entry?.changeCount ?? -1, texts: entry?.freezes.map((f) => f.text) ?? [] };
}

const gateOf = (slug: string, token: string, release?: string) =>
  call(gate.GET, { token, params: { slug }, path: `/api/v1/services/${slug}/gate${release ? `?release=${encodeURIComponent(release)}` : ""}` });

/** A 99.9 % service over a rolling 30 days (a budget of 2,592 s) with one incident fully down for `downMs`, `agoMs` ago. */
async function serviceWithOutage(downMs: number, agoMs: number, now: number) {
  const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "rolling:30d" });
  const startedAt = now - agoMs;
  const res = await logIncident(tokens.editor, { startedAt: new Date(startedAt).toISOString(), resolvedAt: new Date(startedAt + downMs).toISOString(), impacts: [{ service: slug, fraction: 1 }] });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { slug, startedAt, incidentId: res.body.id as string };
}

describe("the error-budget policy and the release gate", () => {
  it("freezes a service whose budget is spent: the gate says so, with why and until when", async () => {
    const now = Date.now();
    const { slug, startedAt } = await serviceWithOutage(2 * HOUR, 3 * DAY, now);
    // Before the evaluator has looked, the stored state is normal: the gate answers from it.
    expect((await gateOf(slug, tokens.viewer)).body).toMatchObject({ allowed: true, state: "normal", evaluatedAt: null });
    await evaluatePolicyOnce(now);
    const res = await gateOf(slug, tokens.viewer);
    expect(res.status).toBe(200);
    expect(res.body.allowed).toBe(false);
    expect(res.body.state).toBe("frozen");
    expect(res.body.reasons.join("\n")).toContain("availability: budget spent: 277.8 % of it used");
    expect(res.body.slos).toEqual([{ id: expect.any(String), name: "availability", state: "frozen", remainingRatio: expect.closeTo(1 - 7200 / 2592, 4) }]);
    // 7,200 s spent, 2,592 s allowed: 4,608 s must leave the window, i.e. the outage's first
    // 4,608 s; the window forgets them 30 days after they happened.
    expect(Date.parse(res.body.until)).toBe(startedAt + 4608 * 1000 + 30 * DAY);
    expect(res.body.evaluatedAt).toBe(new Date(now).toISOString());
    const stored = await prisma.freeze.findMany({ where: { service: { slug } } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.reason).toContain("availability: budget spent");
    // A second evaluation keeps the one freeze.
    await evaluatePolicyOnce(now + MIN);
    expect(await prisma.freeze.count({ where: { service: { slug } } })).toBe(1);
  });

  it("is caution under a quarter of the budget left, normal with more", async () => {
    const now = Date.now();
    const caution = await serviceWithOutage(2200_000, DAY, now); // 2,200 s of 2,592: 15 % left
    const normal = await serviceWithOutage(10 * MIN, DAY, now);
    await evaluatePolicyOnce(now);
    expect((await gateOf(caution.slug, tokens.viewer)).body).toMatchObject({ allowed: true, state: "caution" });
    expect((await gateOf(caution.slug, tokens.viewer)).body.reasons.join("\n")).toContain("15.1 % of the budget left, below 25 %");
    expect((await gateOf(normal.slug, tokens.viewer)).body).toMatchObject({ allowed: true, state: "normal", reasons: [], until: null });
  });

  it("lets one urgent release through a freeze with a recorded exception, once, and records the deploy", async () => {
    const now = Date.now();
    const { slug } = await serviceWithOutage(3 * HOUR, DAY, now);
    await evaluatePolicyOnce(now);
    const asked = await gateOf(slug, tokens.viewer, "v2.0.1");
    expect(asked.body.allowed).toBe(false);
    expect(asked.body.reasons.join("\n")).toContain("No exception is recorded for release v2.0.1");
    expect((await call(exceptions.POST, { method: "POST", token: tokens.viewer, params: { slug }, body: { reason: "fix", release: "v2.0.1" } })).status).toBe(403);
    const bad = await call(exceptions.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { reason: "", release: "v2.0.1" } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ path: "reason", message: "Say why" }]);
    const made = await call(exceptions.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { reason: "Fixes the outage's cause", release: "v2.0.1" } });
    expect(made.status).toBe(201);
    // Reading the gate changes nothing: the exception stays unspent however often it is asked.
    for (let i = 0; i < 2; i += 1) expect((await gateOf(slug, tokens.viewer, "v2.0.1")).body.allowed).toBe(true);
    expect((await gateOf(slug, tokens.viewer)).body.allowed).toBe(false);
    expect((await gateOf(slug, tokens.viewer, "v2.0.2")).body.allowed).toBe(false);
    expect((await prisma.gateException.findUniqueOrThrow({ where: { id: made.body.id } })).usedAt).toBeNull();
    expect((await call(servicePolicy.GET, { token: tokens.viewer, params: { slug } })).body.openExceptions).toEqual([expect.objectContaining({ release: "v2.0.1", usedAt: null })]);
    const shipped = await call(deploys.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { release: "v2.0.1" } });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(201);
    expect(shipped.body.exceptionId).toBe(made.body.id);
    const change = await prisma.change.findUniqueOrThrow({ where: { id: shipped.body.change.id } });
    expect(change).toMatchObject({ kind: "deploy", release: "v2.0.1", source: "gate" });
    // The week's review counts the deploy the gate let through and says the service is frozen.
    const reviewed = await reviewedFreezes(slug, tokens.viewer);
    expect(reviewed.changeCount).toBe(1);
    expect(reviewed.texts).toEqual([expect.stringMatching(/^frozen since \d{4}-\d\d-\d\d \d\d:\d\d UTC, recovers when /)]);
    // Spent: the same release is refused now, and a second deploy of it is a 409 naming the release.
    expect((await gateOf(slug, tokens.viewer, "v2.0.1")).body.allowed).toBe(false);
    const again = await call(deploys.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { release: "v2.0.1" } });
    expect(again.status).toBe(409);
    expect(again.body.issues).toEqual([{ path: "release", message: "not allowed while frozen without an exception" }]);
  });

  it("counts only exceptions recorded during the freeze, and spends none while the service is not frozen", async () => {
    const now = Date.now();
    const { slug } = await serviceWithOutage(3 * HOUR, DAY, now);
    const early = await call(exceptions.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { reason: "Recorded before any freeze", release: "v3.0.0" } });
    expect(early.status).toBe(201);
    // Not frozen yet (never evaluated): a deploy ships without spending the exception.
    const shipped = await call(deploys.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { release: "v3.0.0" } });
    expect(shipped.body.exceptionId).toBeNull();
    expect((await prisma.gateException.findUniqueOrThrow({ where: { id: early.body.id } })).usedAt).toBeNull();
    await evaluatePolicyOnce(Date.now());
    // Frozen now: the exception from before the freeze lets nothing through, and is not offered.
    expect((await gateOf(slug, tokens.viewer, "v3.0.0")).body.allowed).toBe(false);
    expect((await call(servicePolicy.GET, { token: tokens.viewer, params: { slug } })).body.openExceptions).toEqual([]);
    expect((await call(deploys.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { release: "v3.0.0" } })).status).toBe(409);
  });

  it("opens one freeze however many evaluations run at once", async () => {
    const now = Date.now();
    const { slug } = await serviceWithOutage(2 * HOUR, DAY, now);
    await Promise.all([evaluatePolicyOnce(now), evaluatePolicyOnce(now), evaluatePolicyOnce(now, slug)]);
    expect(await prisma.freeze.count({ where: { service: { slug } } })).toBe(1);
  });

  it("answers 404 for an unknown service, never allowed", async () => {
    const res = await gateOf("no-such-service", tokens.viewer);
    expect(res.status).toBe(404);
    expect(res.body.allowed).toBeUndefined();
    expect((await call(gate.GET, { token: null, params: { slug: "x" } })).status).toBe(401);
  });

  it("lifts a freeze early only for an admin, with the reason audited; the lift holds while the same SLO stays frozen", async () => {
    const now = Date.now();
    const { slug } = await serviceWithOutage(2 * HOUR, 2 * DAY, now);
    await evaluatePolicyOnce(now);
    const freeze = await prisma.freeze.findFirstOrThrow({ where: { service: { slug }, endedAt: null } });
    expect((await call(lift.POST, { method: "POST", token: tokens.editor, params: { id: freeze.id }, body: { reason: "launch" } })).status).toBe(403);
    const lifted = await call(lift.POST, { method: "POST", token: tokens.admin, params: { id: freeze.id }, body: { reason: "Launch agreed with the VP; watched closely" } });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ liftReason: "Launch agreed with the VP; watched closely", liftedBy: expect.stringMatching(/^token:/), endedAt: expect.any(String) });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "freeze", entityId: freeze.id, action: "lift" } });
    expect(audit.actorLabel).toBe(lifted.body.liftedBy);
    expect((audit.after as { liftReason: string }).liftReason).toBe("Launch agreed with the VP; watched closely");
    expect((await gateOf(slug, tokens.viewer)).body).toMatchObject({ allowed: true, state: "caution" });
    await evaluatePolicyOnce(now + MIN);
    expect((await gateOf(slug, tokens.viewer)).body.state).toBe("caution");
    expect(await prisma.freeze.count({ where: { service: { slug } } })).toBe(1);
    expect((await call(lift.POST, { method: "POST", token: tokens.admin, params: { id: freeze.id }, body: { reason: "again" } })).status).toBe(409);
    expect((await reviewedFreezes(slug, tokens.viewer)).texts).toEqual([expect.stringContaining(`lifted early by ${lifted.body.liftedBy} at `)]);
    const listed = await call(freezes.GET, { token: tokens.viewer, path: `/api/v1/freezes?service=${slug}` });
    expect(listed.body).toMatchObject({ total: 1, freezes: [{ id: freeze.id, liftedBy: lifted.body.liftedBy }] });
    expect((await call(freezes.GET, { token: tokens.viewer, path: "/api/v1/freezes?service=no-such-service" })).body.issues).toEqual([{ path: "service", message: "No service has the slug 'no-such-service'" }]);
  });

  it("requires a postmortem of an incident that cost more than the policy's share", async () => {
    const now = Date.now();
    const big = await serviceWithOutage(HOUR, 2 * DAY, now); // 3,600 of 2,592 s: 138.9 %
    const small = await serviceWithOutage(5 * MIN, 2 * DAY, now); // 300 s: 11.6 %
    await evaluatePolicyOnce(now);
    const read = (id: string) => call(incident.GET, { token: tokens.viewer, params: { id } });
    const required = await prisma.incident.findUniqueOrThrow({ where: { id: big.incidentId } });
    expect(required.postmortemDueAt?.getTime()).toBe(big.startedAt + HOUR + 5 * DAY);
    expect(required.postmortemReason).toContain("It cost 138.9 % of");
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: small.incidentId } })).postmortemDueAt).toBeNull();
    expect((await read(big.incidentId)).status).toBe(200);
  });

  it("checks an incident again when an edit changes what it cost, and only then", async () => {
    const now = Date.now();
    const { slug, startedAt, incidentId } = await serviceWithOutage(5 * MIN, 2 * DAY, now); // 300 s: 11.6 %, none required
    await evaluatePolicyOnce(now);
    const stored = () => prisma.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { postmortemDueAt: true, postmortemReason: true, version: true } });
    expect(await stored()).toMatchObject({ postmortemDueAt: null, postmortemReason: "" });
    const edit = async (body: Record<string, unknown>) => {
      const res = await call(incident.PATCH, { method: "PATCH", token: tokens.editor, params: { id: incidentId }, body: { version: (await stored()).version, ...body } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    await edit({ title: `Retitled ${slug}` });
    expect((await stored()).postmortemReason).toBe(""); // a new title costs nothing
    // It turns out the outage lasted an hour: 3,600 of 2,592 s.
    await edit({ resolvedAt: new Date(startedAt + HOUR).toISOString() });
    expect((await stored()).postmortemReason).toBeNull();
    await evaluatePolicyOnce(now);
    const after = await stored();
    expect(after.postmortemDueAt?.getTime()).toBe(startedAt + HOUR + 5 * DAY);
    expect(after.postmortemReason).toContain("It cost 138.9 % of");
    // A requirement made stands when a later edit makes it cheaper.
    await edit({ resolvedAt: new Date(startedAt + 5 * MIN).toISOString() });
    await evaluatePolicyOnce(now);
    expect((await stored()).postmortemDueAt?.getTime()).toBe(startedAt + HOUR + 5 * DAY);
  });

  it("takes a tier's policy with a service's overrides, refusing incoherent ones and non-admins", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.99, sloWindow: "month", ownTier: true });
    const service = await prisma.service.findUniqueOrThrow({ where: { slug }, select: { tierId: true } });
    const id = service.tierId;
    expect((await call(tierPolicy.GET, { token: tokens.viewer, params: { id } })).body).toMatchObject({ isDefault: true, policy: { cautionBelow: 0.25, freezeAtOrBelow: 0, postmortemDays: 5 } });
    const policy = { cautionBelow: 0.5, freezeAtOrBelow: 0.1, cautionOnBurn: "any_burn", freezeOnBurn: "fast_burn", postmortemAbove: 0.1, postmortemDays: 3 };
    expect((await call(tierPolicy.PUT, { method: "PUT", token: tokens.editor, params: { id }, body: policy })).status).toBe(403);
    const wrong = await call(tierPolicy.PUT, { method: "PUT", token: tokens.admin, params: { id }, body: { ...policy, cautionBelow: 1.5 } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.issues).toEqual([{ path: "cautionBelow", message: "The caution threshold must be at most 1 (100 %)" }]);
    const incoherent = await call(tierPolicy.PUT, { method: "PUT", token: tokens.admin, params: { id }, body: { ...policy, cautionBelow: 0.1 } });
    expect(incoherent.body.issues).toEqual([{ path: "cautionBelow", message: "The caution threshold must be above the freezing threshold" }]);
    expect((await call(tierPolicy.PUT, { method: "PUT", token: tokens.admin, params: { id }, body: policy })).body).toMatchObject({ isDefault: false, policy });
    const overridden = await call(servicePolicy.PATCH, { method: "PATCH", token: tokens.admin, params: { slug }, body: { postmortemDays: 10 } });
    expect(overridden.status).toBe(200);
    expect(overridden.body.policy).toEqual({ ...policy, postmortemDays: 10 });
    expect(overridden.body.overrides.postmortemDays).toBe(10);
    const cleared = await call(servicePolicy.PATCH, { method: "PATCH", token: tokens.admin, params: { slug }, body: { postmortemDays: null } });
    expect(cleared.body.policy).toEqual(policy);
    expect(await prisma.auditEvent.count({ where: { action: "update_budget_policy", entityId: { in: [id] } } })).toBe(1);
    expect((await call(evaluate.POST, { method: "POST", token: tokens.editor })).status).toBe(403);
    expect((await call(evaluate.POST, { method: "POST", token: tokens.admin })).status).toBe(200);
    expect((await call(evaluate.POST, { method: "POST", token: tokens.admin, path: `/api/v1/budget-policy/evaluate?service=${slug}` })).body).toEqual({ slos: 0, services: 0, postmortems: 0 });
    expect((await call(evaluate.POST, { method: "POST", token: tokens.admin, path: "/api/v1/budget-policy/evaluate?service=no-such-service" })).status).toBe(404);
  });
});
