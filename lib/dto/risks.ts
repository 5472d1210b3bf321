// Response schemas of the risks API and their types, shared by the server, the client hooks,
// components and the API document.
import { z } from "zod";
import { SEVERITIES } from "@/lib/domain/incident-lifecycle";
import type { Calibration } from "@/lib/domain/risk-calibration";
import { CONSEQUENCES, LIKELIHOODS, RISK_ASSESSMENTS, RISK_LEVELS } from "@/lib/domain/risk-matrix";
import { RISK_STATUSES, RISK_TREATMENTS } from "@/lib/domain/risk-rules";
import { ActionItemDto } from "./action-items";
import { assertSameType, Count, InstantText, NextCursor, Total } from "./common";

export const RiskLevelDto = z.enum(RISK_LEVELS);
const Likelihood = z.enum(LIKELIHOODS);
const Consequence = z.literal(CONSEQUENCES);

export const ScoredAssessmentDto = z.strictObject({ likelihood: Likelihood, consequence: Consequence, score: z.int(), level: RiskLevelDto });
export type ScoredAssessmentDto = z.infer<typeof ScoredAssessmentDto>;

export const RiskQuantitativeDto = z.strictObject({
  occurrencesPerYear: z.number().nullable(),
  badMinutesPerYear: z.number().nullable(),
  yearlyBudgetMinutes: z.number().nullable(),
  /** A ratio: 0.476 = 47.6 % of the service's yearly budget. */
  budgetShare: z.number().nullable(),
  unacceptable: z.boolean().nullable(),
});
export type RiskQuantitativeDto = z.infer<typeof RiskQuantitativeDto>;

export const RiskDto = z.strictObject({
  id: z.string(),
  number: z.int(),
  /** RISK-<number>. */
  reference: z.string(),
  title: z.string(),
  description: z.string(),
  cause: z.string(),
  event: z.string(),
  consequence: z.string(),
  service: z.strictObject({ slug: z.string(), name: z.string(), sloTarget: z.number() }).nullable(),
  owner: z.string(),
  identifiedAt: InstantText,
  inherent: ScoredAssessmentDto,
  current: ScoredAssessmentDto,
  target: ScoredAssessmentDto,
  treatment: z.enum(RISK_TREATMENTS),
  acceptedBy: z.string().nullable(),
  acceptedUntil: InstantText.nullable(),
  monitoringDetects: z.boolean().nullable(),
  mitigationPlan: z.string(),
  status: z.enum(RISK_STATUSES),
  lastReviewedAt: InstantText.nullable(),
  reviewDueAt: InstantText.nullable(),
  reviewOverdue: z.boolean(),
  ettdMinutes: z.number().nullable(),
  ettrMinutes: z.number().nullable(),
  ettfDays: z.number().nullable(),
  impactFraction: z.number().nullable(),
  quantitative: RiskQuantitativeDto,
  /** Why the matrix rank and the bad-minutes rank disagree, or null. */
  rankDisagreement: z.string().nullable(),
  incidentCount: Count,
  version: z.int(),
  createdAt: InstantText,
  updatedAt: InstantText,
});
export type RiskDto = z.infer<typeof RiskDto>;

/** `GET /api/v1/risks`: one page, in the asked order, and how many match. */
export const RiskListDto = z.strictObject({ risks: z.array(RiskDto), nextCursor: NextCursor, total: Total });
export type RiskListDto = z.infer<typeof RiskListDto>;

export const RealisedIncidentDto = z.strictObject({ id: z.string(), reference: z.string(), title: z.string(), severity: z.enum(SEVERITIES), startedAt: InstantText, resolvedAt: InstantText.nullable() });
export type RealisedIncidentDto = z.infer<typeof RealisedIncidentDto>;

export const RiskReviewDto = z.strictObject({ at: InstantText, by: z.string(), note: z.string(), level: RiskLevelDto.nullable() });
export type RiskReviewDto = z.infer<typeof RiskReviewDto>;

const ObservedFigure = z.strictObject({ observed: z.number().nullable(), count: Count });
/** The estimates beside what the realising incidents show (lib/domain/risk-calibration.ts). */
export const CalibrationDto = z.strictObject({
  incidents: Count,
  ettdMinutes: ObservedFigure,
  ettrMinutes: ObservedFigure,
  ettfDays: ObservedFigure,
  impactFraction: ObservedFigure,
  badMinutesPerYear: z.number().nullable(),
});
assertSameType<z.infer<typeof CalibrationDto>, Calibration>(true);

export const RiskDetailDto = RiskDto.extend({
  incidents: z.array(RealisedIncidentDto),
  actionItems: z.array(ActionItemDto),
  /** The latest 100 reviews, newest first; `reviewsTotal` counts them all. */
  reviews: z.array(RiskReviewDto),
  reviewsTotal: Count,
  calibration: CalibrationDto,
});
export type RiskDetailDto = z.infer<typeof RiskDetailDto>;

export const HeatMapCellDto = z.strictObject({ likelihood: Likelihood, consequence: Consequence, score: z.int(), level: RiskLevelDto, count: Count });
export type HeatMapCellDto = z.infer<typeof HeatMapCellDto>;

export const RiskMatrixDto = z.strictObject({
  assessment: z.enum(RISK_ASSESSMENTS),
  cells: z.array(HeatMapCellDto),
  levels: z.strictObject({ LOW: Count, MEDIUM: Count, HIGH: Count, CRITICAL: Count }),
  total: Count,
});
export type RiskMatrixDto = z.infer<typeof RiskMatrixDto>;

/** A risk deleted: its id and reference. */
export const RiskDeletedDto = z.strictObject({ deleted: z.literal(true), id: z.string(), reference: z.string() });
export type RiskDeletedDto = z.infer<typeof RiskDeletedDto>;

/** A service's accepted risks against its yearly budget (the service page). */
export const ServiceRiskBudgetDto = z.strictObject({
  yearlyBudgetMinutes: z.number(),
  acceptedBadMinutes: z.number(),
  unallocatedMinutes: z.number(),
  acceptedRisks: Count,
  /** Accepted risks without the estimates the figure needs: left out of the sum. */
  withoutEstimates: Count,
});
export type ServiceRiskBudgetDto = z.infer<typeof ServiceRiskBudgetDto>;
