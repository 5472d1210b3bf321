import { beforeAll, describe, expect, it } from "vitest";
import * as events from "@/app/api/v1/incidents/[id]/events/route";
import * as incident from "@/app/api/v1/incidents/[id]/route";
import { call } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";
import { timeZoneForFile } from "../support/settings";

/** An error message that names an instant names it in the organisation's zone, with the zone: not raw ISO. */
let tokens: Tokens;
let svc: string;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  svc = await makeService(tokens.editor, tokens.admin);
});
timeZoneForFile("America/New_York", () => tokens.admin);

describe("messages with instants", () => {
  it("a milestone before the one it follows names that one's instant in the organisation's zone", async () => {
    const bad = await logIncident(tokens.editor, { startedAt: "2026-03-03T10:00:00Z", detectedAt: "2026-03-03T15:00:00Z", acknowledgedAt: "2026-03-03T14:00:00Z", impacts: [{ service: svc }] });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toContainEqual({ path: "acknowledgedAt", message: "Must not be before detected (2026-03-03 10:00 America/New_York)" });

    const created = await logIncident(tokens.editor, { startedAt: "2026-03-04T10:00:00Z", detectedAt: "2026-03-04T12:00:00Z", impacts: [{ service: svc }] });
    const patched = await call(incident.PATCH, { method: "PATCH", token: tokens.editor, params: { id: created.body.id }, body: { version: 1, acknowledgedAt: "2026-03-04T11:00:00Z" } });
    expect(patched.status).toBe(400);
    expect(patched.body.issues).toContainEqual({ path: "acknowledgedAt", message: "Must not be before detected (2026-03-04 07:00 America/New_York)" });

    const entry = await call(events.POST, { method: "POST", token: tokens.editor, params: { id: created.body.id }, body: { type: "acknowledged", at: "2026-03-04T11:00:00Z" } });
    expect(entry.status).toBe(400);
    expect(JSON.stringify(entry.body.issues)).toContain("(2026-03-04 07:00 America/New_York)");
    expect(JSON.stringify(entry.body.issues)).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });
});
