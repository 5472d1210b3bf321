import { z } from "zod";
import { PlainString, QueryInt } from "./common";

export const AuditQuery = z.strictObject({
  entityType: PlainString().max(40).optional(),
  entityId: PlainString().max(64).optional(),
  cursor: PlainString().max(64).optional(),
  limit: QueryInt(1, 200).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
