import "server-only";
import type { AvailabilitySummaryDto, SeriesEntryDto, ServiceAvailabilityDto } from "@/lib/dto/availability";
import { formatAvailabilityFormula, formatIsoInstant, meetsTarget, segmentSeconds, type AvailabilityResult, type IncidentMetrics, type ResolvedWindow, type ServiceSummary, type WindowTotals } from "@/lib/domain";
import { incidentReference } from "@/lib/domain/incident-lifecycle";
import type { ServiceSlo } from "./availability-data";
import type { IncidentLabel } from "./impact-rows";

const iso = formatIsoInstant;

const RULES = {
  count: "Planned maintenance counts as downtime: availability = 1 − downtime / elapsed",
  exclude:
    "Planned maintenance is excluded: its seconds leave both sides, availability = 1 − unplanned / (elapsed − maintenance)",
} as const;

function formula(a: AvailabilityResult): string {
  if (a.measuredFrom === null || a.availability === null) return "No data: the window lies wholly before the service's measuredSince";
  return formatAvailabilityFormula({ ...a, availability: a.availability });
}

const referenceOf = (labels: Map<string, IncidentLabel>, id: string): string | null => {
  const label = labels.get(id);
  return label ? incidentReference(label.number) : null;
};

type SummaryArgs = {
  service: ServiceSlo;
  window: ResolvedWindow;
  summary: ServiceSummary;
  metrics: IncidentMetrics;
  asOf: number;
  timeZone: string;
  labels: Map<string, IncidentLabel>;
  incidentLimit: number;
};

export function toSummaryDto(args: SummaryArgs): AvailabilitySummaryDto {
  const { service, window, summary } = args;
  const a = summary.availability;
  const b = summary.errorBudget;
  return {
    service: { slug: service.slug, name: service.name, tier: service.tier },
    asOf: iso(args.asOf),
    timeZone: args.timeZone,
    window: { label: window.label, from: iso(window.from), to: iso(window.to), end: iso(a.end), elapsedSeconds: a.elapsedSeconds },
    totalSeconds: a.totalSeconds,
    downtimeSeconds: a.downtimeSeconds,
    unplannedSeconds: a.unplannedSeconds,
    maintenanceSeconds: a.maintenanceSeconds,
    countedSeconds: a.countedSeconds,
    measuredSince: iso(service.measuredSince),
    measuredFrom: a.measuredFrom === null ? null : iso(a.measuredFrom),
    availability: a.availability,
    availabilityMaintenanceCounted: a.availabilityCounted,
    metTarget: meetsTarget(a.availability, service.target),
    slo: { target: service.target, window: service.sloWindow, maintenance: service.maintenance },
    errorBudget: b && {
      budgetSeconds: b.budgetSeconds,
      consumedSeconds: b.consumedSeconds,
      remainingSeconds: b.remainingSeconds,
      remainingRatio: b.remainingRatio,
      overspent: b.overspent,
      burnRates: b.burnRates,
      exhaustionAt: b.exhaustionAt === null ? null : iso(b.exhaustionAt),
      exhaustion: b.exhaustion,
      state: b.budgetState,
      burnState: b.burnState,
      burnRule: b.burnRule && { long: b.burnRule.long, short: b.burnRule.short, threshold: b.burnRule.threshold },
    },
    incidentCount: summary.incidents.length,
    incidents: summary.incidents.slice(0, args.incidentLimit).map((i) => {
      const label = args.labels.get(i.incidentId);
      return {
        id: i.incidentId,
        reference: referenceOf(args.labels, i.incidentId),
        title: label?.title ?? null,
        kind: i.kind,
        downtimeSeconds: i.downtimeSeconds,
        budgetShare: i.budgetShare,
      };
    }),
    metrics: args.metrics,
  };
}

/** One service's own view: the summary, how it was computed, and the budget's burn-down. */
export function toServiceAvailabilityDto(args: SummaryArgs): ServiceAvailabilityDto {
  const a = args.summary.availability;
  return {
    ...toSummaryDto(args),
    explanation: {
      rule: RULES[a.rule],
      formula: formula(a),
      intervals: a.segments.map((s) => ({
        from: iso(s.from),
        to: iso(s.to),
        ...segmentSeconds(s),
        fraction: s.fraction,
        unplanned: s.unplanned,
        maintenance: s.maintenance,
        counted: s.counted,
        incidentId: s.incidentId,
        reference: s.incidentId === null ? null : referenceOf(args.labels, s.incidentId),
      })),
    },
    burnDown: (args.summary.burnDown ?? []).map((p) => ({ at: iso(p.at), remainingSeconds: p.remainingSeconds })),
  };
}

// A fleet's series repeats the same few window bounds for every service (26,000 entries, 26
// distinct instants): formatting each once saved a fifth of the request.
const bounds = new Map<number, string>();
function boundIso(ms: number): string {
  let text = bounds.get(ms);
  if (text === undefined) {
    if (bounds.size >= 4096) bounds.clear();
    bounds.set(ms, (text = iso(ms)));
  }
  return text;
}

export function toSeriesEntry(label: string, r: WindowTotals, budgetSeconds: number | null, target: number): SeriesEntryDto {
  return {
    label,
    from: boundIso(r.from),
    to: boundIso(r.to),
    measuredFrom: r.measuredFrom === null ? null : boundIso(r.measuredFrom),
    elapsedSeconds: r.elapsedSeconds,
    downtimeSeconds: r.downtimeSeconds,
    unplannedSeconds: r.unplannedSeconds,
    maintenanceSeconds: r.maintenanceSeconds,
    availability: r.availability,
    unavailability: r.unavailability,
    metTarget: meetsTarget(r.availability, target),
    budgetSeconds,
    consumedSeconds: r.countedSeconds,
  };
}
