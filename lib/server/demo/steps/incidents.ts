import "server-only";
import { IncidentInput, IncidentUpdate, TimelineEventInput } from "@/lib/schemas/incident";
import { pool, prisma } from "../../db";
import { addTimelineEvent, createIncident, updateIncident } from "../../incidents-write";
import { as, DAY, MINUTE, type DemoContext, type DemoIncident } from "../context";
import { planIncidents, type Occurrence } from "../plan-incidents";
import { type PostmortemFacts, type Scenario } from "../data/incidents";
import { PEOPLE, SERVICES } from "../data/organisation";

const when = (ms: number) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" }).format(ms).replace(" at ", ", ");
const minutes = (ms: number) => {
  const m = Math.round(ms / MINUTE);
  return m < 60 ? `${m} minutes` : `${Math.floor(m / 60)} h ${m % 60} min`;
};

async function write(ctx: DemoContext, s: Scenario, o: Occurrence): Promise<DemoIncident> {
  const names = new Map(SERVICES.map((x) => [x.slug, x.name]));
  const facts: PostmortemFacts = {
    started: when(o.started),
    detectedAfter: minutes(o.detected - o.started),
    lasted: minutes((o.resolved ?? ctx.now) - o.started),
    services: s.impacts.map((i) => names.get(i.service) ?? i.service).join(", "),
  };
  // The latest write-ups are still being written: a week after the incident, not before.
  const postmortem = s.postmortem && o.resolved !== null && o.resolved < ctx.now - 7 * DAY ? s.postmortem(facts) : "";
  const created = await createIncident(
    as(s.responder),
    IncidentInput.parse({
      title: s.title,
      severity: s.severity,
      kind: s.kind ?? "unplanned",
      startedAt: new Date(o.started).toISOString(),
      detectedAt: new Date(o.detected).toISOString(),
      summary: s.summary,
      rootCause: o.resolved === null ? "" : s.rootCause,
      postmortem,
      impacts: s.impacts.map((i) => ({ service: i.service, fraction: i.fraction, startedAt: i.after ? new Date(o.started + i.after * MINUTE).toISOString() : null })),
    }),
  );
  for (const e of o.entries) {
    await addTimelineEvent(as(e.by), created.id, TimelineEventInput.parse({ type: e.type, message: e.message, at: new Date(e.at).toISOString() }));
  }
  // Whoever says so on the timeline took command then; else the responder, when they acknowledged
  // it. Set through the app, then dated when it happened.
  const said = o.entries.find((e) => /\bI am incident commander\b/i.test(e.message));
  const commander = said?.by ?? s.responder;
  const { version } = await prisma.incident.findUniqueOrThrow({ where: { id: created.id }, select: { version: true } });
  await updateIncident(as(commander), created.reference, IncidentUpdate.parse({ roles: { commander: { name: PEOPLE[commander] } }, version }), { offer: false });
  // A timestamp column without a zone takes UTC wall time, whatever the process's zone.
  const tookCommand = new Date(said?.at ?? o.entries[0]?.at ?? o.detected).toISOString().replace("Z", "");
  await pool().query(`UPDATE "TimelineEvent" SET at = $2 WHERE "incidentId" = $1 AND type = 'role_change'`, [created.id, tookCommand]);
  await pool().query(`UPDATE "IncidentRoleHolder" SET "assignedAt" = $2 WHERE "incidentId" = $1`, [created.id, tookCommand]);
  return {
    scenario: s.key,
    id: created.id,
    reference: created.reference,
    title: s.title,
    responder: s.responder,
    startedAt: o.started,
    resolvedAt: o.resolved,
    postmortemWritten: postmortem !== "",
  };
}

/**
 * Planned work three nights from now, entered ahead (docs/domain.md "Scheduled maintenance"): the
 * incidents list, the overview and the status page show it as scheduled; it counts nowhere yet.
 */
async function scheduleMaintenance(ctx: DemoContext): Promise<void> {
  const start = Math.floor(ctx.now / DAY) * DAY + 3 * DAY + 2 * 60 * MINUTE;
  const created = await createIncident(
    as("priya"),
    IncidentInput.parse({
      title: "Payments database minor upgrade (PostgreSQL 17.2 → 17.4)",
      publicTitle: "Planned maintenance: payments",
      severity: "SEV4",
      kind: "maintenance",
      // Scheduled even when the demo is filled as of an instant long enough ago that it is over now.
      status: "scheduled",
      startedAt: new Date(start).toISOString(),
      resolvedAt: new Date(start + 90 * MINUTE).toISOString(),
      summary: "Rolling restart of the payments primary and its replicas; a failover of under a minute is expected.",
      impacts: [{ service: "payments", fraction: 0.5 }],
    }),
  );
  const notice = `Between ${when(start)} and ${when(start + 90 * MINUTE)} we upgrade the payments database. Some card payments may need a retry for up to a minute.`;
  await addTimelineEvent(as("priya"), created.id, TimelineEventInput.parse({ type: "update", message: notice, public: true }));
}

/** Six months of incidents, oldest first (so references grow with time), the one still going on, and one maintenance ahead. */
export async function fillIncidents(ctx: DemoContext): Promise<number> {
  for (const { scenario, occurrence } of planIncidents(ctx.now, ctx.random)) ctx.incidents.push(await write(ctx, scenario, occurrence));
  await scheduleMaintenance(ctx);
  return ctx.incidents.length + 1;
}
