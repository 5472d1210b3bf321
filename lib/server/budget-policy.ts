import "server-only";
import { BUDGET_POLICY_KEYS, DEFAULT_BUDGET_POLICY, effectivePolicy, policyProblem, type BudgetPolicy } from "@/lib/domain/budget-policy";
import type { ServicePolicyDto, TierPolicyDto } from "@/lib/dto/budget-policy";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BudgetPolicyInput, BudgetPolicyOverrideInput } from "@/lib/schemas/budget-policy";
import { StoredBudgetPolicy, StoredPolicyOverride } from "@/lib/schemas/stored";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma } from "./db";
import { NotFoundError, ValidationError } from "./errors";
import { toFreezeDto } from "./freezes";
import { toGateExceptionDto } from "./release-gate";

// Error-budget policies: a tier's (null = Nines' default) and a service's overrides of it
// (docs/decisions/0031-error-budget-policy.md). Admins change them; everyone reads them.

/** A tier's stored policy, or null when it follows the default. */
export const readTierPolicy = (stored: unknown, tierName: string): BudgetPolicy | null =>
  stored === null || stored === undefined ? null : StoredBudgetPolicy.read(stored, `Tier ${tierName}`);

export const readOverrides = (stored: unknown, slug: string): Partial<BudgetPolicy> =>
  stored === null || stored === undefined ? {} : StoredPolicyOverride.read(stored, `Service ${slug}`);

/** The policy a service follows. */
export function servicePolicyOf(service: { slug: string; budgetPolicy: unknown; tier: { name: string; budgetPolicy: unknown } }): BudgetPolicy {
  return effectivePolicy(readTierPolicy(service.tier.budgetPolicy, service.tier.name), readOverrides(service.budgetPolicy, service.slug));
}

function assertCoherent(policy: BudgetPolicy): void {
  const problem = policyProblem(policy);
  if (problem) throw ValidationError.field(problem.field, problem.message);
}

async function tierOr404(id: string) {
  const tier = await prisma.tier.findUnique({ where: { id } });
  if (!tier) throw new NotFoundError("Tier", id);
  return tier;
}

const tierDto = (tier: { id: string; name: string; rank: number; budgetPolicy: unknown }): TierPolicyDto => {
  const stored = readTierPolicy(tier.budgetPolicy, tier.name);
  return { tier: { id: tier.id, name: tier.name, rank: tier.rank }, policy: stored ?? DEFAULT_BUDGET_POLICY, isDefault: stored === null };
};

export async function getTierPolicy(id: string): Promise<TierPolicyDto> {
  return tierDto(await tierOr404(id));
}

/** Replaces a tier's policy (null: back to the default). */
export async function setTierPolicy(actor: Actor, id: string, input: BudgetPolicyInput | null): Promise<TierPolicyDto> {
  if (input) assertCoherent(input);
  return prisma.$transaction(async (tx) => {
    const tier = await tx.tier.findUnique({ where: { id } });
    if (!tier) throw new NotFoundError("Tier", id);
    const updated = await tx.tier.update({ where: { id }, data: { budgetPolicy: input ? (StoredBudgetPolicy.write(input) as Prisma.InputJsonObject) : Prisma.DbNull } });
    await recordAudit(tx, actor, { action: "update_budget_policy", entityType: "tier", entityId: id, before: { name: tier.name, budgetPolicy: tierDto(tier).policy }, after: { name: tier.name, budgetPolicy: tierDto(updated).policy } });
    return tierDto(updated);
  });
}

const serviceInclude = { tier: { select: { id: true, name: true, rank: true, budgetPolicy: true } } } as const;

async function serviceOr404(slug: string) {
  const service = await prisma.service.findUnique({ where: { slug }, include: serviceInclude });
  if (!service) throw new NotFoundError("Service", slug);
  return service;
}

/** Sets or clears (null) some of a service's overrides; the fields left out keep theirs. */
export async function setServiceOverrides(actor: Actor, slug: string, input: BudgetPolicyOverrideInput): Promise<ServicePolicyDto> {
  await prisma.$transaction(async (tx) => {
    // The service's row first: two admins' saves of different fields at once both keep theirs.
    await tx.$queryRaw`SELECT id FROM "Service" WHERE slug = ${slug} FOR UPDATE`;
    const service = await tx.service.findUnique({ where: { slug }, include: serviceInclude });
    if (!service) throw new NotFoundError("Service", slug);
    const before = readOverrides(service.budgetPolicy, slug);
    const next: Partial<BudgetPolicy> = { ...before };
    for (const key of BUDGET_POLICY_KEYS) {
      const value = input[key];
      if (value === null) delete next[key];
      else if (value !== undefined) (next as Record<string, unknown>)[key] = value;
    }
    assertCoherent(effectivePolicy(readTierPolicy(service.tier.budgetPolicy, service.tier.name), next));
    const empty = Object.keys(next).length === 0;
    await tx.service.update({ where: { id: service.id }, data: { budgetPolicy: empty ? Prisma.DbNull : (StoredPolicyOverride.write(next) as Prisma.InputJsonObject) } });
    await recordAudit(tx, actor, { action: "update_budget_policy", entityType: "service", entityId: service.id, before: { slug, name: service.name, overrides: before }, after: { slug, name: service.name, overrides: next } });
  });
  return getServicePolicy(slug);
}

/** A service's policy, its state as the evaluator last wrote it, its freezes and open exceptions. */
export async function getServicePolicy(slug: string): Promise<ServicePolicyDto> {
  const service = await serviceOr404(slug);
  const [slos, freezes, exceptions] = await Promise.all([
    prisma.slo.findMany({ where: { serviceId: service.id, archivedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    prisma.freeze.findMany({ where: { serviceId: service.id }, orderBy: [{ startedAt: "desc" }, { id: "desc" }] }),
    prisma.gateException.findMany({ where: { serviceId: service.id, usedAt: null }, orderBy: { createdAt: "asc" } }),
  ]);
  // An exception counts only in the freeze it was recorded in (release-gate.ts): the others are moot.
  const open = freezes.find((f) => f.endedAt === null) ?? null;
  const usable = service.policyState === "frozen" && open ? exceptions.filter((e) => e.createdAt >= open.startedAt) : [];
  const tierPolicy = readTierPolicy(service.tier.budgetPolicy, service.tier.name) ?? DEFAULT_BUDGET_POLICY;
  const overrides = readOverrides(service.budgetPolicy, slug);
  const names = { slug: service.slug, name: service.name };
  const current = open;
  return {
    service: { slug: service.slug, name: service.name, tierId: service.tier.id, tierName: service.tier.name, tierRank: service.tier.rank },
    tierPolicy,
    overrides: Object.fromEntries(BUDGET_POLICY_KEYS.map((k) => [k, overrides[k] ?? null])) as ServicePolicyDto["overrides"],
    policy: effectivePolicy(tierPolicy, overrides),
    state: service.policyState,
    stateSince: service.policyStateSince?.toISOString() ?? null,
    slos: slos.map((s) => ({ id: s.id, name: s.name, state: s.policyState, remainingRatio: s.policyRemaining, reasons: s.policyReasons, since: s.policyStateSince?.toISOString() ?? null })),
    currentFreeze: current ? toFreezeDto(current, names) : null,
    freezes: freezes.map((f) => toFreezeDto(f, names)),
    openExceptions: usable.map((e) => toGateExceptionDto(e, service.slug)),
  };
}

/** For the overview: the frozen services (the first `limit`, longest frozen first) and how many are frozen and in caution. */
export async function policyStates(limit = 10): Promise<{ frozen: { slug: string; name: string; since: string | null; recoversAt: string | null }[]; frozenTotal: number; cautionTotal: number }> {
  const where = { archivedAt: null, policyState: "frozen" } as const;
  const [rows, frozenTotal, cautionTotal] = await Promise.all([
    prisma.service.findMany({ where, orderBy: [{ policyStateSince: "asc" }, { slug: "asc" }], take: limit, select: { slug: true, name: true, policyStateSince: true, freezes: { where: { endedAt: null }, select: { recoversAt: true }, take: 1 } } }),
    prisma.service.count({ where }),
    prisma.service.count({ where: { archivedAt: null, policyState: "caution" } }),
  ]);
  return {
    frozen: rows.map((s) => ({ slug: s.slug, name: s.name, since: s.policyStateSince?.toISOString() ?? null, recoversAt: s.freezes[0]?.recoversAt?.toISOString() ?? null })),
    frozenTotal,
    cautionTotal,
  };
}
