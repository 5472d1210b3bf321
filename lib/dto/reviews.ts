// Response types of the reviews API, shared by the server, the client hooks and components.
import type { ActionItemDto } from "./action-items";
import type { AvailabilitySummaryDto, ServiceFailureDto } from "./availability";
import type { RiskLevel } from "@/lib/domain/risk-matrix";

export type ReviewTrendPointDto = { label: string; availability: number; unavailability: number; metTarget: boolean };

export type ReviewServiceDto = {
  slug: string;
  name: string;
  tier: { rank: number; name: string };
  /** The availability API's entry for `window=week:<week>` as of the review's `asOf`. */
  week: AvailabilitySummaryDto | ServiceFailureDto;
  /** The availability API's entry for the service's SLO window as of `sloAsOf`. */
  sloWindow: AvailabilitySummaryDto | ServiceFailureDto;
  /** The week's counted downtime: what the week spent of the SLO window's budget. */
  weekSpend: { seconds: number; shareOfBudget: number } | null;
  /** The last 12 weeks up to this one: with `include=trend`, on the page, and in every closed review's snapshot. */
  trend?: ReviewTrendPointDto[];
};

export type ReviewIncidentDto = {
  id: string;
  reference: string;
  title: string;
  severity: string;
  kind: string;
  status: string;
  services: string[];
  startedAt: string;
  resolvedAt: string | null;
  durationSeconds: number | null;
  ttdSeconds: number | null;
  ttrSeconds: number | null;
  postmortemWritten: boolean;
};

export type ReviewRiskDto = { id: string; reference: string; title: string; service: string | null; level: RiskLevel; score: number; owner: string; budgetShare: number | null; reviewDueAt: string | null };

export type ReviewFiguresDto = {
  week: string;
  /** The week's window in the organisation's zone. */
  window: { label: string; from: string; to: string; firstDay: string; lastDay: string };
  timeZone: string;
  /** When the figures were computed (a closed review's: when it was closed). */
  asOf: string;
  sloAsOf: string;
  headline: {
    services: number;
    met: number;
    missed: number;
    failed: number;
    budgetsExhausted: number;
    ongoingIncidents: number;
    topIncidents: { id: string; reference: string | null; title: string | null; downtimeSeconds: number; budgetShare: number; services: number }[];
  };
  services: ReviewServiceDto[];
  incidents: ReviewIncidentDto[];
  actionItems: ActionItemDto[];
  risks: { new: ReviewRiskDto[]; changedLevel: (ReviewRiskDto & { from: RiskLevel; to: RiskLevel })[]; reviewOverdue: ReviewRiskDto[]; unacceptable: ReviewRiskDto[] };
};

export type ReviewDto = ReviewFiguresDto & {
  state: "not_started" | "open" | "closed";
  id: string | null;
  notes: string;
  attendees: string[];
  closedAt: string | null;
  closedBy: string | null;
  version: number | null;
  /** A closed review's figures are its snapshot; these are what a fresh computation says differently. */
  changes: { kind: "incident" | "service"; key: string; message: string }[];
  /** The tier the services were filtered to, or null for all. */
  tier: number | null;
};

export type ReviewListEntryDto = {
  week: string;
  from: string;
  to: string;
  current: boolean;
  state: "not_started" | "open" | "closed";
  closedAt: string | null;
  closedBy: string | null;
  incidents: number;
  headline: { met: number; missed: number; budgetsExhausted: number } | null;
};
