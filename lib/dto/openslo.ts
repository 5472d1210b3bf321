// Response of POST /api/v1/openslo: what the documents change (or changed), and every error.
import { z } from "zod";
import { BudgetingDto, SliDto } from "./slos";

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

/** A change to an SLO other than the service's own (whose changes are the service's fields above). */
export const OpenSloSloChangeDto = z.strictObject({
  service: z.string(),
  slo: z.string(),
  field: z.enum(["description", "target", "window", "maintenance", "budgeting"]),
  from: z.union([z.string(), z.number(), BudgetingDto]),
  to: z.union([z.string(), z.number(), BudgetingDto]),
});

/** An SLO the documents add; target, window and maintenance null where the tier's default is the same. */
export const OpenSloSloCreateDto = z.strictObject({
  service: z.string(),
  name: z.string(),
  description: z.string(),
  sli: SliDto,
  budgeting: BudgetingDto,
  target: z.number().nullable(),
  window: z.string().nullable(),
  maintenance: z.enum(["count", "exclude"]).nullable(),
});

export const OpenSloPlanDto = z.strictObject({
  dryRun: z.boolean(),
  /** The changes were written (all of them, in one transaction). */
  applied: z.boolean(),
  changes: z.array(OpenSloChangeDto),
  creates: z.array(OpenSloCreateDto),
  sloChanges: z.array(OpenSloSloChangeDto),
  sloCreates: z.array(OpenSloSloCreateDto),
  /** By document (1 = the first in the file) and field. */
  errors: z.array(z.strictObject({ document: z.int(), path: z.string(), message: z.string() })),
});
export type OpenSloPlanDto = z.infer<typeof OpenSloPlanDto>;
