import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_REVIEW_CADENCE } from "@/lib/domain/risk-review";
import { MAX_ATTACHMENT_BYTES } from "@/lib/domain/report-delivery";
import { ReviewSnapshot, RiskAuditRecord, RiskReviewCadence, StoredDataError, StoredIntegrations, StoredNotificationMessage, StoredOidcSettings, StoredWatchState, TimelineEntryData } from "./stored";

// A closed review's snapshot as version 1 wrote it (from a real close, with a failed service, an
// action item and risks added). Never edit this file: a change of the review's figures that stops
// it reading needs a version 2 that upgrades version 1 (stored.ts).
const SNAPSHOT_V1 = JSON.parse(readFileSync(path.join(import.meta.dirname, "stored-fixtures/review-snapshot-v1.json"), "utf8")) as Record<string, unknown>;

describe("stored JSON", () => {
  it("reads a closed review's snapshot of version 1, with or without its version", () => {
    const read = ReviewSnapshot.read(SNAPSHOT_V1, "fixture");
    expect(read.week).toBe("2025-W22");
    expect(read.services).toHaveLength(2);
    expect(ReviewSnapshot.read({ ...SNAPSHOT_V1, schemaVersion: 1 }, "fixture")).toEqual(read);
    expect(ReviewSnapshot.write(read)).toEqual({ ...read, schemaVersion: 6 });
  });

  it("reads snapshots from before SLOs were their own entity with no other SLOs", () => {
    const read = ReviewSnapshot.read(SNAPSHOT_V1, "fixture");
    expect(read.services.map((s) => s.slos)).toEqual(read.services.map(() => []));
    expect(ReviewSnapshot.read({ ...read, schemaVersion: 3, services: read.services.map(({ slos: _slos, ...s }) => s) }, "x").services[0]?.slos).toEqual([]);
  });

  it("reads version 4's other SLOs, which did not set measured ones beside the incident record, with nothing beside", () => {
    const read = ReviewSnapshot.read(SNAPSHOT_V1, "fixture");
    const other = { id: "slo1", name: "health", unit: "events", target: 0.99, window: "month", week: { sli: 0.995, metTarget: true, unknownSeconds: 0 }, sloWindow: { sli: 0.995, remainingRatio: 0.5, burnState: "ok" } };
    const v4 = { ...read, schemaVersion: 4, services: read.services.map((s, i) => ({ ...s, slos: i === 0 ? [other] : [] })) };
    expect(ReviewSnapshot.read(v4, "x").services[0]?.slos).toEqual([{ ...other, beside: null }]);
    // Version 5 wrote `beside` itself: one without it is damaged, not upgraded.
    expect(() => ReviewSnapshot.read({ ...v4, schemaVersion: 5 }, "x")).toThrow(/services\.0\.slos\.0\.beside/);
  });

  it("reads snapshots from before changes, freezes and required postmortems with none of them", () => {
    const read = ReviewSnapshot.read(SNAPSHOT_V1, "fixture");
    expect(read.services.map((s) => [s.changeCount, s.freezes])).toEqual(read.services.map(() => [0, []]));
    expect(read.postmortemsOverdue).toEqual([]);
    const v5 = { ...read, schemaVersion: 5, services: read.services.map(({ changeCount: _c, freezes: _f, ...s }) => s), postmortemsOverdue: undefined };
    delete v5.postmortemsOverdue;
    expect(ReviewSnapshot.read(v5, "x")).toEqual(read);
    // Version 6 wrote them itself: one without them is damaged, not upgraded.
    expect(() => ReviewSnapshot.read({ ...v5, schemaVersion: 6 }, "x")).toThrow(/services\.0\.changeCount/);
    const freeze = { id: "f1", startedAt: "2025-05-27T10:00:00.000Z", endedAt: null, reason: "Budget spent", recoversAt: null, liftedAt: null, liftedBy: null, liftReason: null, text: "frozen since 2025-05-27 10:00 UTC, recovers when its budget is back above the threshold" };
    const v6 = { ...read, schemaVersion: 6, services: read.services.map((s, i) => ({ ...s, changeCount: i + 2, freezes: i === 0 ? [freeze] : [] })) };
    expect(ReviewSnapshot.read(v6, "x").services.map((s) => [s.changeCount, s.freezes.length])).toEqual(read.services.map((_, i) => [i + 2, i === 0 ? 1 : 0]));
  });

  it("reads version 1 and 2 snapshots, which predate measuredSince, as measured over their whole windows", () => {
    const read = ReviewSnapshot.read(SNAPSHOT_V1, "fixture");
    for (const s of read.services) {
      for (const summary of [s.week, s.sloWindow]) {
        if ("error" in summary) continue;
        expect(summary.measuredFrom).toBe(summary.window.from);
        expect(summary.measuredSince).toBe(summary.window.from);
      }
    }
    expect(read.services.some((s) => !("error" in s.week))).toBe(true);
  });

  it("reads a version 1 snapshot's action item risk (its number) as version 2 names it (its reference)", () => {
    const item = (SNAPSHOT_V1.actionItems as Record<string, unknown>[])[0];
    const v1 = { ...SNAPSHOT_V1, actionItems: [{ ...item, risk: { id: "r1", number: 121, title: "Disk fills" } }] };
    expect(ReviewSnapshot.read(v1, "fixture").actionItems[0]?.risk).toEqual({ id: "r1", reference: "RISK-121", title: "Disk fills" });
    // Version 2 stores the reference; a number there is not what version 2 wrote.
    expect(() => ReviewSnapshot.read({ ...v1, schemaVersion: 2 }, "x")).toThrow(/actionItems\.0\.risk/);
  });

  it("names the row and the field of what does not read, and a version it does not know", () => {
    const damaged = { ...SNAPSHOT_V1, services: [{ ...(SNAPSHOT_V1.services as object[])[0], weekSpend: "a lot" }] };
    expect(() => ReviewSnapshot.read(damaged, "The review of 2025-W22")).toThrow(StoredDataError);
    expect(() => ReviewSnapshot.read(damaged, "The review of 2025-W22")).toThrow(/^The review of 2025-W22: a closed review's snapshot \(schemaVersion 1\) cannot be read: services\.0\.weekSpend: /);
    expect(() => ReviewSnapshot.read({ ...SNAPSHOT_V1, schemaVersion: 7 }, "x")).toThrow("x: a closed review's snapshot has schemaVersion 7, which this version of Nines cannot read (it reads 1 to 6)");
    expect(() => ReviewSnapshot.read(null, "x")).toThrow(/cannot be read: \(the value\)/);
    expect(() => TimelineEntryData.read({ kind: "closed" }, "Timeline entry 1")).toThrow(/^Timeline entry 1: a timeline entry's data/);
  });

  it("reads timeline data of version 1 as it is, and role changes only from version 2 on", () => {
    const field = { kind: "field", field: "severity", from: "SEV3", to: "SEV1" };
    expect(TimelineEntryData.read(field, "x")).toEqual(field);
    const role = { kind: "role", role: "commander", from: null, to: { user: null, name: "Ada" } };
    expect(TimelineEntryData.write(role as never)).toEqual({ ...role, schemaVersion: 2 });
    expect(TimelineEntryData.read({ ...role, schemaVersion: 2 }, "x")).toEqual(role);
    expect(() => TimelineEntryData.read(role, "Timeline entry 9")).toThrow(/^Timeline entry 9: .*kind: Role changes were first written by version 2/);
  });

  it("reads the review cadence with the documented defaults for what was never set, and refuses a broken one", () => {
    expect(RiskReviewCadence.read(null, "x")).toEqual(DEFAULT_REVIEW_CADENCE);
    expect(RiskReviewCadence.read({ HIGH: 3 }, "x")).toEqual({ ...DEFAULT_REVIEW_CADENCE, HIGH: 3 });
    expect(RiskReviewCadence.read({ schemaVersion: 1, CRITICAL: 1, HIGH: 2, MEDIUM: 3, LOW: 4 }, "x")).toEqual({ CRITICAL: 1, HIGH: 2, MEDIUM: 3, LOW: 4 });
    expect(() => RiskReviewCadence.read({ HIGH: -1 }, "x")).toThrow(/HIGH:/);
    expect(() => RiskReviewCadence.read({ SEVERE: 3 }, "x")).toThrow(/SEVERE:/);
  });

  it("reads integration settings never set as none, and the parts of audit records it needs", () => {
    expect(StoredIntegrations.read(null, "x")).toEqual({});
    expect(StoredIntegrations.read({ pagerduty: { sealedSecret: null, services: { P1: "checkout" } } }, "x")).toEqual({ pagerduty: { sealedSecret: null, services: { P1: "checkout" } } });
    expect(() => StoredIntegrations.read({ alertmanager: { severityMap: { critical: "SEV9" } } }, "x")).toThrow(/alertmanager\.severityMap\.critical:/);
    // An audit record is the whole entity of its day: only what is read must be there.
    expect(RiskAuditRecord.read({ title: "Any", current: { level: "HIGH", score: 16 }, newerField: 1 }, "x")).toEqual({ level: "HIGH" });
  });

  it("reads an outbox message of version 1 with no attachments, and bounds a report's PDF", () => {
    const v1 = { schemaVersion: 1, event: "incident.declared", audience: "internal", title: "t", text: "x", facts: [], link: null, reference: null, occurredAt: "2026-01-01T00:00:00.000Z", data: {} };
    expect(StoredNotificationMessage.read(v1, "x").attachments).toEqual([]);
    const { schemaVersion: _, ...message } = v1;
    expect(StoredNotificationMessage.read(StoredNotificationMessage.write(message as never), "x").attachments).toEqual([]);
    const pdf = { fileName: "r.pdf", contentType: "application/pdf", base64: "JVBERi0=" };
    expect(StoredNotificationMessage.read({ ...v1, schemaVersion: 2, event: "report.month", attachments: [pdf] }, "x").attachments).toEqual([pdf]);
    const huge = { ...pdf, base64: "A".repeat(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4) };
    expect(() => StoredNotificationMessage.read({ ...v1, schemaVersion: 2, attachments: [huge] }, "Delivery d")).toThrow(/^Delivery d: .*attachments\.0\.base64/);
    // Version 1 knew no attachments: one in a version-1 row is damage, not data.
    expect(() => StoredNotificationMessage.read({ ...v1, attachments: [pdf] }, "x")).toThrow(/attachments/);
  });

  it("reads watched states of version 1, and a report's only from version 2", () => {
    expect(StoredWatchState.read({ kind: "slo", burn: "ok", exhausted: false, schemaVersion: 1 }, "x")).toEqual({ kind: "slo", burn: "ok", exhausted: false });
    expect(StoredWatchState.read({ kind: "report", period: "month:2025-03", schemaVersion: 2 }, "x")).toEqual({ kind: "report", period: "month:2025-03" });
    expect(() => StoredWatchState.read({ kind: "report", period: "month:2025-03", schemaVersion: 1 }, "x")).toThrow(/kind/);
  });

  it("reads OpenID Connect settings of version 1, which asked for fixed scopes, with those scopes", () => {
    const v1 = { enabled: true, issuer: "https://idp.example.test", clientId: "nines", sealedSecret: null, displayName: "SSO", groupsClaim: "groups", groups: { viewer: [], editor: ["sre"], admin: [] }, defaultRole: null };
    expect(StoredOidcSettings.read(v1, "x")).toEqual({ ...v1, scopes: "openid email profile" });
    expect(StoredOidcSettings.read({ ...v1, schemaVersion: 1 }, "x").scopes).toBe("openid email profile");
    const v2 = StoredOidcSettings.write({ ...v1, scopes: "openid email profile groups" });
    expect(v2.schemaVersion).toBe(2);
    expect(StoredOidcSettings.read(v2, "x").scopes).toBe("openid email profile groups");
    // Version 2 wrote the scopes itself: one without them is damaged, not upgraded.
    expect(() => StoredOidcSettings.read({ ...v1, schemaVersion: 2 }, "row 1")).toThrow(/row 1: .*scopes/);
  });
});
