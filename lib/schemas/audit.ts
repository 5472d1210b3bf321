import { z } from "zod";
import { PlainString } from "./common";

export const AuditQuery = z.strictObject({
  entityType: PlainString().max(40).optional(),
  entityId: PlainString().max(64).optional(),
  cursor: PlainString().max(64).optional(),
  limit: z.coerce.number({ error: "Must be a number" }).int().min(1).max(200).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
