import "server-only";
import { organisationTimeZoneIn } from "./availability-data";
import { randomBytes } from "node:crypto";
import type { IncidentDto } from "@/lib/dto/incidents";
import { openingEntries } from "@/lib/domain/incident-history";
import { impactRowCopies, incidentIssues, incidentReference, initialStatus } from "@/lib/domain/incident-lifecycle";
import { Prisma, type Incident } from "@/lib/generated/prisma/client";
import type { IncidentInput } from "@/lib/schemas/incident";
import { TimelineEntryData } from "@/lib/schemas/stored";
import type { Actor } from "./auth/actor";
import type { Tx } from "./db";
import { ConflictError, ValidationError } from "./errors";
import { toIncidentDto, type IncidentRow } from "./incidents-read";

// Creating incidents, one (the API) or a hundred thousand (an import), by the same writes: each with
// its impact rows and their copies of it (docs/decisions/0001), its opening timeline and its audit
// event. The rows are written a batch at a time, one INSERT … SELECT FROM jsonb_to_recordset(…) per table:
// Prisma's createMany took 0.8–3 s for 500 incidents here, this takes about 50 ms
// (docs/decisions/0016). Every value comes from the same rules as before (lib/domain).
const BATCH = 1000;

/** A row id of lower-case letters and digits, like Prisma's own (the list cursors rely on it). */
const newId = () => `c${randomBytes(12).toString("hex")}`;
const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
/** An ISO instant of the JSON rows as the timestamp (UTC, no zone) Prisma keeps DateTime in. */
const UTC = (column: string) => Prisma.raw(`(u.${column}::timestamptz AT TIME ZONE 'UTC')`);

async function servicesBySlug(tx: Tx, inputs: IncidentInput[]): Promise<Map<string, { id: string; name: string }>> {
  const slugs = [...new Set(inputs.flatMap((i) => i.impacts.map((m) => m.service)))];
  const rows = await tx.service.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, name: true } });
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const issues = inputs.flatMap((input) => input.impacts.flatMap((m, n) => (bySlug.has(m.service) ? [] : [{ path: `impacts.${n}.service`, message: `No service has slug '${m.service}'` }])));
  if (issues.length) throw new ValidationError(issues);
  return bySlug;
}

/** An external id (per source) belongs to one incident: refused when one has it already. */
async function assertUniqueExternals(tx: Tx, inputs: IncidentInput[]): Promise<void> {
  const keyed = inputs.filter((i) => i.source && i.externalId).map((i) => ({ source: i.source as string, externalId: i.externalId as string }));
  if (!keyed.length) return;
  const other = await tx.incident.findFirst({ where: { OR: keyed }, select: { number: true, source: true, externalId: true } });
  if (other) throw new ConflictError(`${incidentReference(other.number)} already has ${other.source} id '${other.externalId}'`, [{ path: "externalId", message: "already exists" }]);
}

type Prepared = { id: string; input: IncidentInput; status: Incident["status"] };

async function writeIncidents(tx: Tx, batch: Prepared[]): Promise<Incident[]> {
  const rows = batch.map(({ id, input: i, status }) => ({
    id, title: i.title, severity: i.severity, kind: i.kind, status, s: iso(i.startedAt), d: iso(i.detectedAt), a: iso(i.acknowledgedAt), m: iso(i.mitigatedAt), r: iso(i.resolvedAt),
    summary: i.summary ?? "", pt: i.publicTitle ?? null, root: i.rootCause ?? "", pm: i.postmortem ?? "", source: i.source ?? null, ext: i.externalId ?? null,
  }));
  return tx.$queryRaw<Incident[]>`
    INSERT INTO "Incident" (id, title, severity, kind, status, "startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt", summary, "publicTitle", "rootCause", postmortem, source, "externalId", "updatedAt")
    SELECT id, title, severity::"Severity", kind::"IncidentKind", status::"IncidentStatus", ${UTC("s")}, ${UTC("d")}, ${UTC("a")}, ${UTC("m")}, ${UTC("r")}, summary, pt, root, pm, source, ext, now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS u(id text, title text, severity text, kind text, status text, s text, d text, a text, m text, r text, summary text, pt text, root text, pm text, source text, ext text)
    RETURNING *`;
}

type ImpactRow = IncidentRow["impacts"][number];

async function writeImpacts(tx: Tx, impacts: ImpactRow[]): Promise<void> {
  const rows = impacts.map((i) => ({
    id: i.id, inc: i.incidentId, svc: i.serviceId, f: i.fraction, kind: i.kind, os: iso(i.startedAt), oe: iso(i.endedAt), es: iso(i.effectiveStart), ee: iso(i.effectiveEnd),
    ist: iso(i.incidentStartedAt), idt: iso(i.incidentDetectedAt), iat: iso(i.incidentAcknowledgedAt), irt: iso(i.incidentResolvedAt), num: i.incidentNumber, title: i.incidentTitle,
  }));
  await tx.$executeRaw`
    INSERT INTO "Impact" (id, "incidentId", "serviceId", fraction, kind, "startedAt", "endedAt", "effectiveStart", "effectiveEnd", "incidentStartedAt",
                          "incidentDetectedAt", "incidentAcknowledgedAt", "incidentResolvedAt", "incidentNumber", "incidentTitle")
    SELECT id, inc, svc, f, kind::"IncidentKind", ${UTC("os")}, ${UTC("oe")}, ${UTC("es")}, ${UTC("ee")}, ${UTC("ist")}, ${UTC("idt")}, ${UTC("iat")}, ${UTC("irt")}, num, title
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS u(id text, inc text, svc text, f float8, kind text, os text, oe text, es text, ee text, ist text, idt text, iat text, irt text, num int, title text)`;
}

/** The opening entries (data, no sentence: pages render them in their zone) and the audit events. */
async function writeRecords(tx: Tx, actor: Actor, dtos: IncidentDto[]): Promise<void> {
  // Stored as every timeline entry's data is: versioned (lib/schemas/stored.ts).
  const entries = dtos.flatMap((dto) => openingEntries(dto).map((e) => ({ id: newId(), inc: dto.id, at: e.at, type: e.type, data: TimelineEntryData.write(e.data) })));
  await tx.$executeRaw`
    INSERT INTO "TimelineEvent" (id, "incidentId", at, type, message, data, "authorId", "authorName")
    SELECT id, inc, ${UTC("at")}, type::"TimelineEventType", '', data, ${actor.userId}, ${actor.name}
      FROM jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) AS u(id text, inc text, at text, type text, data jsonb)`;
  // As recordAudit writes them (lib/server/audit.ts): a create has no "before" (JSON null).
  const events = dtos.map((dto) => ({ id: newId(), entity: dto.id, after: dto }));
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" (id, "actorId", "actorLabel", action, "entityType", "entityId", before, after)
    SELECT id, ${actor.userId}, ${actor.label}, 'create', 'incident', entity, 'null'::jsonb, after
      FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS u(id text, entity text, after jsonb)`;
}

/** Creates these incidents inside the caller's transaction; their DTOs in the order given. */
export async function insertIncidents(tx: Tx, actor: Actor, inputs: IncidentInput[]): Promise<IncidentDto[]> {
  const timeZone = await organisationTimeZoneIn(tx);
  const now = Date.now();
  const prepared = inputs.map((input): Prepared => {
    const status = input.status ?? initialStatus(input, now);
    const issues = incidentIssues({ ...input, status }, timeZone, now);
    if (issues.length) throw new ValidationError(issues);
    return { id: newId(), input, status };
  });
  await assertUniqueExternals(tx, inputs);
  const services = await servicesBySlug(tx, inputs);
  const out: IncidentDto[] = [];
  for (let k = 0; k < prepared.length; k += BATCH) {
    const batch = prepared.slice(k, k + BATCH);
    const written = new Map((await writeIncidents(tx, batch)).map((r) => [r.id, r]));
    const rows: IncidentRow[] = batch.map(({ id, input }) => {
      const incident = written.get(id);
      if (!incident) throw new Error(`incident ${id} was not returned by its insert`);
      const impacts = input.impacts
        .map((m): ImpactRow => {
          const service = services.get(m.service) as { id: string; name: string };
          const own = { startedAt: m.startedAt ?? null, endedAt: m.endedAt ?? null };
          return { id: newId(), incidentId: id, serviceId: service.id, fraction: m.fraction, ...own, ...impactRowCopies(incident, own), service: { slug: m.service, name: service.name } };
        })
        // As incidentInclude reads them back: by service slug.
        .sort((a, b) => (a.service.slug < b.service.slug ? -1 : a.service.slug > b.service.slug ? 1 : 0));
      return { ...incident, impacts, roles: [] };
    });
    await writeImpacts(tx, rows.flatMap((r) => r.impacts));
    const dtos = rows.map((row) => toIncidentDto(row));
    await writeRecords(tx, actor, dtos);
    out.push(...dtos);
  }
  return out;
}
