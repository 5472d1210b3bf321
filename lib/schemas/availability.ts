import { z } from "zod";
import { parseWindowLabel } from "@/lib/domain/windows";
import { Instant, QueryInt, TierFilter } from "./common";

/** `day:2026-04-03`, `week:2026-W14`, `month:2026-04`, `quarter:2026-Q2`, `year:2026`, `rolling:30d`, `range:<a>/<b>`. */
export const WindowLabel = z
  .string()
  .trim()
  .superRefine((label, ctx) => {
    const parsed = parseWindowLabel(label);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.reason });
  });

export const AvailabilityQuery = z.strictObject({
  window: WindowLabel.optional(),
  asOf: Instant.optional(),
});
export type AvailabilityQuery = z.infer<typeof AvailabilityQuery>;

/** Incidents named per service in the all-services summary, most downtime first. */
export const FLEET_INCIDENTS_DEFAULT = 3;
export const FLEET_INCIDENTS_MAX = 50;

export const AvailabilityListQuery = AvailabilityQuery.extend({
  tier: TierFilter.optional(),
  // The review table shows each service's top contributors; the full list is one service's view.
  incidents: QueryInt(0, FLEET_INCIDENTS_MAX).default(FLEET_INCIDENTS_DEFAULT),
});
export type AvailabilityListQuery = z.infer<typeof AvailabilityListQuery>;

export const MAX_SERIES_BUCKETS = 400;

export const SeriesQuery = z
  .strictObject({
    bucket: z.enum(["day", "week", "month"], { error: "Must be day, week or month" }),
    count: QueryInt(1, MAX_SERIES_BUCKETS).optional(),
    from: Instant.optional(),
    to: Instant.optional(),
    asOf: Instant.optional(),
    tier: TierFilter.optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.from === undefined) !== (q.to === undefined)) {
      ctx.addIssue({ code: "custom", path: [q.from ? "to" : "from"], message: "Give both from and to, or neither" });
    }
    if (q.from && q.to && q.to <= q.from) ctx.addIssue({ code: "custom", path: ["to"], message: "Must be after from" });
    if (q.from && q.count !== undefined) ctx.addIssue({ code: "custom", path: ["count"], message: "Give count or from/to, not both" });
  });
export type SeriesQuery = z.infer<typeof SeriesQuery>;
