import "server-only";
import type { GateDeployDto, GateDto, GateExceptionDto } from "@/lib/dto/budget-policy";
import type { GateException } from "@/lib/generated/prisma/client";
import type { GateDeployInput, GateExceptionInput } from "@/lib/schemas/budget-policy";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { recordChange } from "./changes";
import { prisma, type Tx } from "./db";
import { ConflictError, NotFoundError } from "./errors";

// The release gate (docs/decisions/0031-error-budget-policy.md): a pipeline asks whether a
// service may ship now. The answer is read from the states the policy's evaluator stored, so
// asking changes nothing and costs a few indexed reads. A frozen service lets a release through
// only with an exception recorded for that release first, and only once: the deploy that uses it
// (POST /gate/deploys) spends it and is recorded as a change.

export function toGateExceptionDto(e: GateException, serviceSlug: string): GateExceptionDto {
  return { id: e.id, service: serviceSlug, release: e.release, reason: e.reason, createdBy: e.createdBy, createdAt: e.createdAt.toISOString(), usedAt: e.usedAt?.toISOString() ?? null };
}

type Db = Tx | typeof prisma;

async function serviceOr404(db: Db, slug: string) {
  const service = await db.service.findFirst({ where: { slug, archivedAt: null }, select: { id: true, slug: true, name: true, policyState: true, policyStateSince: true } });
  if (!service) throw new NotFoundError("Service", slug);
  return service;
}

async function gateOf(db: Db, service: Awaited<ReturnType<typeof serviceOr404>>, release: string | undefined): Promise<{ gate: GateDto; exception: GateException | null }> {
  // One after another: inside a transaction the queries share one connection.
  const slos = await db.slo.findMany({ where: { serviceId: service.id, archivedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const freeze = await db.freeze.findFirst({ where: { serviceId: service.id, endedAt: null }, orderBy: { startedAt: "desc" } });
  // An exception is for the freeze it was recorded in: one recorded before this freeze began (or
  // while the service was not frozen) lets nothing through now, and is not spent by a deploy.
  const exception =
    release && service.policyState === "frozen"
      ? await db.gateException.findFirst({ where: { serviceId: service.id, release, usedAt: null, ...(freeze ? { createdAt: { gte: freeze.startedAt } } : {}) }, orderBy: { createdAt: "asc" } })
      : null;
  const state = service.policyState;
  const reasons: string[] = [];
  for (const s of slos) if (s.policyState === state && state !== "normal") reasons.push(...s.policyReasons.map((r) => `${s.name}: ${r}`));
  if (state === "frozen") {
    reasons.unshift(`${service.name} is frozen by its error-budget policy${freeze ? ` since ${freeze.startedAt.toISOString()}` : ""}: only urgent fixes with a recorded exception ship`);
    if (exception) reasons.push(`Release ${exception.release} may ship once: exception recorded by ${exception.createdBy} (${exception.reason})`);
    else if (release) reasons.push(`No exception is recorded for release ${release} (POST /api/v1/services/${service.slug}/gate/exceptions)`);
  } else if (state === "caution" && service.policyStateSince) {
    reasons.unshift(`${service.name} is in caution since ${service.policyStateSince.toISOString()}: changes may ship; keep them small and watched`);
  }
  const evaluated = slos.map((s) => s.policyEvaluatedAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  return {
    gate: {
      allowed: state !== "frozen" || exception !== null,
      state,
      reasons,
      slos: slos.map((s) => ({ id: s.id, name: s.name, state: s.policyState, remainingRatio: s.policyRemaining })),
      until: state === "frozen" ? (freeze?.recoversAt?.toISOString() ?? null) : null,
      evaluatedAt: evaluated > 0 ? new Date(evaluated).toISOString() : null,
    },
    exception,
  };
}

/** Whether `release` (or any release) of the service may ship now. Changes nothing. */
export async function getGate(slug: string, release?: string): Promise<GateDto> {
  return (await gateOf(prisma, await serviceOr404(prisma, slug), release)).gate;
}

export async function createGateException(actor: Actor, slug: string, input: GateExceptionInput): Promise<GateExceptionDto> {
  return prisma.$transaction(async (tx) => {
    const service = await serviceOr404(tx, slug);
    const row = await tx.gateException.create({ data: { serviceId: service.id, release: input.release, reason: input.reason, createdBy: actor.label } });
    const dto = toGateExceptionDto(row, service.slug);
    await recordAudit(tx, actor, { action: "create", entityType: "gate_exception", entityId: row.id, after: { ...dto, serviceName: service.name } });
    return dto;
  });
}

/**
 * A pipeline ships `release`: allowed by the gate (a frozen service spends its exception, once,
 * compare-and-set so two deploys cannot both use it), recorded as a deploy. A 409 with the gate's
 * reasons when not allowed.
 */
export async function recordGateDeploy(actor: Actor, slug: string, input: GateDeployInput, now = new Date()): Promise<GateDeployDto> {
  return prisma.$transaction(async (tx) => {
    const service = await serviceOr404(tx, slug);
    const { gate, exception } = await gateOf(tx, service, input.release);
    if (!gate.allowed) throw new ConflictError(`The gate does not allow release ${input.release}: ${gate.reasons.join("; ")}`, [{ path: "release", message: "not allowed while frozen without an exception" }]);
    if (exception) {
      const spent = await tx.gateException.updateMany({ where: { id: exception.id, usedAt: null }, data: { usedAt: now } });
      if (spent.count !== 1) throw new ConflictError(`The exception for release ${input.release} was used by another deploy`, [{ path: "release", message: "exception already used" }]);
    }
    const change = await recordChange(tx, actor, { serviceId: service.id, at: now, kind: "deploy", summary: input.summary ?? `Release ${input.release}, through the release gate`, url: input.url ?? null, release: input.release, source: "gate" });
    return { gate, change: { id: change.id, at: change.at, release: input.release }, exceptionId: exception?.id ?? null };
  });
}
