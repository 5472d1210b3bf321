import "server-only";
import { randomUUID } from "node:crypto";
import { BURN_DOWN_MAX_POINTS, budgetSecondsFor, computeIncidentMetrics, computeSeriesTotals, summarizeService, type BucketUnit, type WindowTotals, type IncidentTimes, type ResolvedWindow } from "@/lib/domain";
import type { ServiceSlo } from "./availability-data";
import { toSeriesEntry, toServiceAvailabilityDto, toSummaryDto } from "./availability-dto";
import type { AvailabilitySummaryDto, SeriesDto, ServiceAvailabilityDto, ServiceFailureDto } from "@/lib/dto/availability";
import type { LoadedImpacts } from "./impact-rows";

// Summaries and series of rows already read. No database access here, so that a fleet worker thread
// (fleet-worker.ts) loads only this, the domain and the DTO mapping.

export type SummarizeOptions = { asOf: number; timeZone: string; incidentLimit: number };

/**
 * One service's figures, or, when computing them fails, an entry that says so: in a list of a
 * thousand services one service's failure must never blank the other 999. The failure is logged
 * with the reference the entry carries, so the two can be matched.
 */
export function isolated<T>(service: ServiceSlo, compute: () => T): T | ServiceFailureDto {
  try {
    return compute();
  } catch (err) {
    const reference = randomUUID();
    console.error(`[availability] computing service '${service.slug}' failed (reference ${reference})`, err);
    return {
      service: { slug: service.slug, name: service.name, tier: service.tier },
      error: { code: "computation_failed", message: `This service's figures could not be computed (reference ${reference})`, reference },
    };
  }
}

function summaryArgs(service: ServiceSlo, window: ResolvedWindow, loaded: LoadedImpacts, opts: SummarizeOptions, detail: boolean) {
  const { asOf, timeZone, incidentLimit } = opts;
  const impacts = loaded.byService.get(service.id)?.impacts ?? [];
  // One service's own view also draws its budget's burn-down; the all-services lists do not.
  const summary = summarizeService({ impacts, target: service.target, maintenance: service.maintenance, window, asOf, measuredSince: service.measuredSince, burnDownPoints: detail ? BURN_DOWN_MAX_POINTS : undefined });
  // Repeats (an incident with several impacts here) are dropped by computeIncidentMetrics.
  const times: IncidentTimes[] = [];
  for (const impact of impacts) times.push(loaded.incidents.get(impact.incidentId) as IncidentTimes);
  // MTTx over the measured part too: incidents before measuredSince are not the record.
  const measured = summary.availability.measuredFrom;
  const metrics = computeIncidentMetrics(measured === null ? [] : times, { from: measured ?? window.from, to: Math.max(measured ?? window.from, Math.min(window.to, asOf)) });
  return { service, window, summary, metrics, asOf, timeZone, labels: loaded.labels, incidentLimit };
}

/** One service's summary in its window, as the all-services lists show it; a failure propagates. */
export function summarizeOne(service: ServiceSlo, window: ResolvedWindow, loaded: LoadedImpacts, opts: SummarizeOptions): AvailabilitySummaryDto {
  return toSummaryDto(summaryArgs(service, window, loaded, opts, false));
}

/** One service's own view: its summary with how it was computed and its burn-down; a failure propagates. */
export function summarizeDetail(service: ServiceSlo, window: ResolvedWindow, loaded: LoadedImpacts, opts: SummarizeOptions): ServiceAvailabilityDto {
  return toServiceAvailabilityDto(summaryArgs(service, window, loaded, opts, true));
}

/** The services' summaries, each in its own window, from their impacts; also run on fleet workers. */
export function summarize(services: ServiceSlo[], windows: ResolvedWindow[], loaded: LoadedImpacts, opts: SummarizeOptions): (AvailabilitySummaryDto | ServiceFailureDto)[] {
  return services.map((service, i) => isolated(service, () => summarizeOne(service, windows[i] as ResolvedWindow, loaded, opts)));
}

export type SeriesOptions = { asOf: number; bucket: BucketUnit; timeZone: string };

/** One service's series; a failure propagates. */
export function seriesOne(service: ServiceSlo, windows: ResolvedWindow[], loaded: LoadedImpacts, opts: SeriesOptions): SeriesDto {
  const impacts = loaded.byService.get(service.id)?.impacts ?? [];
  return seriesDto(service, windows, computeSeriesTotals(impacts, windows, { asOf: opts.asOf, maintenance: service.maintenance, measuredSince: service.measuredSince }), opts);
}

/** A series' figures as the API gives them, however they were computed (raw or rolled up). */
export function seriesDto(service: ServiceSlo, windows: ResolvedWindow[], results: WindowTotals[], opts: SeriesOptions): SeriesDto {
  return {
    service: { slug: service.slug, name: service.name, tier: service.tier },
    bucket: opts.bucket,
    timeZone: opts.timeZone,
    slo: { target: service.target, maintenance: service.maintenance },
    measuredSince: new Date(service.measuredSince).toISOString(),
    entries: results.map((r, i) => toSeriesEntry((windows[i] as ResolvedWindow).label, r, r.measuredFrom === null ? null : budgetSecondsFor(service.target, r.totalSeconds), service.target)),
  };
}

/** Each service's figures per bucket (`windows`), from its impacts; also run on fleet workers. */
export function seriesOf(services: ServiceSlo[], windows: ResolvedWindow[], loaded: LoadedImpacts, opts: SeriesOptions): (SeriesDto | ServiceFailureDto)[] {
  return services.map((service) => isolated(service, () => seriesOne(service, windows, loaded, opts)));
}
