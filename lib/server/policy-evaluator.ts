import "server-only";
import { liftHolds, recoveryAt, requiredPostmortem, sloPolicyState, worstState, type PolicyState } from "@/lib/domain/budget-policy";
import type { SloAvailabilityDto } from "@/lib/dto/slos";
import { availabilityFor } from "./availability";
import { loadServiceSlo } from "./availability-data";
import { recordAudit } from "./audit";
import { servicePolicyOf } from "./budget-policy";
import { prisma } from "./db";
import { NotFoundError } from "./errors";
import { freezeFacts } from "./freezes";
import { incidentCosts } from "./incident-costs";
import { takeLease } from "./notification-evaluator";
import { emit } from "./notify";

// The error-budget policy's evaluator (docs/decisions/0031-error-budget-policy.md): once a minute,
// in the one process holding its lease, every SLO's figures are read and its state under its
// service's policy is stored when it changed; a service whose worst state becomes frozen gets a
// Freeze row, ended when it thaws. States and freezes are written as they happen, never worked
// out again on a request, so the gate reads them and a past report shows freezes as they were.
// Resolved incidents are then checked once each for the postmortem the policy requires.

const DAY = 86_400_000;

type SloRow = { id: string; name: string; serviceId: string; policyState: PolicyState; policyStateSince: Date | null; policyRemaining: number | null; policyReasons: string[] };

/** Back above the freezing threshold, if nothing more is spent: the latest of the frozen SLOs' (null if one cannot say). */
async function recoveryOf(frozen: SloAvailabilityDto[], freezeAtOrBelow: number, asOf: number): Promise<Date | null> {
  let latest = asOf;
  for (const f of frozen) {
    // Frozen by burning alone, the budget left above the threshold: no recovery instant to say.
    if ((f.errorBudget?.remainingRatio ?? 1) > freezeAtOrBelow) return null;
    if (!f.window.label.startsWith("rolling:")) {
      latest = Math.max(latest, Date.parse(f.window.to));
      continue;
    }
    // Only the incident record draws its budget's burn-down; a measured SLO's recovery is not said.
    if (f.slo.sli.source !== "incidents") return null;
    const service = await loadServiceSlo(f.slo.service.slug);
    if (!service) return null;
    // The SLO's own objective, as its figures were computed (slo-availability.ts figuresOfSlos).
    const objective = { ...service, target: f.slo.target, sloWindow: f.slo.window, maintenance: f.slo.maintenance };
    const detail = await availabilityFor(objective, { window: f.window.label, asOf: new Date(asOf) });
    if (!detail.errorBudget) return null;
    const at = recoveryAt({
      window: { kind: "rolling", from: Date.parse(detail.window.from), to: Date.parse(detail.window.to) },
      asOf,
      budgetSeconds: detail.errorBudget.budgetSeconds,
      aboveRatio: freezeAtOrBelow,
      burnDown: detail.burnDown.map((p) => ({ at: Date.parse(p.at), remainingSeconds: p.remainingSeconds })),
    });
    if (at === null) return null;
    latest = Math.max(latest, at);
  }
  return new Date(latest);
}

async function evaluateServices(now: number, figures: SloAvailabilityDto[], only: string | undefined): Promise<{ slos: number; services: number }> {
  const services = await prisma.service.findMany({
    where: { archivedAt: null, ...(only ? { slug: only } : {}) },
    select: { id: true, slug: true, name: true, tierId: true, policyState: true, budgetPolicy: true, tier: { select: { name: true, budgetPolicy: true } } },
  });
  const slos = new Map<string, SloRow>(
    (await prisma.slo.findMany({ where: { archivedAt: null, service: { archivedAt: null, ...(only ? { slug: only } : {}) } }, select: { id: true, name: true, serviceId: true, policyState: true, policyStateSince: true, policyRemaining: true, policyReasons: true } })).map((s) => [s.id, s]),
  );
  const bySlug = new Map<string, SloAvailabilityDto[]>();
  for (const f of figures) bySlug.set(f.slo.service.slug, [...(bySlug.get(f.slo.service.slug) ?? []), f]);
  const at = new Date(now);
  let movedSlos = 0;
  let movedServices = 0;
  for (const service of services) {
    const policy = servicePolicyOf(service);
    const own = bySlug.get(service.slug) ?? [];
    const states = own.map((f) => ({ f, row: slos.get(f.slo.id), next: sloPolicyState({ remainingRatio: f.errorBudget?.remainingRatio ?? null, burnState: f.burnState }, policy) }));
    const frozenSince = states.filter((s) => s.next.state === "frozen").map((s) => (s.row?.policyState === "frozen" ? (s.row.policyStateSince?.getTime() ?? now) : now));
    const computed = worstState(states.map((s) => s.next.state));
    const frozenFigures = states.filter((s) => s.next.state === "frozen").map((s) => s.f);
    const recoversAt = computed === "frozen" ? await recoveryOf(frozenFigures, policy.freezeAtOrBelow, now) : null;
    const reason = states.filter((s) => s.next.state === "frozen").map((s) => `${s.f.slo.name}: ${s.next.reasons.join("; ")}`).join(" · ");
    await prisma.$transaction(async (tx) => {
      // The service's row first: two evaluations (the minute's and an admin's) and a lift take it
      // in turn, so each sees the freezes the other wrote (one open freeze a service, by index).
      const locked = await tx.$queryRaw<{ policyState: PolicyState }[]>`SELECT "policyState" FROM "Service" WHERE id = ${service.id} FOR UPDATE`;
      const currentState = locked[0]?.policyState ?? service.policyState;
      const open = await tx.freeze.findFirst({ where: { serviceId: service.id, endedAt: null }, orderBy: { startedAt: "desc" } });
      const lastLifted = await tx.freeze.findFirst({ where: { serviceId: service.id, liftedAt: { not: null } }, orderBy: { liftedAt: "desc" } });
      const lifted = computed === "frozen" && !open && lastLifted?.liftedAt && liftHolds(lastLifted.liftedAt.getTime(), frozenSince);
      const effective: PolicyState = lifted ? "caution" : computed;
      for (const { f, row, next } of states) {
        if (!row) continue;
        const remaining = f.errorBudget?.remainingRatio ?? null;
        const reasonsChanged = row.policyReasons.join("\n") !== next.reasons.join("\n");
        const remainingChanged = (remaining === null) !== (row.policyRemaining === null) || Math.abs((remaining ?? 0) - (row.policyRemaining ?? 0)) >= 0.0005;
        if (row.policyState === next.state && !reasonsChanged && !remainingChanged) continue;
        await tx.slo.update({
          where: { id: row.id },
          data: { policyState: next.state, policyReasons: next.reasons, policyRemaining: remaining, ...(row.policyState !== next.state ? { policyStateSince: at } : {}) },
        });
        if (row.policyState !== next.state) movedSlos += 1;
      }
      if (own.length > 0) await tx.slo.updateMany({ where: { id: { in: own.map((f) => f.slo.id) } }, data: { policyEvaluatedAt: at } });
      if (effective === "frozen" && !open) {
        const freeze = await tx.freeze.create({ data: { serviceId: service.id, startedAt: at, reason, sloIds: frozenFigures.map((f) => f.slo.id), recoversAt } });
        await recordAudit(tx, null, { action: "freeze", entityType: "freeze", entityId: freeze.id, after: { service: service.slug, serviceName: service.name, reason, recoversAt } });
        // Announced in the transaction that opens the freeze (decision 0036): once, exactly when it happens.
        await emit(tx, { type: "policy.frozen", at: at.toISOString(), freeze: await freezeFacts(tx, freeze, service) });
      } else if (effective === "frozen" && open && (open.recoversAt?.getTime() ?? null) !== (recoversAt?.getTime() ?? null)) {
        await tx.freeze.update({ where: { id: open.id }, data: { recoversAt } });
      } else if (effective !== "frozen" && open) {
        const ended = await tx.freeze.updateMany({ where: { id: open.id, endedAt: null }, data: { endedAt: at } });
        // Only the writer that ended it records and announces the thaw.
        if (ended.count === 1) {
          await recordAudit(tx, null, { action: "thaw", entityType: "freeze", entityId: open.id, after: { service: service.slug, serviceName: service.name, state: effective } });
          await emit(tx, { type: "policy.thawed", at: at.toISOString(), freeze: await freezeFacts(tx, open, service), endedAt: at.toISOString(), state: effective, lifted: null });
        }
      }
      if (currentState !== effective) {
        await tx.service.update({ where: { id: service.id }, data: { policyState: effective, policyStateSince: at } });
        movedServices += 1;
      }
    });
  }
  return { slos: movedSlos, services: movedServices };
}

/**
 * Resolved unplanned incidents not yet checked get their required postmortem (or "" for none
 * required): each is checked once, with its cost as of its resolution's evaluation.
 */
async function evaluatePostmortems(now: number, only: string | undefined): Promise<number> {
  const incidents = await prisma.incident.findMany({
    where: { kind: "unplanned", resolvedAt: { not: null, gt: new Date(now - 30 * DAY) }, postmortemReason: null, impacts: { some: only ? { service: { slug: only } } : {} } },
    select: { id: true, number: true, title: true, startedAt: true, resolvedAt: true, impacts: { select: { service: { select: { slug: true, name: true, budgetPolicy: true, tier: { select: { name: true, budgetPolicy: true } } } } } } },
    orderBy: { resolvedAt: "asc" },
    take: 200,
  });
  let required = 0;
  for (const incident of incidents) {
    const services = new Map(incident.impacts.map((i) => [i.service.slug, i.service]));
    const costs = await incidentCosts({ id: incident.id, startedAt: incident.startedAt.toISOString(), resolvedAt: incident.resolvedAt?.toISOString() ?? null, impacts: [...services.keys()].map((service) => ({ service })) }, now);
    const need = requiredPostmortem(
      costs.flatMap((c) => {
        const s = services.get(c.service);
        return s ? [{ serviceName: c.serviceName, windowLabel: c.window.label, budgetShare: c.budgetShare, policy: servicePolicyOf(s) }] : [];
      }),
      incident.resolvedAt?.getTime() ?? now,
    );
    await prisma.$transaction(async (tx) => {
      const set = await tx.incident.updateMany({ where: { id: incident.id, postmortemReason: null }, data: need ? { postmortemDueAt: new Date(need.dueAt), postmortemReason: need.reason } : { postmortemReason: "" } });
      if (need && set.count === 1) {
        required += 1;
        await recordAudit(tx, null, { action: "require_postmortem", entityType: "incident", entityId: incident.id, after: { number: incident.number, title: incident.title, postmortemDueAt: new Date(need.dueAt).toISOString(), postmortemReason: need.reason } });
      }
    });
  }
  return required;
}

/** One evaluation of every service's policy state (or one service's, by slug), as of `now`. */
export async function evaluatePolicyOnce(now = Date.now(), only?: string): Promise<{ slos: number; services: number; postmortems: number }> {
  const { figuresWhere } = await import("./slo-availability");
  if (only && !(await prisma.service.findFirst({ where: { slug: only, archivedAt: null }, select: { id: true } }))) throw new NotFoundError("Service", only);
  const figures = await figuresWhere({ archivedAt: null, service: { archivedAt: null, ...(only ? { slug: only } : {}) } }, { asOf: new Date(now) });
  const moved = await evaluateServices(now, figures, only);
  return { ...moved, postmortems: await evaluatePostmortems(now, only) };
}

export type PolicyEvaluatorHandle = { stop: () => Promise<void> };

/** Every `everyMs` (NINES_POLICY_EVALUATOR_SECONDS, default 60 s), in whichever process holds the lease. */
export function startPolicyEvaluator(opts: { everyMs?: number; log?: (m: string) => void } = {}): PolicyEvaluatorHandle {
  const everyMs = opts.everyMs ?? Number(process.env.NINES_POLICY_EVALUATOR_SECONDS ?? 60) * 1000;
  const log = opts.log ?? ((m: string) => console.error(`[budget policy] ${m}`));
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let lastError = "";
  const run = async () => {
    if (!(await takeLease("lease:policy", Math.max(1, Math.floor(everyMs / 1000) - 2)))) return;
    await evaluatePolicyOnce();
  };
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(run).then(
      () => (lastError = ""),
      (err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        if (message !== lastError) log(`evaluating error-budget policies failed: ${message}`);
        lastError = message;
      },
    );
  }, everyMs);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
