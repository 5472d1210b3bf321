import { z } from "zod";
import { Name, TimeZone, Version } from "./common";
import { RiskCadenceUpdate } from "./risk";

export const SettingsUpdate = z.strictObject({
  timeZone: TimeZone.optional(),
  name: Name.optional(),
  riskThreshold: z
    .number({ error: "Must be a number between 0 and 1" })
    .gt(0, { error: "Must be above 0" })
    .max(1, { error: "Must be at most 1" })
    .optional(),
  /** Days between reviews per level; the levels not given keep theirs. */
  riskReviewCadence: RiskCadenceUpdate.partial().optional(),
  /** Serve /metrics without a token. */
  metricsPublic: z.boolean({ error: "Must be true or false" }).optional(),
  /** Days of probe runs kept; older runs are deleted. */
  probeRetentionDays: z.number({ error: "Must be a number of days" }).int({ error: "Must be whole days" }).min(1, { error: "Must be at least 1 day" }).max(3660, { error: "Must be at most 3660 days" }).optional(),
  // Required: an edit without the version it was based on would silently overwrite another.
  version: Version,
});
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;
