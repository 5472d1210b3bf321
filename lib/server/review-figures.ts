import "server-only";
import type { AvailabilitySummaryDto, SeriesDto, ServiceFailureDto } from "@/lib/dto/availability";
import { isServiceFailure } from "@/lib/dto/availability";
import type { ReviewFiguresDto, ReviewIncidentDto, ReviewRiskDto, ReviewServiceDto, ReviewSloDto } from "@/lib/dto/reviews";
import type { RiskDto } from "@/lib/dto/risks";
import {
  budgetExhausted,
  bucketWindows,
  formatIsoInstant,
  incidentPhase,
  isReviewOverdue,
  localDateOf,
  reviewInstants,
  reviewWeekWindow,
  topIncidentsByBudget,
  weekSpend,
  type ResolvedWindow,
  type RiskLevel,
} from "@/lib/domain";
import { formatCivilDate } from "@/lib/domain/civil-date";
import { SERVICE_SLO_NAME } from "@/lib/domain/slo";
import { RiskAuditRecord } from "@/lib/schemas/stored";
import { actionItemsForWeek } from "./action-items";
import { loadRange, windowsFor } from "./availability";
import { loadImpactRows, loadServiceSlos, organisationTimeZone } from "./availability-data";
import { collectImpacts } from "./impact-rows";
import { incidentRecord } from "./incident-record";
import { summarize } from "./availability-summaries";
import { rolledSeriesOf } from "./impact-rollup-read";
import { prisma } from "./db";
import { overlapsWhere } from "./incident-phase";
import { ValidationError } from "./errors";
import { listRisks } from "./risks-read";
import { figuresWhere } from "./slo-availability";
import { reconcileSlos } from "./slo-reconcile";
import { changeCountsOfWeek, freezesOfWeek, overduePostmortems } from "./review-policy";

const TREND_WEEKS = 12;
// Each service's five costliest incidents of the week: enough for the headline's top five across
// services (an incident outside a service's top five cannot be in the top five by its largest share).
const INCIDENTS_PER_SERVICE = 5;

/** The week's window, refusing what is not an ISO week or has not begun. */
export async function reviewWindow(week: string, now = Date.now()): Promise<{ window: ResolvedWindow; timeZone: string }> {
  const timeZone = await organisationTimeZone();
  const window = reviewWeekWindow(week, timeZone);
  if (!window) throw ValidationError.field("week", "Must be an ISO week such as 2026-W48");
  if (window.from > now) throw ValidationError.field("week", "This week has not begun yet");
  return { window, timeZone };
}

/**
 * Every incident the week overlaps, however many: the review is the week's record (a closed one is
 * frozen as it is), and its headline counts them, so none may be left out.
 */
async function incidentsOfWeek(window: ResolvedWindow, asOf: number): Promise<ReviewIncidentDto[]> {
  const rows = await prisma.incident.findMany({
    // Maintenance scheduled later in the week has not happened yet: it is not the week's record.
    where: overlapsWhere(new Date(window.from), new Date(window.to), new Date(asOf)),
    include: { impacts: { select: { service: { select: { slug: true } } } } },
    orderBy: [{ startedAt: "asc" }, { number: "asc" }],
  });
  return rows.map((r) => {
    const { record } = incidentRecord(r, asOf);
    return { ...record, durationSeconds: record.ttrSeconds };
  });
}

const brief = (r: RiskDto): ReviewRiskDto => ({ id: r.id, reference: r.reference, title: r.title, service: r.service?.slug ?? null, level: r.current.level, score: r.current.score, owner: r.owner, budgetShare: r.quantitative.budgetShare, reviewDueAt: r.reviewDueAt });

async function risksOfWeek(window: ResolvedWindow, sloAsOf: number): Promise<ReviewFiguresDto["risks"]> {
  const [{ risks }, events] = await Promise.all([
    listRisks({ status: "open" }, null),
    prisma.auditEvent.findMany({ where: { entityType: "risk", action: "update", at: { gte: new Date(window.from), lt: new Date(window.to) } }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { entityId: true, before: true, after: true } }),
  ]);
  const moves = new Map<string, { from: RiskLevel; to: RiskLevel }>();
  for (const e of events) {
    const where = `The audit record of an edit of risk ${e.entityId}`;
    const [from, to] = [RiskAuditRecord.read(e.before, where).level, RiskAuditRecord.read(e.after, where).level];
    moves.set(e.entityId, { from: moves.get(e.entityId)?.from ?? from, to });
  }
  const inWeek = (iso: string) => Date.parse(iso) >= window.from && Date.parse(iso) < window.to;
  return {
    new: risks.filter((r) => inWeek(r.identifiedAt) || inWeek(r.createdAt)).map(brief),
    changedLevel: risks.flatMap((r) => {
      const m = moves.get(r.id);
      return m && m.from !== m.to ? [{ ...brief(r), ...m }] : [];
    }),
    reviewOverdue: risks.filter((r) => isReviewOverdue(r.reviewDueAt === null ? null : Date.parse(r.reviewDueAt), sloAsOf)).map(brief),
    unacceptable: risks.filter((r) => r.quantitative.unacceptable === true).map(brief),
  };
}

type PolicyFacts = Pick<ReviewServiceDto, "changeCount" | "freezes">;

function serviceEntry(week: AvailabilitySummaryDto | ServiceFailureDto, slo: AvailabilitySummaryDto | ServiceFailureDto | undefined, series: SeriesDto | ServiceFailureDto | undefined | null, policy: PolicyFacts): ReviewServiceDto {
  const sloWindow = slo ?? week;
  const spend = !isServiceFailure(week) && !isServiceFailure(sloWindow) && week.errorBudget && sloWindow.errorBudget ? weekSpend(week.errorBudget.consumedSeconds, sloWindow.errorBudget.budgetSeconds) : null;
  return {
    ...week.service,
    week,
    sloWindow,
    weekSpend: spend,
    trend: series === null ? null : series && !isServiceFailure(series) ? series.entries.map((e) => ({ label: e.label, availability: e.availability, unavailability: e.unavailability, metTarget: e.metTarget })) : [],
    slos: [],
    ...policy,
  };
}

/** Every active service's other SLOs: the week (as of asOf) and each SLO's own window (as of sloAsOf). */
async function otherSlosOfWeek(week: string, asOf: number, sloAsOf: number): Promise<Map<string, ReviewSloDto[]>> {
  const where = { archivedAt: null, name: { not: SERVICE_SLO_NAME }, service: { archivedAt: null } };
  // Two reads of the same SLOs: an SLO made between them is in the second only, and is left out.
  const weekQuery = { window: `week:${week}`, asOf: new Date(asOf) };
  const [weeks, owns] = await Promise.all([figuresWhere(where, weekQuery), figuresWhere(where, { asOf: new Date(sloAsOf) })]);
  const ownOf = new Map(owns.map((f) => [f.slo.id, f]));
  // Logged against measured over the week, for each probe or Prometheus SLO.
  const besideOf = new Map((await reconcileSlos(weeks.map((w) => w.slo), weekQuery)).map((r) => [r.slo.id, { measuredOnlySeconds: r.measuredOnlySeconds, incidentOnlySeconds: r.incidentOnlySeconds, unknownSeconds: r.measured.unknownSeconds }]));
  const out = new Map<string, ReviewSloDto[]>();
  for (const w of weeks) {
    const own = ownOf.get(w.slo.id);
    if (!own) continue;
    const entry = { id: w.slo.id, name: w.slo.name, unit: w.unit, target: w.slo.target, window: w.slo.window, week: { sli: w.sli, metTarget: w.metTarget, unknownSeconds: w.unknownSeconds }, sloWindow: { sli: own.sli, remainingRatio: own.errorBudget?.remainingRatio ?? null, burnState: own.burnState }, beside: besideOf.get(w.slo.id) ?? null };
    out.set(w.slo.service.slug, [...(out.get(w.slo.service.slug) ?? []), entry]);
  }
  return out;
}

/** The headline over some services (all, or one tier's) and the week's incidents. */
export function reviewHeadline(services: ReviewServiceDto[], incidents: ReviewIncidentDto[], asOf: number): ReviewFiguresDto["headline"] {
  const ok = services.map((s) => s.week).filter((w): w is AvailabilitySummaryDto => !isServiceFailure(w));
  const slugs = new Set(services.map((s) => s.slug));
  return {
    services: services.length,
    met: ok.filter((w) => w.metTarget === true).length,
    missed: ok.filter((w) => w.metTarget === false).length,
    failed: services.length - ok.length,
    budgetsExhausted: services.filter((s) => !isServiceFailure(s.sloWindow) && s.sloWindow.errorBudget !== null && budgetExhausted(s.sloWindow.errorBudget.remainingSeconds)).length,
    ongoingIncidents: incidents.filter((i) => i.services.some((s) => slugs.has(s)) && incidentPhase(i, asOf) === "ongoing").length,
    topIncidents: topIncidentsByBudget(ok.map((w) => w.incidents)).map((t) => ({ id: t.id, reference: t.reference, title: t.title, downtimeSeconds: t.totalDowntimeSeconds, budgetShare: t.budgetShare, services: t.services })),
  };
}

/**
 * Every figure of a week's review, as of `asOf`: one read of the services, one of the impacts for
 * the week and every SLO window (computed both ways from the same rows), one read each of
 * incidents, action items and risks; with `trend`, one more (narrow) read for 12 weeks of series.
 */
export async function computeReviewFigures(week: string, asOf: number, opts: { trend: boolean }): Promise<ReviewFiguresDto> {
  const { window, timeZone } = await reviewWindow(week, asOf);
  const { sloAsOf } = reviewInstants(window, asOf);
  const trendWindows = bucketWindows("week", TREND_WEEKS, { timeZone, asOf: window.to - 1 });
  const firstDay = formatCivilDate(localDateOf(window.from, timeZone));
  const lastDay = formatCivilDate(localDateOf(window.to - 1, timeZone));
  const side = Promise.all([incidentsOfWeek(window, asOf), actionItemsForWeek(firstDay, lastDay), risksOfWeek(window, sloAsOf)]);
  side.catch(() => {}); // awaited below
  const services = await loadServiceSlos({});
  // The week's changes and freezes per service, and the postmortems overdue at its end (review-policy.ts).
  const ids = services.map((s) => s.id);
  const policy = Promise.all([changeCountsOfWeek(ids, window, asOf), freezesOfWeek(ids, window, asOf, timeZone), overduePostmortems(sloAsOf)]);
  policy.catch(() => {}); // awaited below
  // The trend, only when asked for, from rollups (docs/decisions/0029), read beside the summaries' rows.
  const trendRead = opts.trend ? rolledSeriesOf(services, true, trendWindows, { asOf: sloAsOf, bucket: "week", timeZone }) : Promise.resolve(null);
  trendRead.catch(() => {}); // awaited below
  const weekWindows = services.map(() => window);
  const sloWindows = windowsFor(services, undefined, timeZone, sloAsOf);
  // One read for both summaries: the week (with the burn-rate lookbacks) and every SLO window.
  const ranges = [loadRange(weekWindows, asOf), loadRange(sloWindows, sloAsOf)];
  const [summaryRows, trends] = await Promise.all([loadImpactRows(undefined, Math.min(...ranges.map((r) => r.from)), Math.max(...ranges.map((r) => r.to)), true), trendRead]);
  // Computed here as objects: on a worker each view's JSON would only be parsed again, which cost
  // more than the second core saved on the benchmark machine (docs/decisions/0010).
  const loaded = collectImpacts(summaryRows);
  const weekFigures = summarize(services, weekWindows, loaded, { asOf, timeZone, incidentLimit: INCIDENTS_PER_SERVICE });
  const sloFigures = summarize(services, sloWindows, loaded, { asOf: sloAsOf, timeZone, incidentLimit: 3 });
  const [[incidents, actionItems, risks], others, [changeCounts, freezes, postmortemsOverdue]] = await Promise.all([side, otherSlosOfWeek(week, asOf, sloAsOf), policy]);
  const policyOf = (i: number): PolicyFacts => {
    const id = services[i]?.id ?? "";
    return { changeCount: changeCounts.get(id) ?? 0, freezes: freezes.get(id) ?? [] };
  };
  const entries = weekFigures.map((w, i) => serviceEntry(w, sloFigures[i], trends ? trends[i] : null, policyOf(i))).map((e) => ({ ...e, slos: others.get(e.slug) ?? [] }));
  return {
    week,
    window: { label: `week:${week}`, from: formatIsoInstant(window.from), to: formatIsoInstant(window.to), firstDay, lastDay },
    timeZone,
    asOf: formatIsoInstant(asOf),
    sloAsOf: formatIsoInstant(sloAsOf),
    headline: reviewHeadline(entries, incidents, asOf),
    services: entries,
    incidents,
    actionItems,
    postmortemsOverdue,
    risks,
  };
}
