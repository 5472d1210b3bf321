// Response of POST /api/v1/openslo: what the documents change (or changed), and every error.
import { z } from "zod";

export const OPENSLO_FIELDS = ["name", "description", "sloTarget", "sloWindow", "maintenance"] as const;

export const OpenSloChangeDto = z.strictObject({ service: z.string(), field: z.enum(OPENSLO_FIELDS), from: z.union([z.string(), z.number()]), to: z.union([z.string(), z.number()]) });
export type OpenSloChangeDto = z.infer<typeof OpenSloChangeDto>;

/** A service the documents name that does not exist yet (with ?createServices=true); an objective field is null where it inherits its tier's. */
export const OpenSloCreateDto = z.strictObject({
  service: z.string(),
  name: z.string(),
  description: z.string(),
  tier: z.int(),
  sloTarget: z.number().nullable(),
  sloWindow: z.string().nullable(),
  maintenance: z.enum(["count", "exclude"]).nullable(),
});

export const OpenSloPlanDto = z.strictObject({
  dryRun: z.boolean(),
  /** The changes were written (all of them, in one transaction). */
  applied: z.boolean(),
  changes: z.array(OpenSloChangeDto),
  creates: z.array(OpenSloCreateDto),
  /** By document (1 = the first in the file) and field. */
  errors: z.array(z.strictObject({ document: z.int(), path: z.string(), message: z.string() })),
});
export type OpenSloPlanDto = z.infer<typeof OpenSloPlanDto>;
