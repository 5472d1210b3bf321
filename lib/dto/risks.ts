// Response types of the risks API, shared by the server, the client hooks and components.
import type { Calibration } from "@/lib/domain/risk-calibration";
import type { Consequence, Likelihood, RiskLevel } from "@/lib/domain/risk-matrix";
import type { RiskStatus, RiskTreatment } from "@/lib/domain/risk-rules";
import type { ActionItemDto } from "./action-items";

export type ScoredAssessmentDto = { likelihood: Likelihood; consequence: Consequence; score: number; level: RiskLevel };

export type RiskQuantitativeDto = {
  occurrencesPerYear: number | null;
  badMinutesPerYear: number | null;
  yearlyBudgetMinutes: number | null;
  /** A ratio: 0.476 = 47.6 % of the service's yearly budget. */
  budgetShare: number | null;
  unacceptable: boolean | null;
};

export type RiskDto = {
  id: string;
  number: number;
  /** RISK-<number>. */
  reference: string;
  title: string;
  description: string;
  cause: string;
  event: string;
  consequence: string;
  service: { slug: string; name: string; sloTarget: number } | null;
  owner: string;
  identifiedAt: string;
  inherent: ScoredAssessmentDto;
  current: ScoredAssessmentDto;
  target: ScoredAssessmentDto;
  treatment: RiskTreatment;
  acceptedBy: string | null;
  acceptedUntil: string | null;
  monitoringDetects: boolean | null;
  mitigationPlan: string;
  status: RiskStatus;
  lastReviewedAt: string | null;
  reviewDueAt: string | null;
  reviewOverdue: boolean;
  ettdMinutes: number | null;
  ettrMinutes: number | null;
  ettfDays: number | null;
  impactFraction: number | null;
  quantitative: RiskQuantitativeDto;
  /** Why the matrix rank and the bad-minutes rank disagree, or null. */
  rankDisagreement: string | null;
  incidentCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type RealisedIncidentDto = { id: string; reference: string; title: string; severity: string; startedAt: string; resolvedAt: string | null };

export type RiskReviewDto = { at: string; by: string; note: string; level: RiskLevel | null };

export type RiskDetailDto = RiskDto & {
  incidents: RealisedIncidentDto[];
  actionItems: ActionItemDto[];
  reviews: RiskReviewDto[];
  calibration: Calibration;
};

export type HeatMapCellDto = { likelihood: Likelihood; consequence: Consequence; score: number; level: RiskLevel; count: number };

export type RiskMatrixDto = {
  assessment: "inherent" | "current" | "target";
  cells: HeatMapCellDto[];
  levels: Record<RiskLevel, number>;
  total: number;
};

export type ServiceRiskBudgetDto = {
  yearlyBudgetMinutes: number;
  acceptedBadMinutes: number;
  unallocatedMinutes: number;
  acceptedRisks: number;
  /** Accepted risks without the estimates the figure needs: left out of the sum. */
  withoutEstimates: number;
};
