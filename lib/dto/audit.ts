// Response types of the audit trail API, shared by the server, the client hooks and components.

export type AuditEventDto = {
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

/** Who made the latest change to an entity, and when: what a stale edit is told. */
export type LastChange = { version: number; changedBy: string; changedAt: string };
