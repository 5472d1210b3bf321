import { z } from "zod";
import { PlainString, QueryInt } from "./common";

export const AuditQuery = z.strictObject({
  entityType: PlainString().max(40).optional(),
  entityId: PlainString().max(64).optional(),
  /** An entity by its reference (INC-42, RISK-7, 2026-W48, a service's slug) or id. */
  entity: PlainString().max(120).optional(),
  /** Who acted, as the trail shows them: an e-mail address, "token:<name>" or "system". */
  actor: PlainString().max(320).optional(),
  cursor: PlainString().max(64).optional(),
  limit: QueryInt(1, 200).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
