import "server-only";
import { lastChange } from "./audit";
import type { Tx } from "./db";
import { ConflictError, NotFoundError } from "./errors";

/** What a versioned edit needs to know about the record it changes. */
export type Versioned = {
  /** What it is, as the 409 says "This incident was changed by …": "incident", "setting". */
  entity: string;
  /** Its changes in the audit trail, where the 409 finds who made the newer one. */
  audit: { entityType: string; entityId: string };
  /** The version stored now: read again when the conditional write matched nothing. */
  storedVersion: () => Promise<number | null>;
};

export type VersionedEdit = {
  /**
   * The write, once the edit is validated: it must update the row only `where` its version is
   * still the one read, and increment it. Matching nothing means another write committed in
   * between: a 409 like a stale version (or a 404 when the row was deleted meanwhile).
   */
  write(update: (where: { version: number }) => Promise<{ count: number }>): Promise<void>;
};

/**
 * Every PATCH, in one place (decision 0007). `read` is the version this transaction read,
 * `expected` the one the edit was based on (undefined only for internal actions that act on the
 * latest state, such as archiving). A stale edit is refused first, before its fields are checked
 * against a record it was not based on; the 409 says which version is there now, who made it and
 * when, from the audit trail.
 */
export async function versionedEdit(tx: Tx, target: Versioned, read: number, expected: number | undefined): Promise<VersionedEdit> {
  if (expected !== undefined && expected !== read) throw await staleEdit(tx, target, read);
  return {
    async write(update) {
      const { count } = await update({ version: read });
      if (count > 0) return;
      const stored = await target.storedVersion();
      if (stored === null) throw new NotFoundError(target.entity.replace(/^./, (c) => c.toUpperCase()));
      throw await staleEdit(tx, target, stored);
    },
  };
}

async function staleEdit(tx: Tx, target: Versioned, version: number): Promise<ConflictError> {
  return ConflictError.staleVersion(target.entity, await lastChange(tx, target.audit.entityType, target.audit.entityId, version));
}
