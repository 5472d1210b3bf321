// Response schemas of the SLO API (docs/decisions/0021-slo-entity.md).
import { z } from "zod";
import { ServiceAvailabilityDto } from "./availability";
import { InstantText, MaintenanceText } from "./common";

export const SliDto = z.discriminatedUnion("source", [
  z.strictObject({ source: z.literal("incidents") }),
  z.strictObject({ source: z.literal("probe"), probe: z.string(), kind: z.enum(["success", "latency"]), thresholdMs: z.int().nullable() }),
  /** A ratio has good or bad, and total; a threshold has query, op and threshold; the rest are null. */
  z.strictObject({
    source: z.literal("prometheus"),
    datasource: z.strictObject({ id: z.string(), name: z.string() }),
    kind: z.enum(["ratio", "threshold"]),
    good: z.string().nullable(),
    bad: z.string().nullable(),
    total: z.string().nullable(),
    query: z.string().nullable(),
    op: z.enum(["lt", "lte", "gt", "gte"]).nullable(),
    threshold: z.number().nullable(),
  }),
]);
export type SliDto = z.infer<typeof SliDto>;

export const BudgetingDto = z.discriminatedUnion("method", [
  /** The incident record: counted in seconds. */
  z.strictObject({ method: z.literal("time") }),
  z.strictObject({ method: z.literal("occurrences") }),
  z.strictObject({ method: z.literal("timeslices"), sliceSeconds: z.int(), sliceTarget: z.number() }),
]);

export const SloDto = z.strictObject({
  id: z.string(),
  service: z.strictObject({ slug: z.string(), name: z.string() }),
  name: z.string(),
  description: z.string(),
  /** The service's own objective, from its incident record: its figures are the service's. */
  isServiceObjective: z.boolean(),
  sli: SliDto,
  /** Effective: the SLO's own setting, else its service's tier's default. */
  target: z.number(),
  window: z.string(),
  maintenance: MaintenanceText,
  /** What the SLO sets itself; null = its tier's default. */
  overrides: z.strictObject({ target: z.number().nullable(), window: z.string().nullable(), maintenance: MaintenanceText.nullable() }),
  budgeting: BudgetingDto,
  /** A measured SLI's ingestion: stored up to `ingestedTo`; `error` is why the last try stored nothing (null when it worked). */
  ingestion: z.strictObject({ ingestedTo: InstantText.nullable(), error: z.string().nullable(), errorAt: InstantText.nullable() }).nullable(),
  /** What its budget is counted in. */
  unit: z.enum(["seconds", "events", "slices"]),
  archived: z.boolean(),
  archivedAt: InstantText.nullable(),
  version: z.int(),
  createdAt: InstantText,
  updatedAt: InstantText,
});
export type SloDto = z.infer<typeof SloDto>;

export const SloListDto = z.strictObject({ slos: z.array(SloDto), nextCursor: z.string().nullable(), total: z.int() });
export type SloListDto = z.infer<typeof SloListDto>;

const LookbackRates = z.strictObject({ "5m": z.number().nullable(), "30m": z.number().nullable(), "1h": z.number().nullable(), "2h": z.number().nullable(), "6h": z.number().nullable(), "1d": z.number().nullable(), "3d": z.number().nullable() });

/**
 * `GET /api/v1/slos/{id}/availability`: one SLO over a window, in its own unit. An SLO from the
 * incident record also carries the engine's figures as the service availability route gives them.
 */
export const SloAvailabilityDto = z.strictObject({
  slo: SloDto,
  asOf: InstantText,
  timeZone: z.string(),
  window: z.strictObject({ label: z.string(), from: InstantText, to: InstantText, end: InstantText, elapsedSeconds: z.number() }),
  unit: z.enum(["seconds", "events", "slices"]),
  /** The SLI's value over the window (availability, good runs over runs, good slices over known slices); null: no data. */
  sli: z.number().nullable(),
  /** Good and total in the unit; null for the incident record, whose seconds are in `incidentRecord`. */
  good: z.number().nullable(),
  total: z.number().nullable(),
  /** Time in the window nothing measured (no probe run covered it): never counted good or bad. */
  unknownSeconds: z.number(),
  /** Time slices without a run (time-slice SLOs; 0 otherwise). */
  unknownSlices: z.int(),
  metTarget: z.boolean().nullable(),
  errorBudget: z.strictObject({ allowed: z.number(), consumed: z.number(), remaining: z.number(), remainingRatio: z.number(), overspent: z.boolean() }).nullable(),
  /** Bad share over each lookback divided by the share the target allows; null: nothing measured then. */
  burnRates: LookbackRates,
  /** By the multi-window burn-rate rules; null: a lookback a rule needs measured nothing. */
  burnState: z.enum(["fast_burn", "slow_burn", "ok"]).nullable(),
  incidentRecord: ServiceAvailabilityDto.nullable(),
});
export type SloAvailabilityDto = z.infer<typeof SloAvailabilityDto>;

/** `GET /api/v1/slos/availability`: every SLO in use with its figures, in one request; `total` counts them. */
export const SloAvailabilityListDto = z.strictObject({ slos: z.array(SloAvailabilityDto), total: z.int() });
export type SloAvailabilityListDto = z.infer<typeof SloAvailabilityListDto>;

/** `GET /api/v1/slos/{id}/series`: the SLO per day, week or month, in its own unit. */
export const SloSeriesDto = z.strictObject({
  slo: SloDto,
  asOf: InstantText,
  bucket: z.enum(["day", "week", "month"]),
  timeZone: z.string(),
  unit: z.enum(["seconds", "events", "slices"]),
  entries: z.array(
    z.strictObject({
      label: z.string(),
      from: InstantText,
      to: InstantText,
      /** The SLI over the bucket; null: nothing measured in it. */
      sli: z.number().nullable(),
      /** In the unit; null for the incident record (its seconds are the service series'). */
      good: z.number().nullable(),
      total: z.number().nullable(),
      unknownSeconds: z.number(),
      metTarget: z.boolean().nullable(),
    }),
  ),
});
export type SloSeriesDto = z.infer<typeof SloSeriesDto>;

/** `GET /api/v1/slos/{id}/reconcile`: a measured SLO beside the incident record, and where they disagree. */
export const SloReconcileDto = z.strictObject({
  slo: z.strictObject({ id: z.string(), name: z.string(), service: z.string() }),
  window: z.strictObject({ label: z.string(), from: InstantText, to: InstantText }),
  /** What the SLI saw: bad (a probe down, or a minute below the SLO's target), good, and unknown. */
  measured: z.strictObject({ badSeconds: z.number(), goodSeconds: z.number(), unknownSeconds: z.number() }),
  /** The engine's downtime of unplanned incidents in the window. */
  incidentDowntimeSeconds: z.number(),
  /** measured_only: bad by the SLI with no incident recording it; incident_only: recorded down while the SLI saw it good. */
  disagreements: z.array(z.strictObject({ from: InstantText, to: InstantText, seconds: z.number(), kind: z.enum(["measured_only", "incident_only"]) })),
  /** measured_only and incident_only seconds in all. */
  measuredOnlySeconds: z.number(),
  incidentOnlySeconds: z.number(),
});
export type SloReconcileDto = z.infer<typeof SloReconcileDto>;
