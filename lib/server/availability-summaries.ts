import "server-only";
import { computeIncidentMetrics, summarizeService, type IncidentMetrics, type IncidentTimes, type ResolvedWindow, type ServiceSummary } from "@/lib/domain";
import type { ServiceSlo } from "./availability-data";
import { toSummaryDto, type AvailabilitySummaryDto } from "./availability-dto";
import type { LoadedImpacts } from "./impact-rows";

// Computing summaries from rows already read: no database access here, so that fleet worker
// threads (fleet-worker.ts) load only this, the domain and the DTO mapping.

type Computed = { service: ServiceSlo; window: ResolvedWindow; summary: ServiceSummary; metrics: IncidentMetrics };

export type SummarizeOptions = { asOf: number; timeZone: string; detail: boolean; incidentLimit: number };

/** The services' summaries (each in its window) from their impacts; also run on fleet workers. */
export function summarize(services: ServiceSlo[], windows: ResolvedWindow[], loaded: LoadedImpacts, opts: SummarizeOptions): AvailabilitySummaryDto[] {
  const { asOf, timeZone, detail, incidentLimit } = opts;
  const computed = services.map((service, i): Computed => {
    const window = windows[i] as ResolvedWindow;
    const impacts = loaded.byService.get(service.id)?.impacts ?? [];
    const summary = summarizeService({ impacts, target: service.target, maintenance: service.maintenance, window, asOf });
    // Repeats (an incident with several impacts here) are dropped by computeIncidentMetrics.
    const times: IncidentTimes[] = [];
    for (const impact of impacts) times.push(loaded.incidents.get(impact.incidentId) as IncidentTimes);
    const metrics = computeIncidentMetrics(times, { from: window.from, to: Math.min(window.to, asOf) });
    return { service, window, summary, metrics };
  });
  const { labels } = loaded;
  return computed.map(({ service, window, summary, metrics }) =>
    toSummaryDto({ service, window, summary, metrics, asOf, timeZone, labels, detail, incidentLimit }),
  );
}
