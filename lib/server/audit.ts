import "server-only";
import type { AuditListDto, LastChange } from "@/lib/dto/audit";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "./auth/actor";
import { nameAuditEntities, resolveAuditEntity } from "./audit-entities";
import { prisma, type Tx } from "./db";
import { ValidationError } from "./errors";

export type AuditEntry = {
  action: "create" | "update" | "delete" | "archive" | "restore" | "revoke" | string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  if (value === undefined || value === null) return Prisma.JsonNull;
  // Dates become ISO strings; the snapshot is what a person reads back later.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

const row = (actor: Actor | null, entry: AuditEntry) => ({
  actorId: actor?.userId ?? null,
  actorLabel: actor?.label ?? "system",
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  before: json(entry.before),
  after: json(entry.after),
});

/** Writes one audit event inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: row(actor, entry) });
}

export async function listAuditEvents(query: {
  entityType?: string;
  entityId?: string;
  entity?: string;
  actor?: string;
  cursor?: string;
  limit?: number;
}): Promise<AuditListDto> {
  const limit = query.limit ?? 50;
  // Prisma would page from a cursor that names no event as if from the start: refuse it instead.
  if (query.cursor && (!/^[\w-]{1,64}$/.test(query.cursor) || !(await prisma.auditEvent.findUnique({ where: { id: query.cursor }, select: { id: true } })))) {
    throw ValidationError.field("cursor", "Not a cursor this API returned");
  }
  const named = query.entity ? await resolveAuditEntity(query.entity) : null;
  if (query.actor && !(await prisma.auditEvent.findFirst({ where: { actorLabel: query.actor }, select: { id: true } }))) {
    throw ValidationError.field("actor", `No event in the audit trail was made by "${query.actor}"`);
  }
  const where = {
    ...(query.entityType ? { entityType: query.entityType } : {}),
    ...(query.entityId ? { entityId: query.entityId } : {}),
    ...(named ? { entityType: named.entityType, entityId: named.entityId } : {}),
    ...(query.actor ? { actorLabel: query.actor } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit + 1, ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}) }),
    prisma.auditEvent.count({ where }),
  ]);
  const page = rows.slice(0, limit);
  const entities = await nameAuditEntities(page);
  return {
    events: page.map((e, i) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actorLabel,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      entity: entities[i] ?? { id: e.entityId, reference: null, title: null },
      before: e.before,
      after: e.after,
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    total,
  };
}

/** Everyone who has acted, as the trail names them, for the actor filter. */
export async function auditActors(): Promise<string[]> {
  const rows = await prisma.auditEvent.findMany({ distinct: ["actorLabel"], select: { actorLabel: true } });
  return rows.map((r) => r.actorLabel).sort((a, b) => a.localeCompare(b));
}

export async function auditEntityTypes(): Promise<string[]> {
  const rows = await prisma.auditEvent.findMany({ distinct: ["entityType"], select: { entityType: true } });
  return rows.map((r) => r.entityType).sort();
}

export async function lastChange(tx: Tx | typeof prisma, entityType: string, entityId: string, version: number): Promise<LastChange | undefined> {
  const event = await tx.auditEvent.findFirst({
    where: { entityType, entityId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    include: { actor: { select: { name: true } } },
  });
  return event ? { version, changedBy: event.actor?.name || event.actorLabel, changedAt: event.at.toISOString() } : undefined;
}
