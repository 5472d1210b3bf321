import "server-only";
import { budgetSecondsFor, computeIncidentMetrics, computeSeriesTotals, summarizeService, type BucketUnit, type IncidentTimes, type ResolvedWindow } from "@/lib/domain";
import type { ServiceSlo } from "./availability-data";
import { toSeriesEntry, toSummaryDto, type AvailabilitySummaryDto, type SeriesDto } from "./availability-dto";
import type { LoadedImpacts } from "./impact-rows";

// Summaries and series of rows already read. No database access here, so that a fleet worker thread
// (fleet-worker.ts) loads only this, the domain and the DTO mapping.

export type SummarizeOptions = { asOf: number; timeZone: string; detail: boolean; incidentLimit: number };

/** The services' summaries, each in its own window, from their impacts; also run on fleet workers. */
export function summarize(services: ServiceSlo[], windows: ResolvedWindow[], loaded: LoadedImpacts, opts: SummarizeOptions): AvailabilitySummaryDto[] {
  const { asOf, timeZone, detail, incidentLimit } = opts;
  const { labels } = loaded;
  return services.map((service, i) => {
    const window = windows[i] as ResolvedWindow;
    const impacts = loaded.byService.get(service.id)?.impacts ?? [];
    const summary = summarizeService({ impacts, target: service.target, maintenance: service.maintenance, window, asOf });
    // Repeats (an incident with several impacts here) are dropped by computeIncidentMetrics.
    const times: IncidentTimes[] = [];
    for (const impact of impacts) times.push(loaded.incidents.get(impact.incidentId) as IncidentTimes);
    const metrics = computeIncidentMetrics(times, { from: window.from, to: Math.min(window.to, asOf) });
    return toSummaryDto({ service, window, summary, metrics, asOf, timeZone, labels, detail, incidentLimit });
  });
}

export type SeriesOptions = { asOf: number; bucket: BucketUnit; timeZone: string };

/** Each service's figures per bucket (`windows`), from its impacts; also run on fleet workers. */
export function seriesOf(services: ServiceSlo[], windows: ResolvedWindow[], loaded: LoadedImpacts, opts: SeriesOptions): SeriesDto[] {
  const { asOf, bucket, timeZone } = opts;
  return services.map((service) => {
    const impacts = loaded.byService.get(service.id)?.impacts ?? [];
    const results = computeSeriesTotals(impacts, windows, { asOf, maintenance: service.maintenance });
    return {
      service: { slug: service.slug, name: service.name, tier: service.tier },
      bucket,
      timeZone,
      slo: { target: service.target, maintenance: service.maintenance },
      entries: results.map((r, i) => toSeriesEntry((windows[i] as ResolvedWindow).label, r, budgetSecondsFor(service.target, r.totalSeconds))),
    };
  });
}
