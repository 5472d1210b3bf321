import "server-only";
import type { AvailabilitySummaryDto, ServiceFailureDto } from "@/lib/dto/availability";
import { isServiceFailure } from "@/lib/dto/availability";
import type { ReportFiguresDto, ReportFreezeDto, ReportIncidentDto, ReportRiskDto, ReportServiceDto, ReportSloDto } from "@/lib/dto/reports";
import { computeMttx, formatIsoInstant, localDateOf, weekSpend, type IncidentMilestones } from "@/lib/domain";
import { formatCivilDate } from "@/lib/domain/civil-date";
import { periodState, reportPeriodLabel, reportPeriodName, reportPeriodWindow, reportSubPeriods, subPeriodUnit, type ReportPeriodSpec, type ReportScope } from "@/lib/domain/report-period";
import { SERVICE_SLO_NAME } from "@/lib/domain/slo";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actionItemsClosedIn } from "./action-items";
import { loadRange } from "./availability";
import { loadImpactRows, loadServiceSlos, organisationTimeZone, type ServiceSlo } from "./availability-data";
import { summarize } from "./availability-summaries";
import { prisma } from "./db";
import { collectImpacts } from "./impact-rows";
import { listCosts } from "./incident-costs";
import { incidentRecord, resolvedBy } from "./incident-record";
import { incidentWhere, type IncidentFilter } from "./incidents-read";
import { riskContext, riskInclude, toRiskDto } from "./risks-read";
import { figuresWhere } from "./slo-availability";
import { freezeFields, freezesOverlapping } from "./freezes";

// A period report's figures, gathered as the weekly review gathers its own (review-figures.ts):
// every number comes from the function the API that shows it uses, here called with the period's
// window. The services' figures are the availability API's (`window=<period>`), the other SLOs'
// the SLO figures API's, the incidents the incidents API's filter for the period's from/to, their
// costs the incident list's; MTTx are computeMttx over the same incidents per sub-period.

/** The scope as the report names it, and how its parts are selected. */
export type ResolvedScope = {
  scope: ReportScope;
  dto: ReportFiguresDto["scope"];
  services: Parameters<typeof loadServiceSlos>[0];
  incidents: Pick<IncidentFilter, "tier" | "service">;
  /** Services' rows (freezes, SLOs): null for the organisation. */
  serviceWhere: Prisma.ServiceWhereInput | null;
};


/** The period's incidents: the incidents API's filter for [from, to) and the scope, begun by asOf; every one. */
async function incidentsOf(filter: IncidentFilter, asOf: number) {
  return prisma.incident.findMany({
    where: { AND: [incidentWhere(filter), { startedAt: { lte: new Date(asOf) } }] },
    include: { impacts: { select: { service: { select: { slug: true } } }, orderBy: { service: { slug: "asc" } } } },
    orderBy: [{ startedAt: "asc" }, { number: "asc" }],
  });
}
type IncidentRow = Awaited<ReturnType<typeof incidentsOf>>[number];

async function incidentEntries(rows: IncidentRow[], asOf: number, periodCost: Map<string, Map<string, { downtimeSeconds: number; budgetShare: number }>>): Promise<ReportIncidentDto[]> {
  const spans = rows.map((r) => ({ id: r.id, startedAt: r.startedAt.toISOString(), resolvedAt: resolvedBy(r, asOf)?.toISOString() ?? null, impacts: r.impacts.map((i) => ({ service: i.service.slug })) }));
  const costs = await listCosts(spans, asOf);
  return rows.map((r) => {
    const { record, durations } = incidentRecord(r, asOf);
    return {
      ...record,
      ttaSeconds: durations.ttaSeconds,
      costs: (costs.get(r.id) ?? []).map((c) => {
        const inPeriod = periodCost.get(c.service);
        const own = inPeriod?.get(r.id);
        return { service: c.service, downtimeSeconds: c.downtimeSeconds, periodDowntimeSeconds: inPeriod ? (own?.downtimeSeconds ?? 0) : null, periodBudgetShare: inPeriod ? (own?.budgetShare ?? 0) : null };
      }),
    };
  });
}

function mttxOf(rows: IncidentRow[], spec: ReportPeriodSpec, timeZone: string, asOf: number): ReportFiguresDto["mttx"] {
  const times: IncidentMilestones[] = rows.map((r) => ({
    incidentId: r.id,
    kind: r.kind,
    startedAt: r.startedAt.getTime(),
    detectedAt: r.detectedAt?.getTime() ?? null,
    acknowledgedAt: r.acknowledgedAt?.getTime() ?? null,
    mitigatedAt: r.mitigatedAt?.getTime() ?? null,
    resolvedAt: resolvedBy(r, asOf)?.getTime() ?? null,
  }));
  // Sub-periods still to come have no incidents yet: they are left out rather than shown as zeros.
  const entries = reportSubPeriods(spec, timeZone)
    .filter((w) => w.from <= asOf)
    .map((w) => ({ label: w.label, from: formatIsoInstant(w.from), to: formatIsoInstant(w.to), ...computeMttx(times, w) }));
  return { unit: subPeriodUnit(spec), entries };
}

/** Each of the scope's other SLOs over the period, by service slug. */
async function otherSlos(scope: ResolvedScope, label: string, asOf: number): Promise<Map<string, ReportSloDto[]>> {
  const where = { archivedAt: null, name: { not: SERVICE_SLO_NAME }, service: { archivedAt: null, ...(scope.serviceWhere ?? {}) } };
  const out = new Map<string, ReportSloDto[]>();
  for (const f of await figuresWhere(where, { window: label, asOf: new Date(asOf) })) {
    const entry = { id: f.slo.id, name: f.slo.name, unit: f.unit, target: f.slo.target, window: f.slo.window, sli: f.sli, metTarget: f.metTarget, unknownSeconds: f.unknownSeconds, errorBudget: f.errorBudget, spentShare: f.errorBudget ? (weekSpend(f.errorBudget.consumed, f.errorBudget.allowed)?.shareOfBudget ?? null) : null };
    out.set(f.slo.service.slug, [...(out.get(f.slo.service.slug) ?? []), entry]);
  }
  return out;
}

async function freezesOf(scope: ResolvedScope, from: number, to: number, asOf: number): Promise<ReportFreezeDto[]> {
  const rows = await freezesOverlapping(scope.serviceWhere ? { service: scope.serviceWhere } : {}, from, to, asOf);
  return rows.map((f) => ({ ...freezeFields(f, asOf), service: f.service }));
}

/** Risks linked to the period's incidents (RiskIncident), worst first, each with the incidents that realised it. */
async function risksRealised(incidents: ReportIncidentDto[]): Promise<ReportRiskDto[]> {
  if (incidents.length === 0) return [];
  const links = await prisma.riskIncident.findMany({ where: { incidentId: { in: incidents.map((i) => i.id) } }, select: { riskId: true, incidentId: true } });
  if (links.length === 0) return [];
  const [rows, ctx] = await Promise.all([prisma.risk.findMany({ where: { id: { in: [...new Set(links.map((l) => l.riskId))] } }, include: riskInclude }), riskContext()]);
  const reference = new Map(incidents.map((i) => [i.id, i.reference]));
  return rows
    .map((row) => toRiskDto(row, ctx))
    .map((r) => ({ id: r.id, reference: r.reference, title: r.title, service: r.service?.slug ?? null, level: r.current.level, score: r.current.score, incidents: links.filter((l) => l.riskId === r.id).map((l) => reference.get(l.incidentId) as string).sort() }))
    .sort((a, b) => b.score - a.score || a.reference.localeCompare(b.reference));
}

function serviceEntry(period: AvailabilitySummaryDto | ServiceFailureDto, slos: ReportSloDto[]): ReportServiceDto {
  const budget = isServiceFailure(period) ? null : period.errorBudget;
  // The period's consumed seconds against the period's own budget: what it spent.
  return { ...period.service, period, spent: budget ? weekSpend(budget.consumedSeconds, budget.budgetSeconds) : null, slos };
}

/** Every figure of a period's report for a scope, as of `asOf`. */
export async function computeReportFigures(spec: ReportPeriodSpec, scope: ResolvedScope, asOf: number): Promise<ReportFiguresDto> {
  const timeZone = await organisationTimeZone();
  const window = reportPeriodWindow(spec, timeZone);
  const label = reportPeriodLabel(spec);
  const filter: IncidentFilter = { ...scope.incidents, from: new Date(window.from), to: new Date(window.to) };
  const end = Math.min(window.to, asOf);
  const scopeIds = scope.serviceWhere ? prisma.service.findMany({ where: scope.serviceWhere, select: { id: true } }).then((r) => r.map((s) => s.id)) : Promise.resolve(null);
  const closed = scopeIds.then((ids) => actionItemsClosedIn(new Date(window.from), new Date(end), ids));
  const side = Promise.all([incidentsOf(filter, asOf), freezesOf(scope, window.from, end, asOf), closed, otherSlos(scope, label, asOf)]);
  side.catch(() => {}); // awaited below
  // As GET /api/v1/availability?window=<period> computes them (availability.ts loadFleet).
  const services: ServiceSlo[] = await loadServiceSlos(scope.services);
  const windows = services.map(() => window);
  const range = loadRange(windows, asOf);
  const rows = services.length === 0 ? [] : await loadImpactRows(services.map((s) => s.id), range.from, range.to, true);
  const summaries = summarize(services, windows, collectImpacts(rows), { asOf, timeZone, incidentLimit: Number.POSITIVE_INFINITY });
  const [incidentRows, freezes, actionItemsClosed, slos] = await side;
  const periodCost = new Map(summaries.map((s) => [s.service.slug, new Map(isServiceFailure(s) ? [] : s.incidents.map((i) => [i.id, i]))]));
  const incidents = await incidentEntries(incidentRows, asOf, periodCost);
  const risks = await risksRealised(incidents);
  const entries = summaries.map((s) => serviceEntry(s, slos.get(s.service.slug) ?? []));
  const ok = summaries.filter((s): s is AvailabilitySummaryDto => !isServiceFailure(s));
  return {
    period: label,
    kind: spec.kind,
    name: reportPeriodName(spec),
    scope: scope.dto,
    window: { label, from: formatIsoInstant(window.from), to: formatIsoInstant(window.to), firstDay: formatCivilDate(localDateOf(window.from, timeZone)), lastDay: formatCivilDate(localDateOf(window.to - 1, timeZone)) },
    timeZone,
    asOf: formatIsoInstant(asOf),
    complete: periodState(window, asOf) === "ended",
    headline: {
      services: entries.length,
      met: ok.filter((s) => s.metTarget === true).length,
      missed: ok.filter((s) => s.metTarget === false).length,
      failed: summaries.length - ok.length,
      incidents: incidents.length,
      freezes: freezes.length,
      risksRealised: risks.length,
      actionItemsClosed: actionItemsClosed.length,
    },
    services: entries,
    incidents,
    mttx: mttxOf(incidentRows, spec, timeZone, asOf),
    freezes,
    risksRealised: risks,
    actionItemsClosed,
  };
}
