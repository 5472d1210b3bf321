import "server-only";
import type { RiskDetailDto, RiskReviewDto, ServiceRiskBudgetDto } from "@/lib/dto/risks";
import { calibrate, incidentReference, unallocatedBudget } from "@/lib/domain";
import { RiskReviewRecord } from "@/lib/schemas/stored";
import { actionItemsOf } from "./action-items";
import { prisma } from "./db";
import { serviceObjectiveSelect } from "./service-objective";
import { findRiskRow } from "./risk-ref";
import { riskContext, riskInclude, serviceTarget, toRiskDto } from "./risks-read";

function reviewOf(e: { id: string; at: Date; actorLabel: string; actor: { name: string } | null; after: unknown }): RiskReviewDto {
  const { note, level, heldAt } = RiskReviewRecord.read(e.after, `Audit event ${e.id}`);
  // When the review was held: recorded with it (a review entered afterwards), else when it was audited.
  return { at: heldAt === null ? e.at.toISOString() : new Date(heldAt).toISOString(), by: e.actor?.name || e.actorLabel, note, level };
}

/** One risk with what realised it, what mitigates it, its reviews (from the audit trail) and its calibration. */
export async function getRiskDetail(ref: string): Promise<RiskDetailDto> {
  const row = await findRiskRow(ref);
  const reviewWhere = { entityType: "risk", entityId: row.id, action: "review" };
  const [ctx, links, actionItems, reviews, reviewsTotal] = await Promise.all([
    riskContext(),
    prisma.riskIncident.findMany({
      where: { riskId: row.id },
      include: { incident: { select: { id: true, number: true, title: true, severity: true, startedAt: true, detectedAt: true, resolvedAt: true, impacts: { select: { serviceId: true, fraction: true } } } } },
    }),
    actionItemsOf({ riskId: row.id }),
    prisma.auditEvent.findMany({ where: reviewWhere, orderBy: [{ at: "desc" }, { id: "desc" }], take: 100, include: { actor: { select: { name: true } } } }),
    prisma.auditEvent.count({ where: reviewWhere }),
  ]);
  const incidents = links.map((l) => l.incident).sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  const realised = incidents.map((i) => {
    // The fraction the incident hit the risk's own service with; for a cross-cutting risk, its worst impact.
    const fractions = i.impacts.filter((m) => row.serviceId === null || m.serviceId === row.serviceId).map((m) => m.fraction);
    return { startedAt: i.startedAt.getTime(), detectedAt: i.detectedAt?.getTime() ?? null, resolvedAt: i.resolvedAt?.getTime() ?? null, impactFraction: fractions.length ? Math.max(...fractions) : null };
  });
  return {
    ...toRiskDto(row, ctx),
    incidents: incidents.map((i) => ({ id: i.id, reference: incidentReference(i.number), title: i.title, severity: i.severity, startedAt: i.startedAt.toISOString(), resolvedAt: i.resolvedAt?.toISOString() ?? null })),
    actionItems,
    reviews: reviews.map(reviewOf),
    reviewsTotal,
    calibration: calibrate(realised, row),
  };
}

/** A service's accepted risks against its yearly budget: what they cost and what is left. */
export async function serviceRiskBudget(slug: string): Promise<ServiceRiskBudgetDto | null> {
  const accepted = await prisma.risk.findMany({ where: { service: { slug }, treatment: "accept", status: "open" }, include: riskInclude });
  const service = await prisma.service.findUnique({ where: { slug }, select: serviceObjectiveSelect });
  if (!service) return null;
  const target = serviceTarget({ service }) as number;
  const u = unallocatedBudget(target, accepted);
  return { ...u, acceptedRisks: accepted.length };
}

