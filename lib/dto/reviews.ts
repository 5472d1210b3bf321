// Response schemas of the reviews API and their types, shared by the server, the client hooks,
// components and the API document. A closed review's figures are stored as they were shown
// (lib/schemas/stored.ts reads them back with a versioned schema made of these).
import { z } from "zod";
import { SEVERITIES } from "@/lib/domain/incident-lifecycle";
import { ActionItemDto } from "./action-items";
import { FreezePeriodDto } from "./changes";
import { AvailabilitySummaryDto, ServiceFailureDto } from "./availability";
import { IncidentRecordDto } from "./incident-record";
import { Count, DateText, InstantText } from "./common";
import { RiskLevelDto } from "./risks";

const SummaryOrFailure = z.union([AvailabilitySummaryDto, ServiceFailureDto]);
const ReviewState = z.enum(["not_started", "open", "closed"]);

/** null figures: a week before the service's measuredSince, no data. */
export const ReviewTrendPointDto = z.strictObject({ label: z.string(), availability: z.number().nullable(), unavailability: z.number().nullable(), metTarget: z.boolean().nullable() });
export type ReviewTrendPointDto = z.infer<typeof ReviewTrendPointDto>;

/** One of a service's other SLOs in the review: its week, and its own window as of `sloAsOf`, in its unit. */
export const ReviewSloDto = z.strictObject({
  id: z.string(),
  name: z.string(),
  unit: z.enum(["seconds", "events", "slices"]),
  target: z.number(),
  window: z.string(),
  week: z.strictObject({ sli: z.number().nullable(), metTarget: z.boolean().nullable(), unknownSeconds: z.number() }),
  sloWindow: z.strictObject({ sli: z.number().nullable(), remainingRatio: z.number().nullable(), burnState: z.enum(["fast_burn", "slow_burn", "ok"]).nullable() }),
  /**
   * Logged against measured, over the week: time the SLO saw bad that no incident covers, incident
   * time it saw good, and time it did not measure. Null for an SLO from the incident record.
   */
  beside: z.strictObject({ measuredOnlySeconds: z.number(), incidentOnlySeconds: z.number(), unknownSeconds: z.number() }).nullable(),
});
export type ReviewSloDto = z.infer<typeof ReviewSloDto>;

export const ReviewServiceDto = z.strictObject({
  slug: z.string(),
  name: z.string(),
  tier: z.strictObject({ rank: z.int(), name: z.string() }),
  /** The availability API's entry for `window=week:<week>` as of the review's `asOf`. */
  week: SummaryOrFailure,
  /** The availability API's entry for the service's SLO window as of `sloAsOf`. */
  sloWindow: SummaryOrFailure,
  /** The week's counted downtime: what the week spent of the SLO window's budget. */
  weekSpend: z.strictObject({ seconds: z.number(), shareOfBudget: z.number() }).nullable(),
  /**
   * The last 12 weeks up to this one: with `include=trend`, on the page, and in every closed
   * review's snapshot; null when not asked for (it is the costliest part to compute).
   */
  trend: z.array(ReviewTrendPointDto).nullable(),
  /** Its SLOs beside its own (from the incident record against another objective, from probes, from Prometheus). */
  slos: z.array(ReviewSloDto),
  /** How many changes (deploys, config changes, flag flips) were recorded for it in the week, as of `asOf`. */
  changeCount: Count,
  /** The error-budget freezes that held in the week, as they stood at `asOf` (each with its line in words). */
  freezes: z.array(FreezePeriodDto),
});
export type ReviewServiceDto = z.infer<typeof ReviewServiceDto>;

/** An incident of the week; `durationSeconds` is its time to resolve (kept under this name in closed reviews). */
export const ReviewIncidentDto = IncidentRecordDto.extend({ durationSeconds: z.number().nullable() });
export type ReviewIncidentDto = z.infer<typeof ReviewIncidentDto>;

/** An incident whose postmortem the error-budget policy required by a date now past, with none written: overdue work. */
export const ReviewPostmortemDto = z.strictObject({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  services: z.array(z.string()),
  startedAt: InstantText,
  postmortemDueAt: InstantText,
  /** Why the policy requires it (the share of a budget it cost); null when the policy gave none. */
  postmortemReason: z.string().nullable(),
});
export type ReviewPostmortemDto = z.infer<typeof ReviewPostmortemDto>;

export const ReviewRiskDto = z.strictObject({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  service: z.string().nullable(),
  level: RiskLevelDto,
  score: z.int(),
  owner: z.string(),
  budgetShare: z.number().nullable(),
  reviewDueAt: InstantText.nullable(),
});
export type ReviewRiskDto = z.infer<typeof ReviewRiskDto>;

export const ReviewHeadlineDto = z.strictObject({
  services: Count,
  met: Count,
  missed: Count,
  failed: Count,
  budgetsExhausted: Count,
  ongoingIncidents: Count,
  topIncidents: z.array(
    z.strictObject({ id: z.string(), reference: z.string().nullable(), title: z.string().nullable(), downtimeSeconds: z.number(), budgetShare: z.number(), services: Count }),
  ),
});

/** The figures of a week's review: what a closed review freezes. */
export const ReviewFiguresDto = z.strictObject({
  week: z.string(),
  /** The week's window in the organisation's zone. */
  window: z.strictObject({ label: z.string(), from: InstantText, to: InstantText, firstDay: DateText, lastDay: DateText }),
  timeZone: z.string(),
  /** When the figures were computed (a closed review's: when it was closed). */
  asOf: InstantText,
  sloAsOf: InstantText,
  headline: ReviewHeadlineDto,
  services: z.array(ReviewServiceDto),
  incidents: z.array(ReviewIncidentDto),
  actionItems: z.array(ActionItemDto),
  /** Required postmortems overdue as of `sloAsOf` (due before it, none written), whenever the incident was. */
  postmortemsOverdue: z.array(ReviewPostmortemDto),
  risks: z.strictObject({
    new: z.array(ReviewRiskDto),
    changedLevel: z.array(ReviewRiskDto.extend({ from: RiskLevelDto, to: RiskLevelDto })),
    reviewOverdue: z.array(ReviewRiskDto),
    unacceptable: z.array(ReviewRiskDto),
  }),
});
export type ReviewFiguresDto = z.infer<typeof ReviewFiguresDto>;

export const ReviewDto = ReviewFiguresDto.extend({
  state: ReviewState,
  id: z.string().nullable(),
  notes: z.string(),
  attendees: z.array(z.string()),
  closedAt: InstantText.nullable(),
  closedBy: z.string().nullable(),
  version: z.int().nullable(),
  /** A closed review's figures are its snapshot; these are what a fresh computation says differently. */
  changes: z.array(z.strictObject({ kind: z.enum(["incident", "service"]), key: z.string(), message: z.string() })),
  /** The tier the services were filtered to, or null for all. */
  tier: z.int().nullable(),
});
export type ReviewDto = z.infer<typeof ReviewDto>;

/** The counts a closed review keeps beside its snapshot, for the list of weeks. */
export const ReviewListHeadlineDto = z.strictObject({ met: Count, missed: Count, budgetsExhausted: Count });
export type ReviewListHeadlineDto = z.infer<typeof ReviewListHeadlineDto>;

export const ReviewListEntryDto = z.strictObject({
  week: z.string(),
  from: InstantText,
  to: InstantText,
  current: z.boolean(),
  state: ReviewState,
  closedAt: InstantText.nullable(),
  closedBy: z.string().nullable(),
  incidents: Count,
  headline: ReviewListHeadlineDto.nullable(),
});
export type ReviewListEntryDto = z.infer<typeof ReviewListEntryDto>;

/**
 * `GET /api/v1/reviews`: the latest weeks, the current one first, and every week with a review, a
 * page at a time; `total` counts them all.
 */
export const ReviewListDto = z.strictObject({ weeks: z.array(ReviewListEntryDto), nextCursor: z.string().nullable(), total: Count });
export type ReviewListDto = z.infer<typeof ReviewListDto>;
