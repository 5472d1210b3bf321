// Response schemas of the audit trail API and their types, shared by the server, the client hooks,
// components and the API document.
import { z } from "zod";
import { InstantText, NextCursor, Total } from "./common";

/** An audit event's before and after: the entity as it was written then, any JSON (null when none). */
const AnyJson = z.unknown().meta({ description: "The entity as it was then: any JSON, or null" });

/**
 * The entity an event is about, named as people name it: its reference (INC-42, RISK-7, a
 * service's slug, a review's week, "Tier 2", a user's e-mail) as it is now (as the event recorded
 * it, once deleted), and its title or name as the event recorded it; null where it has none.
 */
export const AuditEntityDto = z.strictObject({ id: z.string(), reference: z.string().nullable(), title: z.string().nullable() });
export type AuditEntityDto = z.infer<typeof AuditEntityDto>;

export const AuditEventDto = z.strictObject({
  id: z.string(),
  at: InstantText,
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  entity: AuditEntityDto,
  before: AnyJson,
  after: AnyJson,
});
export type AuditEventDto = z.infer<typeof AuditEventDto>;

/** `GET /api/v1/audit`: one page, newest first, and how many match. */
export const AuditListDto = z.strictObject({ events: z.array(AuditEventDto), nextCursor: NextCursor, total: Total });
export type AuditListDto = z.infer<typeof AuditListDto>;

/** Who made the latest change to an entity, and when: what a stale edit is told (the 409's `current`). */
export const LastChange = z.strictObject({ version: z.int(), changedBy: z.string(), changedAt: InstantText });
export type LastChange = z.infer<typeof LastChange>;
