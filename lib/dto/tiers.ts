// Response schemas of the tiers API and their types, shared by the server, the client hooks,
// components and the API document.
import { z } from "zod";
import { Count, InstantText, MaintenanceText } from "./common";

export const TierDto = z.strictObject({
  id: z.string(),
  rank: z.int(),
  name: z.string(),
  description: z.string(),
  sloTarget: z.number(),
  sloWindow: z.string(),
  maintenance: MaintenanceText,
  archived: z.boolean(),
  archivedAt: InstantText.nullable(),
  activeServiceCount: Count,
  version: z.int(),
  createdAt: InstantText,
  updatedAt: InstantText,
});
export type TierDto = z.infer<typeof TierDto>;

/** `GET /api/v1/tiers`: every tier (archived ones with `includeArchived`). */
export const TierListDto = z.strictObject({ tiers: z.array(TierDto) });
export type TierListDto = z.infer<typeof TierListDto>;
