import { beforeAll, describe, expect, it, vi } from "vitest";
import * as incidentItem from "@/app/api/v1/incidents/[id]/route";
import * as integrations from "@/app/api/v1/integrations/route";
import * as close from "@/app/api/v1/reviews/[week]/close/route";
import * as reopen from "@/app/api/v1/reviews/[week]/reopen/route";
import * as review from "@/app/api/v1/reviews/[week]/route";
import * as reviews from "@/app/api/v1/reviews/route";
import * as riskReview from "@/app/api/v1/risks/[id]/review/route";
import * as riskItem from "@/app/api/v1/risks/[id]/route";
import * as risks from "@/app/api/v1/risks/route";
import * as settings from "@/app/api/v1/settings/route";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { TimelineEntryData } from "@/lib/schemas/stored";
import { call } from "../support/api";
import { allReviewWeeks, tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";

// Stored JSON is read with the schema of the version it was written in: rows written before
// versions existed (no schemaVersion) read as version 1, and a row that does not read is a 500
// whose logged error names the row and the field, never a silent default.

let tokens: Tokens;
let svc: string;
// A week of its own: no other test reviews it.
const WEEK = "2025-W22";

beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  svc = await makeService(tokens.editor, tokens.admin);
  await prisma.review.deleteMany({ where: { week: WEEK } });
});

/** The message of the error the server logged for a 500. */
async function loggedError(run: () => Promise<{ status: number; body: { error: string } }>): Promise<string> {
  const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const res = await run();
    expect(res.status).toBe(500);
    expect(res.body.error).toBe("internal_error");
    const err = logged.mock.calls.map((args) => args[1]).find((a): a is Error => a instanceof Error);
    return err?.message ?? "";
  } finally {
    logged.mockRestore();
  }
}

const withoutVersion = (value: unknown, written = 1) => {
  const { schemaVersion, ...rest } = value as { schemaVersion?: number };
  expect(schemaVersion).toBe(written);
  return rest;
};

describe("stored JSON", () => {
  it("a closed review's snapshot and headline: written with their version, read without one, refused when damaged", async () => {
    await logIncident(tokens.editor, { startedAt: "2025-05-27T10:00:00Z", resolvedAt: "2025-05-27T10:30:00Z", impacts: [{ service: svc }] });
    const started = await call(reviews.POST, { method: "POST", token: tokens.editor, body: { week: WEEK } });
    const closed = await call(close.POST, { method: "POST", token: tokens.editor, params: { week: WEEK }, body: { version: started.body.version } });
    expect(closed.status).toBe(200);
    const get = () => call(review.GET, { token: tokens.viewer, params: { week: WEEK } });
    const row = await prisma.review.findUniqueOrThrow({ where: { week: WEEK } });
    // As a row closed before the versions were written looks.
    await prisma.review.update({ where: { id: row.id }, data: { snapshot: withoutVersion(row.snapshot, 6) as Prisma.InputJsonObject, headline: withoutVersion(row.headline) as Prisma.InputJsonObject } });
    const old = await get();
    expect(old.status).toBe(200);
    expect(old.body.services).toEqual(closed.body.services);
    const { met, missed, budgetsExhausted } = closed.body.headline;
    expect((await allReviewWeeks(tokens.viewer)).find((w) => w.week === WEEK)?.headline).toEqual({ met, missed, budgetsExhausted });

    const snapshot = withoutVersion(row.snapshot, 6) as { headline: Record<string, unknown> };
    await prisma.review.update({ where: { id: row.id }, data: { snapshot: { ...snapshot, schemaVersion: 1, headline: { ...snapshot.headline, met: "most" } } as Prisma.InputJsonObject } });
    expect(await loggedError(get)).toMatch(new RegExp(`^The review of ${WEEK}: a closed review's snapshot \\(schemaVersion 1\\) cannot be read: headline\\.met: .*expected number`));
    await prisma.review.update({ where: { id: row.id }, data: { snapshot: { ...snapshot, schemaVersion: 7 } as Prisma.InputJsonObject } });
    expect(await loggedError(get)).toContain("has schemaVersion 7, which this version of Nines cannot read (it reads 1 to 6)");
    // Reopening drops the snapshot: the figures are live again.
    expect((await call(reopen.POST, { method: "POST", token: tokens.admin, params: { week: WEEK } })).status).toBe(200);
    expect((await get()).status).toBe(200);
  });

  it("a timeline entry's data: written with its version, read without one, refused when damaged", async () => {
    const created = await logIncident(tokens.editor, { startedAt: "2026-11-01T10:00:00Z", impacts: [{ service: svc }] });
    const get = () => call(incidentItem.GET, { token: tokens.viewer, params: { id: created.body.id } });
    const entry = await prisma.timelineEvent.findFirstOrThrow({ where: { incidentId: created.body.id } });
    await prisma.timelineEvent.update({ where: { id: entry.id }, data: { data: withoutVersion(entry.data, TimelineEntryData.latest) as Prisma.InputJsonObject } });
    const read = await get();
    expect(read.status).toBe(200);
    expect(read.body.timeline[0].data).toEqual({ kind: "opened", reference: created.body.reference });
    await prisma.timelineEvent.update({ where: { id: entry.id }, data: { data: { kind: "opened" } } });
    expect(await loggedError(get)).toMatch(new RegExp(`^Timeline entry ${entry.id}: a timeline entry's data \\(schemaVersion 1\\) cannot be read: reference:`));
    await prisma.timelineEvent.update({ where: { id: entry.id }, data: { data: { kind: "opened", reference: created.body.reference } } });
  });

  it("a risk's audit records read as data: its reviews, written with their version, read without one", async () => {
    const assessment = { likelihood: "C", consequence: 3 };
    const risk = await call(risks.POST, { method: "POST", token: tokens.editor, body: { title: "Stored review", service: svc, inherent: assessment, current: assessment, target: assessment } });
    await call(riskReview.POST, { method: "POST", token: tokens.editor, params: { id: risk.body.id }, body: { note: "Looked at it" } });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "risk", entityId: risk.body.id, action: "review" } });
    await prisma.auditEvent.update({ where: { id: event.id }, data: { after: withoutVersion(event.after) as Prisma.InputJsonObject } });
    const get = () => call(riskItem.GET, { token: tokens.viewer, params: { id: risk.body.id } });
    expect((await get()).body.reviews).toEqual([expect.objectContaining({ note: "Looked at it", level: "MEDIUM" })]);
    await prisma.auditEvent.update({ where: { id: event.id }, data: { after: { note: "Looked at it", level: "SEVERE" } } });
    expect(await loggedError(get)).toMatch(new RegExp(`^Audit event ${event.id}: a risk review's audit record \\(schemaVersion 1\\) cannot be read: level:`));
    await call(riskItem.DELETE, { method: "DELETE", token: tokens.editor, params: { id: risk.body.id } });
  });

  it("the integration settings and the review cadence: read without a version, refused when damaged, and left as they were", async () => {
    const before = await prisma.organizationSettings.findUniqueOrThrow({ where: { id: 1 } });
    const json = (v: Prisma.JsonValue | null) => (v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));
    try {
      const current = await call(integrations.GET, { token: tokens.admin });
      const patched = await call(integrations.PATCH, { method: "PATCH", token: tokens.admin, body: { alertmanager: { serviceLabel: "app" }, version: current.body.version } });
      expect(patched.status).toBe(200);
      const stored = (await prisma.organizationSettings.findUniqueOrThrow({ where: { id: 1 } })).integrations;
      await prisma.organizationSettings.update({ where: { id: 1 }, data: { integrations: withoutVersion(stored) as Prisma.InputJsonObject } });
      expect((await call(integrations.GET, { token: tokens.admin })).body.alertmanager.serviceLabel).toBe("app");
      await prisma.organizationSettings.update({ where: { id: 1 }, data: { integrations: { alertmanager: { serviceLabel: 42 } } } });
      expect(await loggedError(() => call(integrations.GET, { token: tokens.admin }))).toMatch(/^The organisation's settings: the integration settings \(schemaVersion 1\) cannot be read: alertmanager\.serviceLabel:/);

      // A cadence never set, or set for some levels, is the documented defaults; a broken one is not.
      await prisma.organizationSettings.update({ where: { id: 1 }, data: { integrations: json(before.integrations), riskReviewCadence: { HIGH: 3 } } });
      expect((await call(settings.GET, { token: tokens.viewer })).body.riskReviewCadence).toEqual({ CRITICAL: 7, HIGH: 3, MEDIUM: 30, LOW: 90 });
      await prisma.organizationSettings.update({ where: { id: 1 }, data: { riskReviewCadence: { HIGH: -1 } } });
      expect(await loggedError(() => call(settings.GET, { token: tokens.viewer }))).toMatch(/^The organisation's settings: the risk review cadence \(schemaVersion 1\) cannot be read: HIGH:/);
    } finally {
      await prisma.organizationSettings.update({ where: { id: 1 }, data: { integrations: json(before.integrations), riskReviewCadence: json(before.riskReviewCadence), version: before.version } });
    }
  });
});
