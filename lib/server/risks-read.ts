import "server-only";
import type { RiskDto, RiskMatrixDto } from "@/lib/dto/risks";
import {
  heatMapCounts,
  isReviewOverdue,
  levelCounts,
  levelInfo,
  parseCellName,
  quantify,
  rankDisagreement,
  riskReference,
  scoreAssessment,
  type Assessment,
  type Consequence,
  type RiskAssessmentName,
} from "@/lib/domain";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RiskListQuery } from "@/lib/schemas/risk";
import { prisma } from "./db";
import { serviceObjective, serviceObjectiveSelect } from "./service-objective";
import { ValidationError } from "./errors";

export const riskInclude = {
  service: { select: serviceObjectiveSelect },
  _count: { select: { incidents: true } },
} satisfies Prisma.RiskInclude;
export type RiskRow = Prisma.RiskGetPayload<{ include: typeof riskInclude }>;

/** What every risk figure depends on besides the row: the threshold and the clock. */
export type RiskContext = { threshold: number; now: number };

export function assessmentOf(row: RiskRow, name: RiskAssessmentName): Assessment {
  return { likelihood: row[`${name}Likelihood`], consequence: row[`${name}Consequence`] as Consequence };
}

export function serviceTarget(row: Pick<RiskRow, "service">): number | null {
  const s = row.service;
  if (!s) return null;
  return serviceObjective(s).sloTarget;
}

export function toRiskDto(row: RiskRow, ctx: RiskContext): RiskDto {
  const target = serviceTarget(row);
  const current = scoreAssessment(assessmentOf(row, "current"));
  const quantitative = quantify(row, target, ctx.threshold);
  return {
    id: row.id,
    number: row.number,
    reference: riskReference(row.number),
    title: row.title,
    description: row.description,
    cause: row.cause,
    event: row.event,
    consequence: row.consequence,
    service: row.service && target !== null ? { slug: row.service.slug, name: row.service.name, sloTarget: target } : null,
    owner: row.owner,
    identifiedAt: row.identifiedAt.toISOString(),
    inherent: scoreAssessment(assessmentOf(row, "inherent")),
    current,
    target: scoreAssessment(assessmentOf(row, "target")),
    treatment: row.treatment,
    acceptedBy: row.acceptedBy,
    acceptedUntil: row.acceptedUntil?.toISOString() ?? null,
    monitoringDetects: row.monitoringDetects,
    mitigationPlan: row.mitigationPlan,
    status: row.status,
    lastReviewedAt: row.lastReviewedAt?.toISOString() ?? null,
    reviewDueAt: row.reviewDueAt?.toISOString() ?? null,
    reviewOverdue: isReviewOverdue(row.reviewDueAt?.getTime() ?? null, ctx.now),
    ettdMinutes: row.ettdMinutes,
    ettrMinutes: row.ettrMinutes,
    ettfDays: row.ettfDays,
    impactFraction: row.impactFraction,
    quantitative,
    rankDisagreement: rankDisagreement(current.level, quantitative, ctx.threshold),
    incidentCount: row._count.incidents,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const scoreColumn = (a: RiskAssessmentName) => `${a}Score` as const;

/** The filters of GET /api/v1/risks as a Prisma where; the level's score range comes from the matrix data. */
export function riskWhere(q: Omit<RiskListQuery, "cursor" | "limit" | "sort" | "format">, now: number): Prisma.RiskWhereInput {
  const assessment = q.assessment ?? "current";
  const and: Prisma.RiskWhereInput[] = [];
  if (q.service === "none") and.push({ serviceId: null });
  else if (q.service) and.push({ service: { slug: q.service } });
  if (q.level?.length) and.push({ OR: q.level.map((l) => ({ [scoreColumn(assessment)]: { gte: levelInfo(l).minScore, lte: levelInfo(l).maxScore } })) });
  if (q.cell) {
    const cell = parseCellName(q.cell);
    if (!cell) throw ValidationError.field("cell", "Must be a cell such as B4");
    and.push({ [`${assessment}Likelihood`]: cell.likelihood, [`${assessment}Consequence`]: cell.consequence });
  }
  if (q.treatment?.length) and.push({ treatment: { in: q.treatment } });
  if (q.status) and.push({ status: q.status });
  if (q.overdue === true) and.push({ status: "open", reviewDueAt: { lt: new Date(now) } });
  if (q.overdue === false) and.push({ OR: [{ reviewDueAt: null }, { reviewDueAt: { gte: new Date(now) } }] });
  if (q.owner !== undefined) and.push({ owner: { equals: q.owner, mode: "insensitive" } });
  if (q.q) {
    const number = /^(?:RISK-)?(\d{1,9})$/i.exec(q.q)?.[1];
    and.push({ OR: [{ title: { contains: q.q, mode: "insensitive" } }, ...(number ? [{ number: Number(number) }] : [])] });
  }
  return { AND: and };
}

function riskOrder(q: Pick<RiskListQuery, "sort" | "assessment">): Prisma.RiskOrderByWithRelationInput[] {
  const score = scoreColumn(q.assessment ?? "current");
  switch (q.sort ?? "score") {
    case "badMinutes":
      return [{ badMinutesPerYear: { sort: "desc", nulls: "last" } }, { [score]: "desc" }, { number: "desc" }];
    case "reviewDue":
      return [{ reviewDueAt: { sort: "asc", nulls: "last" } }, { [score]: "desc" }, { number: "desc" }];
    case "newest":
      return [{ number: "desc" }];
    default:
      return [{ [score]: "desc" }, { badMinutesPerYear: { sort: "desc", nulls: "last" } }, { number: "desc" }];
  }
}

export async function riskContext(): Promise<RiskContext> {
  const settings = await prisma.organizationSettings.findUnique({ where: { id: 1 }, select: { riskThreshold: true } });
  return { threshold: settings?.riskThreshold ?? 0.25, now: Date.now() };
}

/** The register: filtered, sorted (by score, worst first, by default), cursor-paged. `limit: null` = every match (exports). */
export async function listRisks(q: RiskListQuery, limit: number | null = q.limit ?? 100): Promise<{ risks: RiskDto[]; nextCursor: string | null; total: number }> {
  const ctx = await riskContext();
  const where = riskWhere(q, ctx.now);
  // Prisma pages from a cursor that names no row as if from the start: refuse it instead.
  if (q.cursor && (!/^[\w-]{1,64}$/.test(q.cursor) || !(await prisma.risk.findUnique({ where: { id: q.cursor }, select: { id: true } })))) throw ValidationError.field("cursor", "Not a cursor this API returned");
  const [rows, total] = await Promise.all([
    prisma.risk
      .findMany({
        where,
        include: riskInclude,
        orderBy: riskOrder(q),
        ...(limit === null ? {} : { take: limit + 1 }),
        ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
      }),
    prisma.risk.count({ where }),
  ]);
  const page = limit === null ? rows : rows.slice(0, limit);
  return { risks: page.map((r) => toRiskDto(r, ctx)), nextCursor: limit !== null && rows.length > limit ? (page.at(-1)?.id ?? null) : null, total };
}

/** Counts per heat-map cell for one assessment, over the risks the other filters keep (open ones by default). */
export async function riskMatrix(q: Omit<RiskListQuery, "cursor" | "limit" | "sort" | "format" | "cell" | "level">): Promise<RiskMatrixDto> {
  const assessment = q.assessment ?? "current";
  const where = riskWhere({ ...q, status: q.status ?? "open" }, Date.now());
  const groups = await prisma.risk.groupBy({ by: [`${assessment}Likelihood`, `${assessment}Consequence`], where, _count: { _all: true } });
  const cells = groups.flatMap((g) => {
    const row = g as unknown as Record<string, unknown> & { _count: { _all: number } };
    const cell = { likelihood: row[`${assessment}Likelihood`], consequence: row[`${assessment}Consequence`] } as Assessment;
    return Array.from({ length: row._count._all }, () => cell);
  });
  const map = heatMapCounts(cells);
  return { assessment, cells: map, levels: levelCounts(cells.map((c) => scoreAssessment(c).level)), total: cells.length };
}
