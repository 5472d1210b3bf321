import "server-only";
import { cache } from "react";
import type { ReportDto, ReportFiguresDto, ReportUnpublishedDto } from "@/lib/dto/reports";
import { parseReportPeriod, periodState, reportPeriodLabel, reportPeriodWindow, reportScopeKey, type ReportPeriodSpec } from "@/lib/domain/report-period";
import type { Report } from "@/lib/generated/prisma/client";
import { ReportScopeQuery } from "@/lib/schemas/report";
import { ReportSnapshot } from "@/lib/schemas/stored";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { organisationTimeZone } from "./availability-data";
import { prisma } from "./db";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { computeReportFigures, type ResolvedScope } from "./report-figures";

// Period reports (docs/decisions/0033-period-reports.md): live until published; publishing stores
// every figure as of that instant (Report.snapshot), which GET shows from then on, as a closed
// weekly review does; unpublishing (admin, audited) deletes the row and the figures are live again.

/** The period a path names, refused (a 400 naming `period`) unless it is a month, quarter or year. */
export function reportPeriod(text: string): ReportPeriodSpec {
  // A client may encode the colon of a path segment (month%3A2026-11); Next may hand it on so.
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // not encoded after all: read as it is (and refused below)
  }
  const parsed = parseReportPeriod(decoded.trim());
  if (!parsed.ok) throw ValidationError.field("period", parsed.reason);
  return parsed.spec;
}

/** The scope the query names; a tier or a service that does not exist is a 404. */
export async function resolveScope(q: ReportScopeQuery): Promise<ResolvedScope> {
  if (q.service !== undefined) {
    const service = await prisma.service.findUnique({ where: { slug: q.service }, select: { id: true, slug: true, name: true } });
    if (!service) throw new NotFoundError("Service", q.service);
    return {
      scope: { kind: "service", id: service.id },
      dto: { kind: "service", id: service.id, reference: service.slug, name: service.name },
      services: { slugs: [service.slug] },
      incidents: { service: service.slug },
      serviceWhere: { id: service.id },
    };
  }
  if (q.tier !== undefined) {
    const tier = await prisma.tier.findFirst({ where: "rank" in q.tier ? { rank: q.tier.rank } : { id: q.tier.id }, select: { id: true, rank: true, name: true } });
    if (!tier) throw new NotFoundError("Tier", "rank" in q.tier ? String(q.tier.rank) : q.tier.id);
    return {
      scope: { kind: "tier", id: tier.id },
      dto: { kind: "tier", id: tier.id, reference: String(tier.rank), name: tier.name },
      services: { tier: { id: tier.id } },
      incidents: { tier: { id: tier.id } },
      serviceWhere: { tierId: tier.id },
    };
  }
  const settings = await prisma.organizationSettings.findUnique({ where: { id: 1 }, select: { name: true } });
  return { scope: { kind: "org" }, dto: { kind: "org", id: null, reference: null, name: settings?.name || "The organisation" }, services: {}, incidents: {}, serviceWhere: null };
}

async function windowOf(spec: ReportPeriodSpec) {
  return reportPeriodWindow(spec, await organisationTimeZone());
}

const rowWhere = (spec: ReportPeriodSpec, scope: ResolvedScope) => ({ period_scope: { period: reportPeriodLabel(spec), scope: reportScopeKey(scope.scope) } });

function published(row: Report, figures: ReportFiguresDto): ReportDto {
  return { ...figures, published: { id: row.id, publishedAt: row.publishedAt.toISOString(), publishedBy: row.publishedBy, snapshotAsOf: row.snapshotAsOf.toISOString() } };
}

/** A period's report for a scope: as published, or computed now. A period that has not begun is a 400. */
export async function getReport(periodText: string, q: ReportScopeQuery, now = Date.now()): Promise<ReportDto> {
  const spec = reportPeriod(periodText);
  if (periodState(await windowOf(spec), now) === "not_begun") throw ValidationError.field("period", `${reportPeriodLabel(spec)} has not begun yet`);
  const scope = await resolveScope(q);
  const row = await prisma.report.findUnique({ where: rowWhere(spec, scope) });
  if (row) return published(row, ReportSnapshot.read(row.snapshot, `The published report ${row.period} (${row.scope})`));
  return { ...(await computeReportFigures(spec, scope, now)), published: null };
}

/**
 * Freezes a period's report as computed now. Only a period that has ended: the figures of one still
 * running would change after publication, which is what publishing is meant to prevent (a 409).
 */
export async function publishReport(actor: Actor, periodText: string, q: ReportScopeQuery): Promise<ReportDto> {
  const spec = reportPeriod(periodText);
  const label = reportPeriodLabel(spec);
  const asOf = Date.now();
  const state = periodState(await windowOf(spec), asOf);
  if (state !== "ended") throw new ConflictError(`${label} has ${state === "not_begun" ? "not begun" : "not ended"} yet: a report is published once its period is over, so that its figures are final`, [{ path: "period", message: "not ended" }]);
  const scope = await resolveScope(q);
  const figures = await computeReportFigures(spec, scope, asOf);
  const row = await prisma.$transaction(async (tx) => {
    if (await tx.report.findUnique({ where: rowWhere(spec, scope) })) throw new ConflictError(`The report of ${label} for ${scope.dto.name} is already published: an admin must unpublish it first`, [{ path: "period", message: "already published" }]);
    // The person, also when they act through one of their API tokens.
    const publishedBy = (actor.userId ? (await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } }))?.name : null) || actor.label;
    const created = await tx.report.create({ data: { period: label, scope: reportScopeKey(scope.scope), snapshot: JSON.parse(JSON.stringify(ReportSnapshot.write(figures))), snapshotAsOf: new Date(asOf), publishedBy } });
    await recordAudit(tx, actor, { action: "publish", entityType: "report", entityId: created.id, after: { period: created.period, scope: created.scope, scopeName: scope.dto.name, snapshotAsOf: created.snapshotAsOf, publishedBy, headline: figures.headline } });
    return created;
  });
  return published(row, figures);
}

/** Unpublishing (admin): the row goes and the figures are live again; the audit trail keeps what was published. */
export async function unpublishReport(actor: Actor, periodText: string, q: ReportScopeQuery): Promise<ReportUnpublishedDto> {
  const spec = reportPeriod(periodText);
  const scope = await resolveScope(q);
  const label = reportPeriodLabel(spec);
  await prisma.$transaction(async (tx) => {
    const row = await tx.report.findUnique({ where: rowWhere(spec, scope) });
    if (!row) throw new NotFoundError("Published report", `${label} for ${scope.dto.name}`);
    await tx.report.delete({ where: { id: row.id } });
    await recordAudit(tx, actor, { action: "unpublish", entityType: "report", entityId: row.id, before: { period: row.period, scope: row.scope, scopeName: scope.dto.name, snapshotAsOf: row.snapshotAsOf, publishedAt: row.publishedAt, publishedBy: row.publishedBy } });
  });
  return { unpublished: true, period: label, scope: scope.dto };
}

export type PublishedReportEntry = { period: string; scope: string; scopeName: string; scopeQuery: string; publishedAt: string; publishedBy: string };

/** Every published report, newest period first (for the reports page): a short list, read whole. */
export async function listPublishedReports(): Promise<PublishedReportEntry[]> {
  const rows = await prisma.report.findMany({ select: { period: true, scope: true, publishedAt: true, publishedBy: true }, orderBy: [{ publishedAt: "desc" }] });
  const ids = (kind: string) => rows.filter((r) => r.scope.startsWith(`${kind}:`)).map((r) => r.scope.slice(kind.length + 1));
  const [tiers, services] = await Promise.all([prisma.tier.findMany({ where: { id: { in: ids("tier") } }, select: { id: true, rank: true, name: true } }), prisma.service.findMany({ where: { id: { in: ids("service") } }, select: { id: true, slug: true, name: true } })]);
  const names = new Map<string, { name: string; query: string }>([
    ["org", { name: "Whole organisation", query: "" }],
    ...tiers.map((t) => [`tier:${t.id}`, { name: `Tier ${t.rank} · ${t.name}`, query: `tier=${t.rank}` }] as const),
    ...services.map((s) => [`service:${s.id}`, { name: s.name, query: `service=${s.slug}` }] as const),
  ]);
  return rows.map((r) => ({ period: r.period, scope: r.scope, scopeName: names.get(r.scope)?.name ?? r.scope, scopeQuery: names.get(r.scope)?.query ?? "", publishedAt: r.publishedAt.toISOString(), publishedBy: r.publishedBy }));
}

/** One computation per page render, whichever widgets await it (`scope`: the page's query, e.g. "tier=1"). */
export const reportForPage = cache((period: string, tier: string | undefined, service: string | undefined): Promise<ReportDto> => getReport(period, ReportScopeQuery.parse({ tier, service })));
