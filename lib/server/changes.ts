import "server-only";
import { changesWindowBefore, type ChangeKind, type ChangeSource } from "@/lib/domain/changes";
import type { ChangeDto, ChangeListDto, IncidentChangesDto } from "@/lib/dto/changes";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeInput, ChangeListQuery } from "@/lib/schemas/change";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma } from "./db";
import { NotFoundError, ValidationError } from "./errors";
import { resolveIncidentId } from "./incident-ref";

// Changes beside incidents: what pipelines (and the release gate) record, listed newest first,
// and the ones before an incident started. Each write and its audit event in one transaction.

const include = { service: { select: { id: true, slug: true, name: true } } } satisfies Prisma.ChangeInclude;
type Row = Prisma.ChangeGetPayload<{ include: typeof include }>;

function toDto(row: Row): ChangeDto {
  return {
    id: row.id,
    service: row.service,
    at: row.at.toISOString(),
    kind: row.kind,
    summary: row.summary,
    url: row.url,
    release: row.release,
    source: row.source === "gate" ? "gate" : "api",
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Records one change in the caller's transaction, with its audit event: the POST handler's write,
 * and the release gate's for a release it let through (`source: "gate"`).
 */
export async function recordChange(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: { serviceId: string; at: Date; kind: ChangeKind; summary: string; url: string | null; release: string | null; source: ChangeSource },
): Promise<ChangeDto> {
  const row = await tx.change.create({
    data: { serviceId: input.serviceId, at: input.at, kind: input.kind, summary: input.summary, url: input.url, release: input.release, source: input.source, createdBy: actor.label },
    include,
  });
  const dto = toDto(row);
  await recordAudit(tx, actor, { action: "create", entityType: "change", entityId: row.id, after: dto });
  return dto;
}

/** A service by slug, or a 404 naming it: a change for a service Nines does not know is lost, not guessed. */
async function serviceIdOf(slug: string, db: Prisma.TransactionClient | typeof prisma = prisma): Promise<string> {
  const service = await db.service.findUnique({ where: { slug }, select: { id: true } });
  if (!service) throw new NotFoundError("Service", slug);
  return service.id;
}

/** `POST /api/v1/changes`. */
export async function createChange(actor: Actor, input: ChangeInput): Promise<ChangeDto> {
  return prisma.$transaction(async (tx) =>
    recordChange(tx, actor, {
      serviceId: await serviceIdOf(input.service, tx),
      at: input.at ?? new Date(),
      kind: input.kind,
      summary: input.summary,
      url: input.url ?? null,
      release: input.release ?? null,
      source: "api",
    }),
  );
}

/** `GET /api/v1/changes`: newest first (then by id, so a page never repeats or skips one); `total` is every match. */
export async function listChanges(q: ChangeListQuery): Promise<ChangeListDto> {
  const limit = q.limit ?? 50;
  const and: Prisma.ChangeWhereInput[] = [];
  if (q.service !== undefined) {
    // A filter value that names nothing is the caller's mistake, not an empty list.
    const service = await prisma.service.findUnique({ where: { slug: q.service }, select: { id: true } });
    if (!service) throw ValidationError.field("service", `No service has the slug '${q.service}'`);
    and.push({ serviceId: service.id });
  }
  if (q.kind) and.push({ kind: q.kind });
  if (q.from) and.push({ at: { gte: q.from } });
  if (q.to) and.push({ at: { lte: q.to } });
  const where = { AND: and };
  // Prisma would page from a cursor that names no change as if from the start: refuse it instead.
  if (q.cursor && (!/^[\w-]{1,64}$/.test(q.cursor) || !(await prisma.change.findUnique({ where: { id: q.cursor }, select: { id: true } })))) {
    throw ValidationError.field("cursor", "Not a cursor this API returned");
  }
  const [rows, total] = await Promise.all([
    prisma.change.findMany({ where, include, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit + 1, ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}) }),
    prisma.change.count({ where }),
  ]);
  const page = rows.slice(0, limit);
  return { changes: page.map(toDto), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null, total };
}

/** More than this in two hours is a list no one reads on an incident page; `total` still counts all. */
const BEFORE_INCIDENT_LIMIT = 100;

/** The changes to an incident's services in the two hours before it started, newest first. */
export async function changesBeforeIncident(ref: string): Promise<IncidentChangesDto> {
  const id = await resolveIncidentId(ref);
  const incident = await prisma.incident.findUniqueOrThrow({ where: { id }, select: { startedAt: true, impacts: { select: { serviceId: true, service: { select: { slug: true } } } } } });
  const { from, to } = changesWindowBefore(incident.startedAt.getTime());
  const where = { serviceId: { in: incident.impacts.map((i) => i.serviceId) }, at: { gte: new Date(from), lte: new Date(to) } };
  const [rows, total] = await Promise.all([
    prisma.change.findMany({ where, include, orderBy: [{ at: "desc" }, { id: "desc" }], take: BEFORE_INCIDENT_LIMIT }),
    prisma.change.count({ where }),
  ]);
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    services: incident.impacts.map((i) => i.service.slug).sort(),
    total,
    changes: rows.map(toDto),
  };
}

/**
 * The postmortem the error-budget policy requires of an incident (set when it cost more than the
 * policy's share of a budget), or null: read for the incident page beside the incident itself.
 */
export async function requiredPostmortemOf(ref: string): Promise<{ dueAt: string; reason: string | null } | null> {
  const id = await resolveIncidentId(ref);
  const row = await prisma.incident.findUniqueOrThrow({ where: { id }, select: { postmortemDueAt: true, postmortemReason: true } });
  return row.postmortemDueAt ? { dueAt: row.postmortemDueAt.toISOString(), reason: row.postmortemReason } : null;
}
