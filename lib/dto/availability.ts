// Response schemas of the availability API and their types, shared by the server, the client
// hooks, components and the API document.
import { z } from "zod";
import type { BudgetState, BurnState } from "@/lib/domain/burn-state";
import type { BurnRates, ExhaustionOutlook } from "@/lib/domain/error-budget";
import type { IncidentMetrics } from "@/lib/domain/incident-metrics";
import { INCIDENT_KINDS, SEVERITIES } from "@/lib/domain/incident-lifecycle";
import { assertSameType, Count, InstantText, MaintenanceText } from "./common";

const ServiceBrief = z.strictObject({ slug: z.string(), name: z.string(), tier: z.strictObject({ rank: z.int(), name: z.string() }) });

const DurationStats = z.strictObject({
  count: Count,
  excluded: Count,
  meanSeconds: z.number().nullable(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
});

/** MTTD / MTTA / MTTR / MTBF of the unplanned incidents (lib/domain/incident-metrics.ts). */
export const IncidentMetricsDto = z.strictObject({ incidentCount: Count, mttd: DurationStats, mtta: DurationStats, mttr: DurationStats, mtbf: DurationStats });
assertSameType<z.infer<typeof IncidentMetricsDto>, IncidentMetrics>(true);

const BurnRatesDto = z.strictObject({ window: z.number(), "5m": z.number(), "30m": z.number(), "1h": z.number(), "2h": z.number(), "6h": z.number(), "1d": z.number(), "3d": z.number() });
assertSameType<z.infer<typeof BurnRatesDto>, BurnRates>(true);
const Exhaustion = z.enum(["projected", "none_consumed", "exhausted", "beyond_range"]);
assertSameType<z.infer<typeof Exhaustion>, ExhaustionOutlook>(true);
const BudgetStateDto = z.enum(["healthy", "low", "overspent"]);
assertSameType<z.infer<typeof BudgetStateDto>, BudgetState>(true);
const BurnStateDto = z.enum(["fast_burn", "slow_burn", "ok"]);
assertSameType<z.infer<typeof BurnStateDto>, BurnState>(true);

export const AvailabilitySummaryDto = z.strictObject({
  service: ServiceBrief,
  asOf: InstantText,
  timeZone: z.string(),
  /** `end` = min(to, asOf): where the measuring stops. */
  window: z.strictObject({ label: z.string(), from: InstantText, to: InstantText, end: InstantText, elapsedSeconds: z.number() }),
  totalSeconds: z.number(),
  downtimeSeconds: z.number(),
  unplannedSeconds: z.number(),
  maintenanceSeconds: z.number(),
  countedSeconds: z.number(),
  /** The service's measuredSince: its incident record counts from this instant on. */
  measuredSince: InstantText,
  /**
   * Where these figures start: max(window.from, measuredSince). Later than window.from: computed
   * over the measured part only. null: the window lies wholly before measuredSince, no data (the
   * ratios, metTarget and errorBudget are null; the seconds 0).
   */
  measuredFrom: InstantText.nullable(),
  availability: z.number().nullable(),
  availabilityMaintenanceCounted: z.number().nullable(),
  /** The window's availability reached the SLO target; null: no data. */
  metTarget: z.boolean().nullable(),
  slo: z.strictObject({ target: z.number(), window: z.string(), maintenance: MaintenanceText }),
  /** Of the measured part [measuredFrom, window.to); null: no data. */
  errorBudget: z.strictObject({
    budgetSeconds: z.number(),
    consumedSeconds: z.number(),
    remainingSeconds: z.number(),
    remainingRatio: z.number(),
    overspent: z.boolean(),
    burnRates: BurnRatesDto,
    exhaustionAt: InstantText.nullable(),
    /** Why exhaustionAt is null or not: projected, none_consumed, exhausted or beyond_range. */
    exhaustion: Exhaustion,
    /** healthy, low (under 25 % left) or overspent. */
    state: BudgetStateDto,
    /** By the multi-window burn-rate rules: fast_burn, slow_burn or ok; and the rule that fired. */
    burnState: BurnStateDto,
    burnRule: z.strictObject({ long: z.string(), short: z.string(), threshold: z.number() }).nullable(),
  }).nullable(),
  /** Most downtime first; all of them for one service, the top few in the all-services summary. */
  incidents: z.array(
    z.strictObject({ id: z.string(), reference: z.string().nullable(), title: z.string().nullable(), kind: z.enum(INCIDENT_KINDS), downtimeSeconds: z.number(), budgetShare: z.number() }),
  ),
  /** Incidents active in the window, whether listed above or not. */
  incidentCount: Count,
  metrics: IncidentMetricsDto,
});
export type AvailabilitySummaryDto = z.infer<typeof AvailabilitySummaryDto>;

/**
 * `GET /api/v1/services/{slug}/availability`: one service's summary with how it was computed and
 * its budget's burn-down, which the all-services lists leave out.
 */
export const ServiceAvailabilityDto = AvailabilitySummaryDto.extend({
  explanation: z.strictObject({
    rule: z.string(),
    formula: z.string(),
    /** The merged intervals: constant state within each; `countedSeconds` = seconds × counted, and they sum to countedSeconds. */
    intervals: z.array(
      z.strictObject({
        from: InstantText,
        to: InstantText,
        seconds: z.number(),
        fraction: z.number(),
        unplanned: z.number(),
        maintenance: z.number(),
        counted: z.number(),
        countedSeconds: z.number(),
        incidentId: z.string().nullable(),
        reference: z.string().nullable(),
      }),
    ),
  }),
  /** The budget left across the window, to asOf (exact at each change of pace). */
  burnDown: z.array(z.strictObject({ at: InstantText, remainingSeconds: z.number() })),
});
export type ServiceAvailabilityDto = z.infer<typeof ServiceAvailabilityDto>;

/** In the all-services lists: a service whose figures could not be computed (logged by reference). */
export const ServiceFailureDto = z.strictObject({
  service: ServiceBrief,
  error: z.strictObject({ code: z.literal("computation_failed"), message: z.string(), reference: z.string() }),
});
export type ServiceFailureDto = z.infer<typeof ServiceFailureDto>;

export const SeriesEntryDto = z.strictObject({
  label: z.string(),
  from: InstantText,
  to: InstantText,
  /** max(from, the service's measuredSince); null: the bucket lies wholly before it, no data. */
  measuredFrom: InstantText.nullable(),
  elapsedSeconds: z.number(),
  downtimeSeconds: z.number(),
  unplannedSeconds: z.number(),
  maintenanceSeconds: z.number(),
  /** null: no data (measuredFrom null). */
  availability: z.number().nullable(),
  /** downtime / elapsed as its own ratio (exact for log scales); null: no data. */
  unavailability: z.number().nullable(),
  /** The bucket's availability reached the SLO target; null: no data, neither met nor missed. */
  metTarget: z.boolean().nullable(),
  /** Of the measured part; null: no data. */
  budgetSeconds: z.number().nullable(),
  consumedSeconds: z.number(),
});
export type SeriesEntryDto = z.infer<typeof SeriesEntryDto>;

export const SeriesDto = z.strictObject({
  service: ServiceBrief,
  bucket: z.enum(["day", "week", "month"]),
  timeZone: z.string(),
  slo: z.strictObject({ target: z.number(), maintenance: MaintenanceText }),
  /** The service's measuredSince: buckets before it are no data. */
  measuredSince: InstantText,
  entries: z.array(SeriesEntryDto),
});
export type SeriesDto = z.infer<typeof SeriesDto>;

/** `GET /api/v1/services/{slug}/availability/series`: one service's series, as of an instant. */
export const ServiceSeriesDto = SeriesDto.extend({ asOf: InstantText });
export type ServiceSeriesDto = z.infer<typeof ServiceSeriesDto>;

/** `GET /api/v1/availability`: every service's summary, or its failure entry. */
export const FleetAvailabilityDto = z.strictObject({ asOf: InstantText, services: z.array(z.union([AvailabilitySummaryDto, ServiceFailureDto])) });
export type FleetAvailabilityDto = z.infer<typeof FleetAvailabilityDto>;

/** `GET /api/v1/availability/series`: every service's series, or its failure entry. */
export const FleetSeriesDto = z.strictObject({ asOf: InstantText, series: z.array(z.union([SeriesDto, ServiceFailureDto])) });
export type FleetSeriesDto = z.infer<typeof FleetSeriesDto>;

export function isServiceFailure<T extends object>(entry: T | ServiceFailureDto): entry is ServiceFailureDto {
  return "error" in entry;
}

/** An incident as the trend's lane draws it: its impact on this one service. */
export const LaneIncidentDto = z.strictObject({
  reference: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  kind: z.enum(INCIDENT_KINDS),
  /** The impact on this service (its own interval, else the incident's). */
  start: InstantText,
  /** null: still ongoing as of the series' asOf. */
  end: InstantText.nullable(),
  fraction: z.number(),
});
export type LaneIncidentDto = z.infer<typeof LaneIncidentDto>;

/**
 * `GET /api/v1/services/{slug}/availability/incidents`: the incidents that hit a service within a
 * series' range (same query), oldest first; when there are very many, the `incidents.length` of
 * `total` that cost the most downtime.
 */
export const IncidentLaneDto = z.strictObject({ asOf: InstantText, from: InstantText, to: InstantText, total: Count, incidents: z.array(LaneIncidentDto) });
export type IncidentLaneDto = z.infer<typeof IncidentLaneDto>;
