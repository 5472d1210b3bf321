// The overview page's model: every active service in its SLO window, counted by state, one page
// of rows with their trend. Shared by the server that builds it and the components that show it.
import { z } from "zod";
import { SERVICE_STATES } from "@/lib/domain/burn-state";
import { AvailabilitySummaryDto, SeriesEntryDto, ServiceFailureDto } from "./availability";
import { Count, InstantText } from "./common";

/** A service's most pressing state (lib/domain/burn-state.ts), or "failed" when it could not be computed. */
export const OverviewState = z.enum([...SERVICE_STATES, "failed"]);
export type OverviewState = z.infer<typeof OverviewState>;

export { OVERVIEW_SORTS, PER_PAGE_OPTIONS, type OverviewSort } from "./overview-options";

export const OverviewRow = z.strictObject({
  summary: z.union([AvailabilitySummaryDto, ServiceFailureDto]),
  state: OverviewState,
  /** The ongoing incidents hitting the service that started last (a few of `ongoingTotal`). */
  ongoing: z.array(z.strictObject({ reference: z.string(), title: z.string(), severity: z.string() })),
  /** How many incidents hitting the service are ongoing. */
  ongoingTotal: Count,
  /** The last 26 weeks, oldest first; null when it could not be computed. */
  trend: z.array(SeriesEntryDto).nullable(),
  /** Its SLOs beside its own: how many, and the most pressing of them over its own window (null: none, or none measured yet). */
  otherSlos: z.strictObject({
    total: Count,
    worst: z.strictObject({ id: z.string(), name: z.string(), sli: z.number().nullable(), remainingRatio: z.number().nullable(), burnState: z.enum(["fast_burn", "slow_burn", "ok"]).nullable(), unit: z.enum(["seconds", "events", "slices"]) }).nullable(),
  }),
});
export type OverviewRow = z.infer<typeof OverviewRow>;

export const OverviewDto = z.strictObject({
  asOf: InstantText,
  /** How old the figures are: they are computed once per few seconds for everyone (lib/server/figure-cache.ts). */
  ageSeconds: z.number().int().nonnegative(),
  /** Services per state, over the whole filtered fleet (not only this page). */
  counts: z.record(OverviewState, Count),
  total: Count,
  rows: z.array(OverviewRow),
  page: z.int(),
  pages: z.int(),
  perPage: z.int(),
});
export type OverviewDto = z.infer<typeof OverviewDto>;
