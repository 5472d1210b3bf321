import { beforeAll, describe, expect, it } from "vitest";
import * as incident from "@/app/api/v1/incidents/[id]/route";
import * as webhook from "@/app/api/v1/integrations/alertmanager/route";
import * as integrations from "@/app/api/v1/integrations/route";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { makeService } from "../support/incidents";

let tokens: Tokens;
let api: string;
let db: string;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  [api, db] = [await makeService(tokens.editor, tokens.admin), await makeService(tokens.editor, tokens.admin)];
});

const ZERO = "0001-01-01T00:00:00Z";
/** Alertmanager's webhook body, version 4, as it sends it. */
const notification = (groupKey: string, alerts: { service: string; status: "firing" | "resolved"; startsAt: string; endsAt?: string; fingerprint: string; severity?: string }[]) => ({
  receiver: "nines",
  status: alerts.every((a) => a.status === "resolved") ? "resolved" : "firing",
  alerts: alerts.map((a) => ({
    status: a.status,
    labels: { alertname: "HighErrorRate", service: a.service, severity: a.severity ?? "critical", instance: `${a.service}:9090` },
    annotations: { summary: `5xx above 5 % on ${a.service}` },
    startsAt: a.startsAt,
    endsAt: a.endsAt ?? ZERO,
    generatorURL: "http://prometheus:9090/graph?g0.expr=...",
    fingerprint: a.fingerprint,
  })),
  groupLabels: { alertname: "HighErrorRate" },
  commonLabels: { alertname: "HighErrorRate" },
  commonAnnotations: {},
  externalURL: "http://alertmanager:9093",
  version: "4",
  groupKey,
  truncatedAlerts: 0,
});
const send = (body: unknown, token = tokens.editor, query = "") => call(webhook.POST, { method: "POST", token, body, path: `/api/v1/integrations/alertmanager${query}` });

describe("Alertmanager webhook", () => {
  it("a group firing then resolved, each delivered twice and out of order, leaves one incident with the right interval", async () => {
    const groupKey = `{}:{alertname="HighErrorRate",run="${unique("g")}"}`;
    const fp = [unique("fp"), unique("fp")];
    const firing1 = notification(groupKey, [{ service: api, status: "firing", startsAt: "2026-11-20T10:00:00Z", fingerprint: fp[0] as string }]);
    const firing2 = notification(groupKey, [
      { service: api, status: "firing", startsAt: "2026-11-20T10:00:00Z", fingerprint: fp[0] as string },
      { service: db, status: "firing", startsAt: "2026-11-20T10:03:00Z", fingerprint: fp[1] as string, severity: "warning" },
    ]);
    const resolved = notification(groupKey, [
      { service: api, status: "resolved", startsAt: "2026-11-20T10:00:00Z", endsAt: "2026-11-20T10:40:00Z", fingerprint: fp[0] as string },
      { service: db, status: "resolved", startsAt: "2026-11-20T10:03:00Z", endsAt: "2026-11-20T10:30:00Z", fingerprint: fp[1] as string },
    ]);
    const first = await send(firing1);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ changed: true, unknownServices: [] });
    const id = first.body.incident.id as string;
    expect((await send(firing1)).body).toMatchObject({ changed: false, incident: { id } });
    expect((await send(firing2)).body).toMatchObject({ changed: true, incident: { id } });
    expect((await send(resolved)).body).toMatchObject({ changed: true, incident: { id } });
    // Late and repeated deliveries change nothing.
    for (const late of [firing2, firing1, resolved]) expect((await send(late)).body).toMatchObject({ changed: false, incident: { id } });
    expect(await prisma.incident.count({ where: { source: "alertmanager", externalId: { startsWith: `${groupKey}#` } } })).toBe(1);
    const got = (await call(incident.GET, { token: tokens.viewer, params: { id } })).body;
    expect(got).toMatchObject({ severity: "SEV1", status: "resolved", startedAt: "2026-11-20T10:00:00.000Z", resolvedAt: "2026-11-20T10:40:00.000Z", source: "alertmanager" });
    const impact = (slug: string) => got.impacts.find((i: { service: string }) => i.service === slug);
    expect(impact(api)).toMatchObject({ fraction: 1 });
    expect(impact(db)).toMatchObject({ startedAt: "2026-11-20T10:03:00.000Z", endedAt: "2026-11-20T10:30:00.000Z" });
    const messages = got.timeline.map((e: { message: string }) => e.message).filter((m: string) => m.startsWith("alert "));
    expect(messages).toEqual([`alert HighErrorRate firing on ${api}: 5xx above 5 % on ${api}`, `alert HighErrorRate firing on ${db}: 5xx above 5 % on ${db}`, `alert HighErrorRate resolved on ${api}`, `alert HighErrorRate resolved on ${db}`]);
  });

  it("a resolved notification that arrives first still leaves one incident with the right interval", async () => {
    const groupKey = `{}:{run="${unique("g")}"}`;
    const fingerprint = unique("fp");
    const resolved = notification(groupKey, [{ service: api, status: "resolved", startsAt: "2026-11-21T08:00:00Z", endsAt: "2026-11-21T08:12:00Z", fingerprint }]);
    const firing = notification(groupKey, [{ service: api, status: "firing", startsAt: "2026-11-21T08:00:00Z", fingerprint }]);
    const a = await send(resolved);
    const b = await send(firing);
    expect(b.body).toMatchObject({ changed: false, incident: { id: a.body.incident.id } });
    const got = (await call(incident.GET, { token: tokens.viewer, params: { id: a.body.incident.id } })).body;
    expect(got).toMatchObject({ status: "resolved", startedAt: "2026-11-21T08:00:00.000Z", resolvedAt: "2026-11-21T08:12:00.000Z" });
  });

  it("reports a label naming no service instead of failing, reads another label when told, and refuses what is not a v4 payload", async () => {
    const groupKey = `{}:{run="${unique("g")}"}`;
    const before = await prisma.incident.count();
    const res = await send(notification(groupKey, [{ service: "no-such-service", status: "firing", startsAt: "2026-11-22T08:00:00Z", fingerprint: unique("fp") }]));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ incident: null, changed: false, unknownServices: ["no-such-service"] });
    expect(await prisma.incident.count()).toBe(before);
    const custom = notification(groupKey, [{ service: "ignored", status: "firing", startsAt: "2026-11-22T09:00:00Z", fingerprint: unique("fp") }]);
    custom.alerts[0]!.labels = { ...custom.alerts[0]!.labels, app: api } as typeof custom.alerts[0]["labels"];
    const byApp = await send(custom, tokens.editor, "?serviceLabel=app");
    expect(byApp.body.incident).not.toBeNull();
    const bad = await send({ ...notification(groupKey, []), version: "3" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["version", "alerts"]));
    expect((await send(notification(groupKey, [{ service: api, status: "firing", startsAt: "2026-11-22T10:00:00Z", fingerprint: unique("fp") }]), tokens.viewer)).status).toBe(403);
  });

  it("maps severities as an admin configured them", async () => {
    const read = await call(integrations.GET, { token: tokens.admin });
    expect(read.body.alertmanager.severityMap.critical).toBe("SEV1");
    const set = await call(integrations.PATCH, { method: "PATCH", token: tokens.admin, body: { alertmanager: { severityMap: { P2: "SEV2", page: "SEV1" } }, version: read.body.version } });
    expect(set.status).toBe(200);
    expect(set.body.alertmanager.severityMap).toEqual({ p2: "SEV2", page: "SEV1" });
    try {
      const res = await send(notification(`{}:{run="${unique("g")}"}`, [{ service: db, status: "firing", startsAt: "2026-11-23T08:00:00Z", fingerprint: unique("fp"), severity: "P2" }]));
      expect((await call(incident.GET, { token: tokens.viewer, params: { id: res.body.incident.id } })).body.severity).toBe("SEV2");
    } finally {
      const now = await call(integrations.GET, { token: tokens.admin });
      await call(integrations.PATCH, { method: "PATCH", token: tokens.admin, body: { alertmanager: { severityMap: read.body.alertmanager.severityMap }, version: now.body.version } });
    }
  });
});
