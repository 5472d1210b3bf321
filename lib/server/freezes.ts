import "server-only";
import type { FreezeDto, FreezeListDto } from "@/lib/dto/budget-policy";
import type { Freeze } from "@/lib/generated/prisma/client";
import type { FreezeLiftInput } from "@/lib/schemas/budget-policy";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma } from "./db";
import { ConflictError, NotFoundError } from "./errors";

// Freezes as stored periods (docs/decisions/0031-error-budget-policy.md): the evaluator opens and
// ends them; an admin may lift one early, with the reason on record.

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toFreezeDto(f: Freeze, service: { slug: string; name: string }): FreezeDto {
  return {
    id: f.id,
    service: { slug: service.slug, name: service.name },
    startedAt: f.startedAt.toISOString(),
    endedAt: iso(f.endedAt),
    reason: f.reason,
    sloIds: f.sloIds,
    recoversAt: iso(f.recoversAt),
    liftedAt: iso(f.liftedAt),
    liftedBy: f.liftedBy,
    liftReason: f.liftReason,
  };
}

/** Freezes that overlap [from, to) (any instant when null), of one service or all, oldest first. */
export async function listFreezes(q: { serviceSlug?: string; from?: Date; to?: Date }): Promise<FreezeListDto> {
  let serviceId: string | undefined;
  if (q.serviceSlug) {
    const service = await prisma.service.findUnique({ where: { slug: q.serviceSlug }, select: { id: true } });
    if (!service) throw new NotFoundError("Service", q.serviceSlug);
    serviceId = service.id;
  }
  const where = {
    ...(serviceId ? { serviceId } : {}),
    ...(q.to ? { startedAt: { lt: q.to } } : {}),
    ...(q.from ? { OR: [{ endedAt: null }, { endedAt: { gt: q.from } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.freeze.findMany({ where, include: { service: { select: { slug: true, name: true } } }, orderBy: [{ startedAt: "asc" }, { id: "asc" }] }),
    prisma.freeze.count({ where }),
  ]);
  return { freezes: rows.map((f) => toFreezeDto(f, f.service)), total };
}

/**
 * Ends a freeze before its budget recovered (admin). The service is then in caution; the evaluator
 * keeps the lift while the same SLOs stay frozen and freezes again if another one freezes or one
 * recovers and spends again (lib/domain/budget-policy.ts liftHolds).
 */
export async function liftFreeze(actor: Actor, id: string, input: FreezeLiftInput, now = new Date()): Promise<FreezeDto> {
  return prisma.$transaction(async (tx) => {
    const freeze = await tx.freeze.findUnique({ where: { id }, include: { service: { select: { slug: true, name: true } } } });
    if (!freeze) throw new NotFoundError("Freeze", id);
    const lifted = await tx.freeze.updateMany({ where: { id, endedAt: null }, data: { endedAt: now, liftedAt: now, liftedBy: actor.label, liftReason: input.reason } });
    if (lifted.count !== 1) throw new ConflictError("This freeze has already ended", [{ path: "id", message: "already ended" }]);
    await tx.service.update({ where: { id: freeze.serviceId }, data: { policyState: "caution", policyStateSince: now } });
    const after = { ...freeze, endedAt: now, liftedAt: now, liftedBy: actor.label, liftReason: input.reason };
    await recordAudit(tx, actor, { action: "lift", entityType: "freeze", entityId: id, before: toFreezeDto(freeze, freeze.service), after: toFreezeDto(after, freeze.service) });
    return toFreezeDto(after, freeze.service);
  });
}
