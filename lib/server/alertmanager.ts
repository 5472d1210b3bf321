import "server-only";
import { createHash } from "node:crypto";
import { incidentOfAlerts, incidentReference, mergeAlertEnd, severityOf, SEVERITIES, type Severity } from "@/lib/domain";
import type { AlertmanagerResultDto } from "@/lib/dto/integrations";
import type { AlertmanagerOptions, AlertmanagerPayload } from "@/lib/schemas/alertmanager";
import type { Actor } from "./auth/actor";
import { prisma } from "./db";
import { ConflictError } from "./errors";
import { getIncident } from "./incidents-read";
import { addTimelineEvent, createIncident, updateIncident } from "./incidents-write";
import { integrationSecrets } from "./integrations";

const SOURCE = "alertmanager";

export type AlertmanagerResult = AlertmanagerResultDto;

/** Zero time ("0001-01-01T00:00:00Z") or before 1970: Alertmanager's "no end yet". */
const endOf = (status: string, endsAt: string | undefined): number | null => {
  if (status !== "resolved" || endsAt === undefined) return null;
  const ms = Date.parse(endsAt);
  return ms > 0 ? ms : null;
};

/**
 * One webhook notification: records each alert's state, then makes the group's incident say what
 * its alerts say (opened on the first firing, services added as their alerts fire, ended when all
 * have ended) through the same writes as the API, each change a timeline entry.
 */
export async function receiveAlertmanager(actor: Actor, payload: AlertmanagerPayload, options: AlertmanagerOptions): Promise<AlertmanagerResult> {
  const configured = (await integrationSecrets()).alertmanager;
  const serviceLabel = options.serviceLabel ?? configured.serviceLabel;
  const severityLabel = options.severityLabel ?? configured.severityLabel;
  const named = [...new Set(payload.alerts.map((a) => a.labels[serviceLabel] ?? ""))];
  const active = new Set((await prisma.service.findMany({ where: { slug: { in: named.filter(Boolean) }, archivedAt: null }, select: { slug: true } })).map((s) => s.slug));
  const unknownServices = named.filter((n) => !active.has(n)).sort();
  const alerts = payload.alerts.filter((a) => active.has(a.labels[serviceLabel] ?? ""));
  if (alerts.length === 0) return { incident: null, changed: false, unknownServices };

  // 1. The alerts' states, merged so that a repeat or a late firing changes nothing.
  const events: string[] = [];
  const keys: { fingerprint: string; startsAt: Date }[] = [];
  for (const a of alerts) {
    const fingerprint = a.fingerprint ?? createHash("sha256").update(JSON.stringify(Object.entries(a.labels).sort())).digest("hex").slice(0, 16);
    const startsAt = new Date(a.startsAt);
    keys.push({ fingerprint, startsAt });
    const where = { source_fingerprint_startsAt: { source: SOURCE, fingerprint, startsAt } };
    const recorded = await prisma.integrationAlert.findUnique({ where });
    const merged = mergeAlertEnd(recorded === null ? undefined : (recorded.endsAt?.getTime() ?? null), endOf(a.status, a.endsAt));
    const name = a.labels.alertname ?? "alert";
    const summary = a.annotations.summary ?? a.annotations.description ?? "";
    if (!recorded) await prisma.integrationAlert.create({ data: { source: SOURCE, groupKey: payload.groupKey, fingerprint, startsAt, endsAt: merged.end === null ? null : new Date(merged.end), service: a.labels[serviceLabel] as string, name, summary } });
    else if (merged.end !== (recorded.endsAt?.getTime() ?? null)) await prisma.integrationAlert.update({ where, data: { endsAt: merged.end === null ? null : new Date(merged.end) } });
    if (merged.changed === "new") events.push(`alert ${name} firing on ${a.labels[serviceLabel]}${summary ? `: ${summary}` : ""}`);
    if (merged.changed === "resolved" || (merged.changed === "new" && merged.end !== null)) events.push(`alert ${name} resolved on ${a.labels[serviceLabel]}`);
  }
  const states = await prisma.integrationAlert.findMany({ where: { source: SOURCE, OR: keys } });

  // 2. The group's incident: the one these alerts belong to, else the group's ongoing one, else new.
  const linked = states.find((s) => s.incidentId !== null)?.incidentId ?? null;
  const ongoing = linked ?? (await prisma.incident.findFirst({ where: { source: SOURCE, externalId: { startsWith: `${payload.groupKey}#` }, resolvedAt: null }, select: { id: true } }))?.id ?? null;
  const severity = severityOf(alerts.map((a) => a.labels[severityLabel]), configured.severityMap as Record<string, Severity>);
  let incidentId = ongoing;
  let changed = events.length > 0;
  if (incidentId === null) {
    const derived = incidentOfAlerts(states.map((s) => ({ service: s.service, start: s.startsAt.getTime(), end: s.endsAt?.getTime() ?? null })));
    if (!derived) return { incident: null, changed: false, unknownServices };
    const name = states[0]?.name ?? "alert";
    const created = await createIncident(actor, {
      title: `${name} firing (Alertmanager)`,
      severity,
      kind: "unplanned",
      startedAt: new Date(derived.startedAt),
      detectedAt: new Date(derived.startedAt),
      resolvedAt: derived.resolvedAt === null ? null : new Date(derived.resolvedAt),
      summary: states.map((s) => s.summary).filter(Boolean)[0] ?? "",
      source: SOURCE,
      externalId: `${payload.groupKey}#${derived.startedAt}`,
      impacts: derived.impacts.map((i) => ({ service: i.service, fraction: 1, startedAt: new Date(i.startedAt), endedAt: i.endedAt === null ? null : new Date(i.endedAt) })),
    }, { offer: false });
    incidentId = created.id;
    changed = true;
  }
  await prisma.integrationAlert.updateMany({ where: { source: SOURCE, OR: keys, incidentId: null }, data: { incidentId } });

  // 3. Make the incident say what all its alerts say now.
  const all = await prisma.integrationAlert.findMany({ where: { source: SOURCE, incidentId } });
  const derived = incidentOfAlerts(all.map((s) => ({ service: s.service, start: s.startsAt.getTime(), end: s.endsAt?.getTime() ?? null })));
  if (derived && (await bringInLine(actor, incidentId, derived, severity))) changed = true;
  for (const message of events) await addTimelineEvent(actor, incidentId, { type: "update", message });
  const number = (await prisma.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { number: true } })).number;
  return { incident: { id: incidentId, reference: incidentReference(number) }, changed, unknownServices };
}

type Derived = NonNullable<ReturnType<typeof incidentOfAlerts>>;

// Someone may edit the incident between our read and our write: read again and apply the alerts'
// interval to what is there now (their other edits stay), a few times before giving up.
const CONFLICT_ATTEMPTS = 3;

/**
 * Makes the incident's interval, impacts (and severity, when the alerts' is higher) what its alerts
 * say. True only when it wrote a change: one that lost every race to other edits reports none.
 */
async function bringInLine(actor: Actor, incidentId: string, derived: Derived, severity: Severity): Promise<boolean> {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const impacts = derived.impacts.map((i) => ({ service: i.service, fraction: 1, startedAt: iso(i.startedAt), endedAt: iso(i.endedAt) }));
  for (let attempt = 1; attempt <= CONFLICT_ATTEMPTS; attempt++) {
    const current = await getIncident(incidentId);
    const same =
      current.startedAt === iso(derived.startedAt) &&
      current.resolvedAt === iso(derived.resolvedAt) &&
      JSON.stringify(current.impacts.map((i) => [i.service, i.startedAt ?? current.startedAt, i.endedAt ?? current.resolvedAt]).sort()) === JSON.stringify(impacts.map((i) => [i.service, i.startedAt, i.endedAt ?? iso(derived.resolvedAt)]).sort());
    const moreSevere = SEVERITIES.indexOf(severity) < SEVERITIES.indexOf(current.severity as Severity);
    if (same && !moreSevere) return false;
    try {
      await updateIncident(actor, incidentId, {
        version: current.version,
        startedAt: new Date(derived.startedAt),
        resolvedAt: derived.resolvedAt === null ? null : new Date(derived.resolvedAt),
        ...(moreSevere ? { severity } : {}),
        impacts: impacts.map((i) => ({ service: i.service, fraction: 1, startedAt: new Date(i.startedAt as string), endedAt: i.endedAt === null ? null : new Date(i.endedAt) })),
      }, { offer: false });
      return true;
    } catch (err) {
      if (!(err instanceof ConflictError) || err.issues?.[0]?.path !== "version") throw err;
    }
  }
  // The alert states are recorded: the next notification of the group brings the incident in line.
  console.warn(`[alertmanager] incident ${incidentId} kept changing under ${CONFLICT_ATTEMPTS} attempts to apply its alerts; left for the next notification`);
  return false;
}
