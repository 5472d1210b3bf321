// Response schemas of the period reports API and their types, shared by the server, the page and
// the API document. A published report's figures are stored as they were shown (lib/schemas/stored.ts
// reads them back with ReportFiguresDto).
import { z } from "zod";
import type { MttxFigures } from "@/lib/domain/incident-metrics";
import { ActionItemDto } from "./action-items";
import { AvailabilitySummaryDto, ServiceFailureDto } from "./availability";
import { IncidentRecordDto } from "./incident-record";
import { FreezeFields, FreezeServiceRef } from "./freezes";
import { assertSameType, Count, DateText, InstantText } from "./common";
import { RiskLevelDto } from "./risks";

const DurationStats = z.strictObject({ count: Count, excluded: Count, meanSeconds: z.number().nullable(), medianSeconds: z.number().nullable(), p90Seconds: z.number().nullable() });
const Spend = z.strictObject({ seconds: z.number(), shareOfBudget: z.number() }).nullable();

/** One of a service's other SLOs over the period, in its own unit (as GET /slos/availability?window=<period> gives it). */
export const ReportSloDto = z.strictObject({
  id: z.string(),
  name: z.string(),
  unit: z.enum(["seconds", "events", "slices"]),
  target: z.number(),
  /** The SLO's own window (its budget is figured over the period here). */
  window: z.string(),
  sli: z.number().nullable(),
  metTarget: z.boolean().nullable(),
  unknownSeconds: z.number(),
  /** Over the period, in the SLO's unit; null: no data. */
  errorBudget: z.strictObject({ allowed: z.number(), consumed: z.number(), remaining: z.number(), remainingRatio: z.number(), overspent: z.boolean() }).nullable(),
  /** consumed / allowed: the share of the period's budget spent; null: no budget (no data). */
  spentShare: z.number().nullable(),
});
export type ReportSloDto = z.infer<typeof ReportSloDto>;

export const ReportServiceDto = z.strictObject({
  slug: z.string(),
  name: z.string(),
  tier: z.strictObject({ rank: z.int(), name: z.string() }),
  /** The availability API's entry for `window=<period>` as of the report's `asOf`. */
  period: z.union([AvailabilitySummaryDto, ServiceFailureDto]),
  /** The period's counted downtime as a share of the period's own budget; null: no budget (no data). */
  spent: Spend,
  slos: z.array(ReportSloDto),
});
export type ReportServiceDto = z.infer<typeof ReportServiceDto>;

/** What an incident cost a service it hit: over its own span, and inside the period against the period's budget. */
const ReportIncidentCost = z.strictObject({
  service: z.string(),
  downtimeSeconds: z.number(),
  /** null: the service is outside the report's scope. */
  periodDowntimeSeconds: z.number().nullable(),
  periodBudgetShare: z.number().nullable(),
});

/** An incident of the period (as the review lists one) with its time to acknowledge and its cost per service. */
export const ReportIncidentDto = IncidentRecordDto.extend({
  ttaSeconds: z.number().nullable(),
  costs: z.array(ReportIncidentCost),
});
export type ReportIncidentDto = z.infer<typeof ReportIncidentDto>;

/** Mean times of the unplanned incidents that started in one sub-period (lib/domain/incident-metrics.ts computeMttx). */
export const ReportMttxDto = z.strictObject({ label: z.string(), from: InstantText, to: InstantText, incidentCount: Count, mttd: DurationStats, mtta: DurationStats, mttm: DurationStats, mttr: DurationStats });
export type ReportMttxDto = z.infer<typeof ReportMttxDto>;
assertSameType<Omit<ReportMttxDto, "label" | "from" | "to">, MttxFigures>(true);

/** A freeze of a service's changes that overlapped the period, as the error-budget evaluator stored it. */
export const ReportFreezeDto = FreezeFields.extend({ service: FreezeServiceRef });
export type ReportFreezeDto = z.infer<typeof ReportFreezeDto>;

/** A risk an incident of the period realised (linked by RiskIncident). */
export const ReportRiskDto = z.strictObject({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  service: z.string().nullable(),
  level: RiskLevelDto,
  score: z.number(),
  incidents: z.array(z.string()),
});
export type ReportRiskDto = z.infer<typeof ReportRiskDto>;

const ScopeDto = z.strictObject({
  kind: z.enum(["org", "tier", "service"]),
  /** The tier's or service's id; null for the organisation. */
  id: z.string().nullable(),
  /** The tier's rank as text, or the service's slug; null for the organisation. */
  reference: z.string().nullable(),
  name: z.string(),
});

/** Every figure of a period report, as of `asOf`: what is stored when it is published. */
export const ReportFiguresDto = z.strictObject({
  period: z.string(),
  kind: z.enum(["month", "quarter", "year"]),
  name: z.string(),
  scope: ScopeDto,
  window: z.strictObject({ label: z.string(), from: InstantText, to: InstantText, firstDay: DateText, lastDay: DateText }),
  timeZone: z.string(),
  asOf: InstantText,
  /** The period had ended at asOf: its figures are final. */
  complete: z.boolean(),
  headline: z.strictObject({
    services: Count,
    met: Count,
    missed: Count,
    /** Services whose figures could not be computed. */
    failed: Count,
    incidents: Count,
    freezes: Count,
    risksRealised: Count,
    actionItemsClosed: Count,
  }),
  services: z.array(ReportServiceDto),
  incidents: z.array(ReportIncidentDto),
  mttx: z.strictObject({ unit: z.enum(["week", "month"]), entries: z.array(ReportMttxDto) }),
  freezes: z.array(ReportFreezeDto),
  risksRealised: z.array(ReportRiskDto),
  actionItemsClosed: z.array(ActionItemDto),
});
export type ReportFiguresDto = z.infer<typeof ReportFiguresDto>;

/** `GET /api/v1/reports/{period}`: the figures, live or as published (then `published` says when and by whom). */
export const ReportDto = ReportFiguresDto.extend({
  published: z.strictObject({ id: z.string(), publishedAt: InstantText, publishedBy: z.string(), snapshotAsOf: InstantText }).nullable(),
});
export type ReportDto = z.infer<typeof ReportDto>;

/** `POST /api/v1/reports/{period}/unpublish`: the row is gone; the figures are live again. */
export const ReportUnpublishedDto = z.strictObject({ unpublished: z.literal(true), period: z.string(), scope: ScopeDto });
export type ReportUnpublishedDto = z.infer<typeof ReportUnpublishedDto>;
