import "server-only";
import { countBuckets, measuredBurnRates, type Bucket } from "@/lib/domain/measured-sli";
import { probeCoverage } from "@/lib/domain/probes";
import { burnRatesOf, countRuns, eventBudget, probeBurnState, type ProbeRunSample } from "@/lib/domain/probe-sli";
import { LONGEST_BURN_LOOKBACK, meetsTarget, type BurnLookback } from "@/lib/domain/error-budget";
import type { SloAvailabilityDto, SloDto } from "@/lib/dto/slos";
import type { AvailabilityQuery } from "@/lib/schemas/availability";
import { availabilityFor, windowsFor } from "./availability";
import { loadServiceSlo, organisationTimeZone, type ServiceSlo } from "./availability-data";
import { prisma } from "./db";
import { NotFoundError } from "./errors";
import { getSlo } from "./slos";

// One SLO over a window, in its own unit (docs/decisions/0021-slo-entity.md). From the incident
// record: the engine's figures against the SLO's objective. From a probe: its runs, counted by
// lib/domain/probe-sli.ts, with the time no run covered as unknown.

const iso = (ms: number) => new Date(ms).toISOString();

export async function sloAvailability(id: string, q: AvailabilityQuery): Promise<SloAvailabilityDto> {
  const slo = await getSlo(id);
  const service = await loadServiceSlo(slo.service.slug);
  if (!service) throw new NotFoundError("Service", slo.service.slug);
  const objective: ServiceSlo = { ...service, target: slo.target, sloWindow: slo.window, maintenance: slo.maintenance };
  if (slo.sli.source === "incidents") return fromIncidents(slo, objective, q);
  return slo.sli.source === "probe" ? fromProbe(slo, objective, q) : fromPrometheus(slo, objective, q);
}

async function fromIncidents(slo: SloDto, objective: ServiceSlo, q: AvailabilityQuery): Promise<SloAvailabilityDto> {
  const record = await availabilityFor(objective, q);
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

async function fromProbe(slo: SloDto, objective: ServiceSlo, q: AvailabilityQuery): Promise<SloAvailabilityDto> {
  if (slo.sli.source !== "probe") throw new Error("fromProbe takes a probe SLO");
  const asOf = q.asOf?.getTime() ?? Date.now();
  const timeZone = await organisationTimeZone();
  const window = windowsFor([objective], q.window, timeZone, asOf)[0];
  if (!window) throw new Error("no window");
  const end = Math.max(window.from, Math.min(window.to, asOf));
  const probe = await prisma.probe.findUnique({ where: { id: slo.sli.probe }, select: { intervalSeconds: true } });
  if (!probe) throw new NotFoundError("Probe", slo.sli.probe);
  // Runs from a probe interval before the window (the first run's coverage reaches into it) and the burn lookbacks.
  const from = Math.min(window.from - probe.intervalSeconds * 1000, asOf - LONGEST_BURN_LOOKBACK);
  const rows = await prisma.probeRun.findMany({ where: { probeId: slo.sli.probe, at: { gte: new Date(from), lt: new Date(Math.max(end, asOf)) } }, select: { at: true, ok: true, latencyMs: true }, orderBy: { at: "asc" } });
  const runs: ProbeRunSample[] = rows.map((r) => ({ at: r.at.getTime(), ok: r.ok, latencyMs: r.latencyMs }));
  const kind = slo.sli.kind === "latency" ? { kind: "latency" as const, thresholdMs: slo.sli.thresholdMs ?? 0 } : { kind: "success" as const };
  const counts = countRuns(runs, kind, slo.budgeting, { from: window.from, to: end }, window.from);
  const sli = counts.total > 0 ? counts.good / counts.total : null;
  const coverage = probeCoverage(runs, probe.intervalSeconds, { from: window.from, to: end });
  const burnRates = burnRatesOf(runs, kind, slo.budgeting, asOf, window.from, slo.target);
  return {
    slo,
    asOf: iso(asOf),
    timeZone,
    window: { label: window.label, from: iso(window.from), to: iso(window.to), end: iso(end), elapsedSeconds: (end - window.from) / 1000 },
    unit: slo.unit,
    sli,
    good: counts.good,
    total: counts.total,
    unknownSeconds: coverage.unknownSeconds,
    unknownSlices: counts.unknownSlices,
    metTarget: meetsTarget(sli, slo.target),
    errorBudget: eventBudget(slo.target, counts, slo.budgeting, window.to - window.from),
    burnRates,
    burnState: probeBurnState(burnRates),
    incidentRecord: null,
  };
}

/** From the buckets Nines stored (never from Prometheus at read time: the history is Nines' own). */
async function fromPrometheus(slo: SloDto, objective: ServiceSlo, q: AvailabilityQuery): Promise<SloAvailabilityDto> {
  const asOf = q.asOf?.getTime() ?? Date.now();
  const timeZone = await organisationTimeZone();
  const window = windowsFor([objective], q.window, timeZone, asOf)[0];
  if (!window) throw new Error("no window");
  const end = Math.max(window.from, Math.min(window.to, asOf));
  const from = Math.min(window.from, asOf - LONGEST_BURN_LOOKBACK);
  const rows = await prisma.sloBucket.findMany({ where: { sloId: slo.id, start: { gte: new Date(from), lt: new Date(Math.max(end, asOf)) } }, orderBy: { start: "asc" }, select: { start: true, seconds: true, good: true, total: true } });
  const buckets: Bucket[] = rows.map((r) => ({ start: r.start.getTime(), seconds: r.seconds, good: r.good, total: r.total }));
  const counts = countBuckets(buckets, slo.budgeting, { from: window.from, to: end }, window.from);
  const sli = counts.total > 0 ? counts.good / counts.total : null;
  const burnRates = measuredBurnRates(buckets, slo.budgeting, asOf, window.from, slo.target);
  return {
    slo,
    asOf: iso(asOf),
    timeZone,
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
