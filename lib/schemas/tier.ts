import { z } from "zod";
import { BooleanFlag, MaintenanceRule, Name, SloTarget, SloWindow, Text, Version } from "./common";

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
  // Required: an edit without the version it was based on would silently overwrite another.
  version: Version,
  archived: z.boolean({ error: "Must be true or false" }).optional(),
});
export type TierUpdate = z.infer<typeof TierUpdate>;

export const TierListQuery = z.strictObject({ includeArchived: BooleanFlag.optional() });
export type TierListQuery = z.infer<typeof TierListQuery>;

// The default tiers of a new database, editable afterwards (docs/domain.md "Services, tiers and SLOs").
export const DEFAULT_TIERS = [
  { rank: 1, name: "Critical", sloTarget: 0.9999, description: "Revenue or safety depends on it, e.g. checkout" },
  { rank: 2, name: "Important", sloTarget: 0.999, description: "Users notice at once, e.g. the product catalog" },
  { rank: 3, name: "Standard", sloTarget: 0.995, description: "Degradation is tolerable for a while, e.g. user reviews" },
  { rank: 4, name: "Internal", sloTarget: 0.99, description: "Used by staff only" },
] as const;
