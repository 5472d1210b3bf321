// Response schemas of the services API and their types, shared by the server, the client hooks,
// components and the API document.
import { z } from "zod";
import { InstantText, MaintenanceText } from "./common";

export const ServiceDto = z.strictObject({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  owner: z.string(),
  /** The tier, with the defaults the service inherits from it (what the service page shows). */
  tier: z.strictObject({ id: z.string(), rank: z.int(), name: z.string(), sloTarget: z.number(), sloWindow: z.string(), maintenance: MaintenanceText }),
  /** Effective SLO: the service's override, else its tier's default. */
  sloTarget: z.number(),
  sloWindow: z.string(),
  maintenance: MaintenanceText,
  /** What the service sets itself; null = inherited from the tier. */
  overrides: z.strictObject({ sloTarget: z.number().nullable(), sloWindow: z.string().nullable(), maintenance: MaintenanceText.nullable() }),
  dependsOn: z.array(z.string()),
  dependedOnBy: z.array(z.string()),
  /** Its incident record counts from this instant on: figures before it are no data. */
  measuredSince: InstantText,
  archived: z.boolean(),
  archivedAt: InstantText.nullable(),
  version: z.int(),
  createdAt: InstantText,
  updatedAt: InstantText,
});
export type ServiceDto = z.infer<typeof ServiceDto>;

/** `GET /api/v1/services`: every service matching the filters (not paged: a fleet is read whole). */
export const ServiceListDto = z.strictObject({ services: z.array(ServiceDto) });
export type ServiceListDto = z.infer<typeof ServiceListDto>;

/** What pickers need of every active service: a thousand of them in two small reads. */
export const ServiceOption = z.strictObject({ slug: z.string(), name: z.string(), tier: z.int(), dependedOnBy: z.array(z.string()) });
export type ServiceOption = z.infer<typeof ServiceOption>;
