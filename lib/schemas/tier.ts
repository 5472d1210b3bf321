import { z } from "zod";
import { MaintenanceRule, Name, SloTarget, SloWindow, Text, Version } from "./common";

export const TierRank = z
  .number({ error: "Must be a whole number from 1 (most critical)" })
  .int({ error: "Must be a whole number" })
  .min(1, { error: "Must be at least 1" })
  .max(99, { error: "Must be at most 99" });

export const TierInput = z.strictObject({
  rank: TierRank,
  name: Name,
  description: Text(2000).optional(),
  sloTarget: SloTarget,
  sloWindow: SloWindow.optional(),
  maintenance: MaintenanceRule.optional(),
});
export type TierInput = z.infer<typeof TierInput>;

export const TierUpdate = TierInput.partial().extend({
  version: Version.optional(),
  archived: z.boolean({ error: "Must be true or false" }).optional(),
});
export type TierUpdate = z.infer<typeof TierUpdate>;
