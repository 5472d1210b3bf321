import { z } from "zod";
import {
  BooleanFlag,
  Instant,
  MaintenanceRule,
  Name,
  Slug,
  SloTarget,
  SloWindow,
  PlainString,
  Text,
  TierFilter,
  Version,
} from "./common";

/** A tier by rank (a number) or by id (a string). */
export const TierRef = z.union([
  z.number().int({ error: "A tier rank is a whole number" }).positive(),
  PlainString().trim().min(1, { error: "Required" }),
], { error: "Must be a tier rank (number) or tier id (string)" });

const DependsOn = z
  .array(Slug, { error: "Must be a list of service slugs" })
  .max(200, { error: "At most 200 dependencies" });

// null on an override means "inherit the tier's default again".
export const ServiceInput = z.strictObject({
  slug: Slug,
  name: Name,
  tier: TierRef,
  sloTarget: SloTarget.nullish(),
  sloWindow: SloWindow.nullish(),
  maintenance: MaintenanceRule.nullish(),
  owner: Text(120).optional(),
  description: Text(2000).optional(),
  dependsOn: DependsOn.optional(),
  /**
   * The instant from which its incident record counts (docs/domain.md "Measured since"); default
   * its creation. Set it earlier to log history from before the service was added to Nines.
   */
  measuredSince: Instant.optional(),
});
export type ServiceInput = z.infer<typeof ServiceInput>;

export const ServiceUpdate = ServiceInput.partial().extend({
  // Required: an edit without the version it was based on would silently overwrite another.
  version: Version,
  archived: z.boolean({ error: "Must be true or false" }).optional(),
});
export type ServiceUpdate = z.infer<typeof ServiceUpdate>;

export const ServiceListQuery = z.strictObject({
  tier: TierFilter.optional(),
  archived: BooleanFlag.optional(),
  q: PlainString().max(120).optional(),
  format: z.enum(["json", "csv"], { error: "Must be json or csv" }).optional(),
});
export type ServiceListQuery = z.infer<typeof ServiceListQuery>;
