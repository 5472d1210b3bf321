import "server-only";
import { randomBytes } from "node:crypto";
import type { IncidentDto } from "@/lib/dto/incidents";
import { openingEntries } from "@/lib/domain/incident-history";
import { impactRowCopies, incidentIssues, incidentReference, initialStatus } from "@/lib/domain/incident-lifecycle";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentInput } from "@/lib/schemas/incident";
import type { Actor } from "./auth/actor";
import { recordAudits } from "./audit";
import type { Tx } from "./db";
import { ConflictError, ValidationError } from "./errors";
import { incidentInclude, toIncidentDto } from "./incidents-read";

// Creating incidents, one (the API) or a hundred thousand (an import), by the same writes: each with
// its impact rows and their copies of it (docs/decisions/0001), its opening timeline and its audit
// event. Many are written a batch at a time, a few statements a batch, not a few a row.
const BATCH = 500;

/** A row id of lower-case letters and digits, like Prisma's own (the list cursors rely on it). */
const newId = () => `c${randomBytes(12).toString("hex")}`;

async function serviceIdsBySlug(tx: Tx, inputs: IncidentInput[]): Promise<Map<string, string>> {
  const slugs = [...new Set(inputs.flatMap((i) => i.impacts.map((m) => m.service)))];
  const rows = await tx.service.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
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

/** Creates these incidents inside the caller's transaction; their DTOs in the order given. */
export async function insertIncidents(tx: Tx, actor: Actor, inputs: IncidentInput[]): Promise<IncidentDto[]> {
  const prepared = inputs.map((input) => {
    const status = input.status ?? initialStatus(input);
    const issues = incidentIssues({ ...input, status });
    if (issues.length) throw new ValidationError(issues);
    return { id: newId(), input, status };
  });
  await assertUniqueExternals(tx, inputs);
  const serviceId = await serviceIdsBySlug(tx, inputs);
  const out: IncidentDto[] = [];
  for (let k = 0; k < prepared.length; k += BATCH) {
    const batch = prepared.slice(k, k + BATCH);
    const rows = await tx.incident.createManyAndReturn({
      data: batch.map(({ id, input, status }) => ({
        id,
        title: input.title,
        severity: input.severity,
        kind: input.kind,
        status,
        startedAt: input.startedAt,
        detectedAt: input.detectedAt ?? null,
        acknowledgedAt: input.acknowledgedAt ?? null,
        mitigatedAt: input.mitigatedAt ?? null,
        resolvedAt: input.resolvedAt ?? null,
        summary: input.summary ?? "",
        rootCause: input.rootCause ?? "",
        postmortem: input.postmortem ?? "",
        source: input.source ?? null,
        externalId: input.externalId ?? null,
      })),
    });
    const rowById = new Map(rows.map((r) => [r.id, r]));
    await tx.impact.createMany({
      data: batch.flatMap(({ id, input }) => {
        const row = rowById.get(id);
        if (!row) throw new Error(`incident ${id} was not returned by its insert`);
        return input.impacts.map((m) => ({ incidentId: id, serviceId: serviceId.get(m.service) as string, fraction: m.fraction, startedAt: m.startedAt ?? null, endedAt: m.endedAt ?? null, ...impactRowCopies(row, m) }));
      }),
    });
    const written = new Map((await tx.incident.findMany({ where: { id: { in: batch.map((b) => b.id) } }, include: incidentInclude })).map((r) => [r.id, toIncidentDto(r)]));
    const dtos = batch.map((b) => written.get(b.id) as IncidentDto);
    // Entries Nines writes itself: data, no sentence (pages render it in their zone).
    await tx.timelineEvent.createMany({
      data: dtos.flatMap((dto) => openingEntries(dto).map((e) => ({ incidentId: dto.id, at: new Date(e.at), type: e.type, message: "", data: e.data as unknown as Prisma.InputJsonObject, authorId: actor.userId, authorName: actor.name }))),
    });
    await recordAudits(tx, actor, dtos.map((dto) => ({ action: "create", entityType: "incident", entityId: dto.id, after: dto })));
    out.push(...dtos);
  }
  return out;
}
