import "server-only";
import type { ResolvedWindow } from "@/lib/domain";
import { LONGEST_BURN_LOOKBACK, meetsTarget, type BurnLookback } from "@/lib/domain/error-budget";
import { countBuckets, measuredBurnRates } from "@/lib/domain/measured-sli";
import { burnReads, countProbe, probeBurnRates, type ProbeHistory } from "@/lib/domain/probe-reads";
import { eventBudget, probeBurnState, type ProbeSliKind } from "@/lib/domain/probe-sli";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SloAvailabilityDto, SloAvailabilityListDto, SloDto } from "@/lib/dto/slos";
import type { AvailabilityQuery } from "@/lib/schemas/availability";
import type { SloFiguresQuery } from "@/lib/schemas/slo";
import { loadRange, windowsFor } from "./availability";
import { loadImpactRows, loadServiceSlos, organisationTimeZone, type ServiceSlo } from "./availability-data";
import type { ServiceAvailabilityDto } from "@/lib/dto/availability";
import { summarizeDetail } from "./availability-summaries";
import { pool, prisma } from "./db";
import { NotFoundError } from "./errors";
import { collectImpacts } from "./impact-rows";
import { probeHistories } from "./probe-history";
import { getSlo, sloInclude, toSloDto } from "./slos";

// SLOs over a window, each in its own unit (docs/decisions/0021-slo-entity.md), many at once: one
// read per kind of source whatever their number. From the incident record: the engine's figures
// against the SLO's objective. From a probe: its runs, counted by lib/domain/probe-sli.ts, with
// the time no run covered as unknown. From Prometheus: the buckets Nines stored (never Prometheus
// at read time: the history is Nines' own).

const iso = (ms: number) => new Date(ms).toISOString();
// Bucket rows are read for this many SLOs at a time: a month of one SLO is about 2,000 rows.
const BUCKET_READ_SLOS = 100;

/** One SLO, its objective and the window it is figured over, with the range its data is read from. */
type Job = { slo: SloDto; objective: ServiceSlo; window: ResolvedWindow; end: number; from: number; to: number };
type Ctx = { asOf: number; timeZone: string; incidentLimit: number };

export async function sloAvailability(id: string, q: AvailabilityQuery): Promise<SloAvailabilityDto> {
  const [figures] = await figuresOfSlos([await getSlo(id)], q, Number.POSITIVE_INFINITY);
  if (!figures) throw new Error("no figures for the SLO");
  return figures;
}

/** Every SLO of every service in use (or of one service), with figures; `total` counts them all. */
export async function allSloAvailability(q: SloFiguresQuery): Promise<SloAvailabilityListDto> {
  const rows = await prisma.slo.findMany({
    where: { archivedAt: null, service: { archivedAt: null, ...(q.service === undefined ? {} : { slug: q.service }) } },
    include: sloInclude,
    orderBy: [{ service: { name: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
  });
  if (q.service !== undefined && rows.length === 0 && !(await prisma.service.findUnique({ where: { slug: q.service }, select: { id: true } }))) throw new NotFoundError("Service", q.service);
  const slos = await figuresOfSlos(rows.map(toSloDto), q, q.incidents);
  return { slos, total: slos.length };
}

/** The figures of the SLOs that match, oldest first (the overview, the review, /metrics). */
export async function figuresWhere(where: Prisma.SloWhereInput, q: AvailabilityQuery, incidentLimit = 0): Promise<SloAvailabilityDto[]> {
  const rows = await prisma.slo.findMany({ where, include: sloInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return figuresOfSlos(rows.map(toSloDto), q, incidentLimit);
}

/**
 * The figures of the SLOs given, in their order. `incidentLimit`: incidents listed in an incident
 * record SLO's `incidentRecord` (all for one SLO, a few for a list).
 */
export async function figuresOfSlos(slos: SloDto[], q: AvailabilityQuery, incidentLimit: number): Promise<SloAvailabilityDto[]> {
  const asOf = q.asOf?.getTime() ?? Date.now();
  const [timeZone, services] = await Promise.all([organisationTimeZone(), loadServiceSlos({ slugs: [...new Set(slos.map((s) => s.service.slug))] })]);
  const bySlug = new Map(services.map((s) => [s.slug, s]));
  const objectives = slos.map((slo) => {
    const service = bySlug.get(slo.service.slug);
    if (!service) throw new NotFoundError("Service", slo.service.slug);
    return { ...service, target: slo.target, sloWindow: slo.window, maintenance: slo.maintenance };
  });
  const windows = windowsFor(objectives, q.window, timeZone, asOf);
  const jobs = slos.map((slo, i): Job => {
    const window = windows[i] as ResolvedWindow;
    const end = Math.max(window.from, Math.min(window.to, asOf));
    // The window and the burn lookbacks before asOf.
    return { slo, objective: objectives[i] as ServiceSlo, window, end, from: Math.min(window.from, asOf - LONGEST_BURN_LOOKBACK), to: Math.max(end, asOf) };
  });
  const ctx: Ctx = { asOf, timeZone, incidentLimit };
  const out = new Map<Job, SloAvailabilityDto>();
  const of = (source: SloDto["sli"]["source"]) => jobs.filter((j) => j.slo.sli.source === source);
  await Promise.all([fromIncidents(of("incidents"), ctx, out), fromProbes(of("probe"), ctx, out), fromPrometheus(of("prometheus"), ctx, out)]);
  return jobs.map((j) => out.get(j) as SloAvailabilityDto);
}

async function fromIncidents(jobs: Job[], ctx: Ctx, out: Map<Job, SloAvailabilityDto>): Promise<void> {
  if (jobs.length === 0) return;
  const rows = await loadImpactRows([...new Set(jobs.map((j) => j.objective.id))], loadRange(jobs.map((j) => j.window), ctx.asOf).from, ctx.asOf, true);
  const loaded = collectImpacts(rows);
  for (const job of jobs) out.set(job, incidentFigures(job.slo, summarizeDetail(job.objective, job.window, loaded, ctx)));
}

function incidentFigures(slo: SloDto, record: ServiceAvailabilityDto): SloAvailabilityDto {
  const budget = record.errorBudget;
  const rates = budget?.burnRates;
  const burnRates = Object.fromEntries((["5m", "30m", "1h", "2h", "6h", "1d", "3d"] as const).map((k) => [k, rates ? rates[k] : null])) as Record<BurnLookback, number | null>;
  return {
    slo,
    asOf: record.asOf,
    timeZone: record.timeZone,
    window: record.window,
    unit: "seconds",
    sli: record.availability,
    good: null,
    total: null,
    unknownSeconds: 0,
    unknownSlices: 0,
    metTarget: record.metTarget,
    errorBudget: budget ? { allowed: budget.budgetSeconds, consumed: budget.consumedSeconds, remaining: budget.remainingSeconds, remainingRatio: budget.remainingRatio, overspent: budget.overspent } : null,
    burnRates,
    burnState: budget ? budget.burnState : null,
    incidentRecord: record,
  };
}

/** What a measured SLO's figures share: the window as read, and the budget from the counts. */
function measured(job: Job, ctx: Ctx, counts: { good: number; total: number; unknownSlices: number; unknownSeconds: number }, burnRates: Record<BurnLookback, number | null>): SloAvailabilityDto {
  const { slo, window, end } = job;
  const sli = counts.total > 0 ? counts.good / counts.total : null;
  return {
    slo,
    asOf: iso(ctx.asOf),
    timeZone: ctx.timeZone,
    window: { label: window.label, from: iso(window.from), to: iso(window.to), end: iso(end), elapsedSeconds: (end - window.from) / 1000 },
    unit: slo.unit,
    sli,
    good: counts.good,
    total: counts.total,
    unknownSeconds: counts.unknownSeconds,
    unknownSlices: counts.unknownSlices,
    metTarget: meetsTarget(sli, slo.target),
    errorBudget: eventBudget(slo.target, counts, slo.budgeting, window.to - window.from),
    burnRates,
    burnState: probeBurnState(burnRates),
    incidentRecord: null,
  };
}

/** Sorted by time: the ones in [from, to). */
function within<T extends { at: number }>(sorted: T[], from: number, to: number): T[] {
  return sorted.filter((r) => r.at >= from && r.at < to);
}

async function fromProbes(jobs: Job[], ctx: Ctx, out: Map<Job, SloAvailabilityDto>): Promise<void> {
  if (jobs.length === 0) return;
  const kindOf = (slo: SloDto): ProbeSliKind => (slo.sli.source === "probe" && slo.sli.kind === "latency" ? { kind: "latency", thresholdMs: slo.sli.thresholdMs ?? 0 } : { kind: "success" });
  const probeOf = (j: Job) => (j.slo.sli.source === "probe" ? j.slo.sli.probe : "");
  // The window and the burn lookbacks: kept hours where they answer, runs for the rest.
  const histories = await probeHistories(
    jobs.map((j) => ({ probeId: probeOf(j), reads: [{ use: "count" as const, sli: kindOf(j.slo), budgeting: j.slo.budgeting, range: { from: j.window.from, to: j.end } }, ...burnReads(kindOf(j.slo), j.slo.budgeting, ctx.asOf)] })),
  );
  for (const job of jobs) {
    const { slo, window, end } = job;
    const history = histories.get(probeOf(job)) as ProbeHistory;
    const kind = kindOf(slo);
    const counts = countProbe(history, kind, slo.budgeting, { from: window.from, to: end }, window.from);
    out.set(job, measured(job, ctx, counts, probeBurnRates(history, kind, slo.budgeting, ctx.asOf, window.from, slo.target)));
  }
}

async function fromPrometheus(jobs: Job[], ctx: Ctx, out: Map<Job, SloAvailabilityDto>): Promise<void> {
  const parts: Job[][] = [];
  for (let i = 0; i < jobs.length; i += BUCKET_READ_SLOS) parts.push(jobs.slice(i, i + BUCKET_READ_SLOS));
  // Two reads in flight: the database reads the next part while this process counts the last.
  let next = 0;
  const reader = async () => {
    for (let part = parts[next++]; part; part = parts[next++]) await fromBuckets(part, ctx, out);
  };
  await Promise.all([reader(), reader()]);
}

async function fromBuckets(part: Job[], ctx: Ctx, out: Map<Job, SloAvailabilityDto>): Promise<void> {
  // One row per SLO, its buckets as arrays, the start in epoch milliseconds: a month of a thousand
  // SLOs is two million buckets, and reading them as rows of Dates took most of the time.
  const { rows } = await pool().query<[string, number[], number[], number[], number[], number[]]>({
    text: `SELECT "sloId", array_agg(extract(epoch FROM start)::float8 * 1000 ORDER BY start), array_agg(seconds ORDER BY start), array_agg(good ORDER BY start), array_agg(total ORDER BY start),
                  array_agg(coalesce(covered, seconds) ORDER BY start)
             FROM "SloBucket" WHERE "sloId" = ANY($1::text[]) AND start >= $2 AND start < $3 GROUP BY "sloId"`,
    values: [part.map((j) => j.slo.id), new Date(Math.min(...part.map((j) => j.from))), new Date(Math.max(...part.map((j) => j.to)))],
    rowMode: "array",
  });
  const bucketsOf = new Map(rows.map(([sloId, starts, seconds, good, total, covered]) => [sloId, starts.map((start, k) => ({ at: start, start, seconds: seconds[k] as number, good: good[k] as number, total: total[k] as number, covered: covered[k] as number }))]));
  for (const job of part) {
    const { slo, window, end } = job;
    const buckets = within(bucketsOf.get(slo.id) ?? [], job.from, job.to);
    const counts = countBuckets(buckets, slo.budgeting, { from: window.from, to: end }, window.from);
    out.set(job, measured(job, ctx, counts, measuredBurnRates(buckets, slo.budgeting, ctx.asOf, window.from, slo.target)));
  }
}
