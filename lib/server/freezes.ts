import "server-only";
import type { FreezeDto, FreezeListDto } from "@/lib/dto/budget-policy";
import type { FreezeFields } from "@/lib/dto/freezes";
import type { Freeze, Prisma } from "@/lib/generated/prisma/client";
import { freezeEnd, freezeOverlaps } from "@/lib/domain/changes";
import type { FreezeLiftInput } from "@/lib/schemas/budget-policy";
import type { FreezeFacts } from "@/lib/domain/freeze-message";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { organisationTimeZoneIn } from "./availability-data";
import { prisma, type Tx } from "./db";
import { emit } from "./notify";
import { ConflictError, NotFoundError, ValidationError } from "./errors";

// Freezes as stored periods (docs/decisions/0031-error-budget-policy.md): the evaluator opens and
// ends them; an admin may lift one early, with the reason on record.

type FreezeRow = Pick<Freeze, "id" | "startedAt" | "endedAt" | "reason" | "recoversAt" | "liftedAt" | "liftedBy" | "liftReason">;

/** A stored freeze as known at `asOf` (an end or a lift still to come then is none yet); by default as stored now. */
export function freezeFields(f: FreezeRow, asOf = Number.POSITIVE_INFINITY): FreezeFields {
  const end = freezeEnd({ endedAt: f.endedAt?.getTime() ?? null, liftedAt: f.liftedAt?.getTime() ?? null }, asOf);
  const lifted = f.liftedAt !== null && f.liftedAt.getTime() <= asOf;
  return {
    id: f.id,
    startedAt: f.startedAt.toISOString(),
    endedAt: end === null ? null : new Date(end).toISOString(),
    reason: f.reason,
    recoversAt: f.recoversAt?.toISOString() ?? null,
    liftedAt: lifted ? (f.liftedAt as Date).toISOString() : null,
    liftedBy: lifted ? f.liftedBy : null,
    liftReason: lifted ? f.liftReason : null,
  };
}

export const toFreezeDto = (f: Freeze, service: { slug: string; name: string }): FreezeDto => ({ ...freezeFields(f), service: { slug: service.slug, name: service.name }, sloIds: f.sloIds });

/** A freeze as its notifications state it (decision 0036), read in the transaction that opens or ends it. */
export async function freezeFacts(tx: Tx, f: Pick<Freeze, "id" | "startedAt" | "reason" | "recoversAt">, service: { id: string; slug: string; name: string; tierId: string }): Promise<FreezeFacts> {
  return { id: f.id, service: { id: service.id, slug: service.slug, name: service.name, tierId: service.tierId }, startedAt: f.startedAt.toISOString(), reason: f.reason, recoversAt: f.recoversAt?.toISOString() ?? null, timeZone: await organisationTimeZoneIn(tx) };
}

/**
 * The freezes that held at some time in [from, to), as of asOf, oldest first: the one rule for the
 * trend's bands, the review, reports and GET /freezes (a freeze ended or lifted after asOf still
 * held then; lib/domain/changes.ts freezeOverlaps).
 */
export async function freezesOverlapping(where: Prisma.FreezeWhereInput, from: number, to: number, asOf: number) {
  const rows = await prisma.freeze.findMany({
    where: { AND: [where, { startedAt: { lt: new Date(Math.min(to, asOf + 1)) } }, { OR: [{ endedAt: null }, { endedAt: { gt: new Date(from) } }] }] },
    include: { service: { select: { slug: true, name: true } } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
  });
  return rows.filter((f) => freezeOverlaps({ startedAt: f.startedAt.getTime(), endedAt: f.endedAt?.getTime() ?? null, recoversAt: null, liftedAt: f.liftedAt?.getTime() ?? null, liftedBy: null, liftReason: null }, from, to, asOf));
}

/** Freezes of one service (slug) or all that held in [from, to) (any instant when left out), oldest first. */
export async function listFreezes(q: { serviceSlug?: string; from?: Date; to?: Date }, now = Date.now()): Promise<FreezeListDto> {
  let where: Prisma.FreezeWhereInput = {};
  if (q.serviceSlug) {
    const service = await prisma.service.findUnique({ where: { slug: q.serviceSlug }, select: { id: true } });
    // A filter that names nothing is a 400 naming it, as the other lists' filters are.
    if (!service) throw ValidationError.field("service", `No service has the slug '${q.serviceSlug}'`);
    where = { serviceId: service.id };
  }
  const rows = await freezesOverlapping(where, q.from?.getTime() ?? 0, q.to?.getTime() ?? now + 1, now);
  return { freezes: rows.map((f) => toFreezeDto(f, f.service)), total: rows.length };
}

/**
 * Ends a freeze before its budget recovered (admin). The service is then in caution; the evaluator
 * keeps the lift while the same SLOs stay frozen and freezes again if another one freezes or one
 * recovers and spends again (lib/domain/budget-policy.ts liftHolds).
 */
export async function liftFreeze(actor: Actor, id: string, input: FreezeLiftInput, now = new Date()): Promise<FreezeDto> {
  return prisma.$transaction(async (tx) => {
    // The service's row before the freeze's, in the order the policy evaluator takes them: a lift
    // during an evaluation waits for it rather than deadlocking with it.
    await tx.$queryRaw`SELECT s.id FROM "Service" s JOIN "Freeze" f ON f."serviceId" = s.id WHERE f.id = ${id} FOR UPDATE OF s`;
    const freeze = await tx.freeze.findUnique({ where: { id }, include: { service: { select: { id: true, slug: true, name: true, tierId: true } } } });
    if (!freeze) throw new NotFoundError("Freeze", id);
    const lifted = await tx.freeze.updateMany({ where: { id, endedAt: null }, data: { endedAt: now, liftedAt: now, liftedBy: actor.label, liftReason: input.reason } });
    if (lifted.count !== 1) throw new ConflictError("This freeze has already ended", [{ path: "id", message: "already ended" }]);
    await tx.service.update({ where: { id: freeze.serviceId }, data: { policyState: "caution", policyStateSince: now } });
    const after = { ...freeze, endedAt: now, liftedAt: now, liftedBy: actor.label, liftReason: input.reason };
    await recordAudit(tx, actor, { action: "lift", entityType: "freeze", entityId: id, before: toFreezeDto(freeze, freeze.service), after: toFreezeDto(after, freeze.service) });
    // Announced in the lift's own transaction: exactly when it happens, or not at all.
    await emit(tx, { type: "policy.thawed", at: now.toISOString(), freeze: await freezeFacts(tx, freeze, freeze.service), endedAt: now.toISOString(), state: "caution", lifted: { by: actor.label, reason: input.reason } });
    return toFreezeDto(after, freeze.service);
  });
}
