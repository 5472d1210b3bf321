// Response types of the availability API, shared by the server, the client hooks and components.
import type { BudgetState, BurnState } from "@/lib/domain/burn-state";
import type { IncidentMetrics } from "@/lib/domain/incident-metrics";
import type { IncidentKind, Severity } from "@/lib/domain/incident-lifecycle";

export type AvailabilitySummaryDto = {
  service: { slug: string; name: string; tier: { rank: number; name: string } };
  asOf: string;
  timeZone: string;
  /** `end` = min(to, asOf): where the measuring stops. */
  window: { label: string; from: string; to: string; end: string; elapsedSeconds: number };
  totalSeconds: number;
  downtimeSeconds: number;
  unplannedSeconds: number;
  maintenanceSeconds: number;
  countedSeconds: number;
  availability: number;
  availabilityMaintenanceCounted: number;
  /** The window's availability reached the SLO target. */
  metTarget: boolean;
  slo: { target: number; window: string; maintenance: "count" | "exclude" };
  errorBudget: {
    budgetSeconds: number;
    consumedSeconds: number;
    remainingSeconds: number;
    remainingRatio: number;
    overspent: boolean;
    burnRates: Record<string, number>;
    exhaustionAt: string | null;
    /** Why exhaustionAt is null or not: projected, none_consumed, exhausted or beyond_range. */
    exhaustion: string;
    /** healthy, low (under 25 % left) or overspent. */
    state: BudgetState;
    /** By the multi-window burn-rate rules: fast_burn, slow_burn or ok; and the rule that fired. */
    burnState: BurnState;
    burnRule: { long: string; short: string; threshold: number } | null;
  };
  /** Most downtime first; all of them for one service, the top few in the all-services summary. */
  incidents: { id: string; reference: string | null; title: string | null; kind: string; downtimeSeconds: number; budgetShare: number }[];
  /** Incidents active in the window, whether listed above or not. */
  incidentCount: number;
  metrics: IncidentMetrics;
  explanation?: {
    rule: string;
    formula: string;
    /** The merged intervals: constant state within each; `countedSeconds` = seconds × counted, and they sum to countedSeconds. */
    intervals: { from: string; to: string; seconds: number; fraction: number; unplanned: number; maintenance: number; counted: number; countedSeconds: number; incidentId: string | null; reference: string | null }[];
  };
  /** One service's view only: the budget left across the window, to asOf (exact at each change of pace). */
  burnDown?: { at: string; remainingSeconds: number }[];
};

/** In the all-services lists: a service whose figures could not be computed (logged by reference). */
export type ServiceFailureDto = {
  service: { slug: string; name: string; tier: { rank: number; name: string } };
  error: { code: "computation_failed"; message: string; reference: string };
};

export type SeriesDto = {
  service: { slug: string; name: string; tier: { rank: number; name: string } };
  bucket: "day" | "week" | "month";
  timeZone: string;
  slo: { target: number; maintenance: "count" | "exclude" };
  entries: SeriesEntryDto[];
};

/** `GET /api/v1/services/{slug}/availability/series`: one service's series, as of an instant. */
export type ServiceSeriesDto = SeriesDto & { asOf: string };

export type SeriesEntryDto = {
  label: string;
  from: string;
  to: string;
  elapsedSeconds: number;
  downtimeSeconds: number;
  unplannedSeconds: number;
  maintenanceSeconds: number;
  availability: number;
  /** downtime / elapsed as its own ratio (exact for log scales). */
  unavailability: number;
  /** The bucket's availability reached the SLO target. */
  metTarget: boolean;
  budgetSeconds: number;
  consumedSeconds: number;
};

/** `GET /api/v1/availability`: every service's summary, or its failure entry. */
export type FleetAvailabilityDto = { asOf: string; services: (AvailabilitySummaryDto | ServiceFailureDto)[] };

/** `GET /api/v1/availability/series`: every service's series, or its failure entry. */
export type FleetSeriesDto = { asOf: string; series: (SeriesDto | ServiceFailureDto)[] };

export function isServiceFailure<T extends object>(entry: T | ServiceFailureDto): entry is ServiceFailureDto {
  return "error" in entry;
}

/** An incident as the trend's lane draws it: its impact on this one service. */
export type LaneIncidentDto = {
  reference: string;
  title: string;
  severity: Severity;
  kind: IncidentKind;
  /** The impact on this service (its own interval, else the incident's). */
  start: string;
  /** null: still ongoing as of the series' asOf. */
  end: string | null;
  fraction: number;
};

/**
 * `GET /api/v1/services/{slug}/availability/incidents`: the incidents that hit a service within a
 * series' range (same query), oldest first; when there are very many, the `incidents.length` of
 * `total` that cost the most downtime.
 */
export type IncidentLaneDto = { asOf: string; from: string; to: string; total: number; incidents: LaneIncidentDto[] };
