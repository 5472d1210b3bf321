import "server-only";
import { incidentReference } from "@/lib/domain";
import { isPostmortemOverdue } from "@/lib/domain/changes";
import type { FreezePeriodDto } from "@/lib/dto/changes";
import type { ReviewPostmortemDto } from "@/lib/dto/reviews";
import { freezeDto } from "./change-lane";
import { freezesOverlapping } from "./freezes";
import { prisma } from "./db";

// What the weekly review shows of the error-budget policy and of changes: each service's count of
// changes in the week, the freezes that held in it, and required postmortems now overdue.

type Week = { from: number; to: number };

/**
 * Each service's count of changes in the week (by id; a service with none is missing from the
 * map), counting those recorded by `asOf` only, so a review recomputed as of its closing agrees.
 */
export async function changeCountsOfWeek(serviceIds: string[], window: Week, asOf: number): Promise<Map<string, number>> {
  const groups = await prisma.change.groupBy({
    by: ["serviceId"],
    where: { serviceId: { in: serviceIds }, at: { gte: new Date(window.from), lt: new Date(window.to), lte: new Date(asOf) }, createdAt: { lte: new Date(asOf) } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.serviceId, g._count._all]));
}

/** The freezes that held in the week, by service id, as they stood at `asOf`. */
export async function freezesOfWeek(serviceIds: string[], window: Week, asOf: number, timeZone: string): Promise<Map<string, FreezePeriodDto[]>> {
  const rows = await freezesOverlapping({ serviceId: { in: serviceIds } }, window.from, window.to, asOf);
  const out = new Map<string, FreezePeriodDto[]>();
  for (const r of rows) out.set(r.serviceId, [...(out.get(r.serviceId) ?? []), freezeDto(r, timeZone, asOf)]);
  return out;
}

/** Incidents whose required postmortem was due before `at` and is not written: the oldest due first. */
export async function overduePostmortems(at: number): Promise<ReviewPostmortemDto[]> {
  const rows = await prisma.incident.findMany({
    where: { postmortemDueAt: { lt: new Date(at) } },
    select: { id: true, number: true, title: true, severity: true, startedAt: true, postmortem: true, postmortemDueAt: true, postmortemReason: true, impacts: { select: { service: { select: { slug: true } } } } },
    orderBy: [{ postmortemDueAt: "asc" }, { number: "asc" }],
  });
  return rows
    .filter((r) => isPostmortemOverdue({ dueAt: r.postmortemDueAt?.getTime() ?? null, postmortem: r.postmortem }, at))
    .map((r) => ({
      id: r.id,
      reference: incidentReference(r.number),
      title: r.title,
      severity: r.severity,
      services: r.impacts.map((i) => i.service.slug).sort(),
      startedAt: r.startedAt.toISOString(),
      postmortemDueAt: (r.postmortemDueAt as Date).toISOString(),
      postmortemReason: r.postmortemReason,
    }));
}
