import { z } from "zod";

export const AuditQuery = z.strictObject({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number({ error: "Must be a number" }).int().min(1).max(200).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
