// Response schemas of the datasources API: names, URLs and state; never a secret.
import { z } from "zod";
import { InstantText } from "./common";

export const DatasourceDto = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: z.literal("prometheus"),
  url: z.string(),
  auth: z.enum(["none", "bearer", "basic"]),
  /** For basic auth: the user name (the password is never shown). */
  username: z.string().nullable(),
  /** up: its last answer was good; down: its last request failed (lastError says why); unknown: not asked yet. */
  state: z.enum(["up", "down", "unknown"]),
  lastOkAt: InstantText.nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: InstantText.nullable(),
  /** SLOs that read from it. */
  sloCount: z.int(),
  version: z.int(),
  createdAt: InstantText,
  updatedAt: InstantText,
});
export type DatasourceDto = z.infer<typeof DatasourceDto>;

export const DatasourceListDto = z.strictObject({ datasources: z.array(DatasourceDto) });
export type DatasourceListDto = z.infer<typeof DatasourceListDto>;
