// The overview page's model: every active service in its SLO window, counted by state, one page
// of rows with their trend. Shared by the server that builds it and the components that show it.
import type { ServiceState } from "@/lib/domain/burn-state";
import type { AvailabilitySummaryDto, SeriesEntryDto, ServiceFailureDto } from "./availability";

/** A service's most pressing state (lib/domain/burn-state.ts), or "failed" when it could not be computed. */
export type OverviewState = ServiceState | "failed";

export const OVERVIEW_SORTS = ["budget", "availability", "burn", "name"] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

/** Rows per page of the overview. */
export const PER_PAGE_OPTIONS = ["25", "50", "100", "250"] as const;

export type OverviewRow = {
  summary: AvailabilitySummaryDto | ServiceFailureDto;
  state: OverviewState;
  /** The ongoing incidents hitting the service that started last (a few of `ongoingTotal`). */
  ongoing: { reference: string; title: string; severity: string }[];
  /** How many incidents hitting the service are ongoing. */
  ongoingTotal: number;
  /** The last 26 weeks, oldest first; null when it could not be computed. */
  trend: SeriesEntryDto[] | null;
};

export type OverviewDto = {
  asOf: string;
  /** Services per state, over the whole filtered fleet (not only this page). */
  counts: Record<OverviewState, number>;
  total: number;
  rows: OverviewRow[];
  page: number;
  pages: number;
  perPage: number;
};
