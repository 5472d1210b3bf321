import "server-only";
import type { NotificationEvent } from "@/lib/domain/notification-message";
import type { Prisma } from "@/lib/generated/prisma/client";
import { StoredWatchState, type WatchStateData } from "@/lib/schemas/stored";
import { prisma, type Tx } from "./db";
import { emit } from "./notify";

// The states the evaluators watch (WatchState rows) and their compare-and-set
// (docs/decisions/0025-notification-outbox.md): a change is announced only by the writer that
// moved the stored state, in the transaction that moved it.

/** A stored state as read: its data, and the JSON exactly as stored (what the compare-and-set compares). */
export type Watched = { data: WatchStateData; raw: unknown };

export async function storedStates(keys: string[]): Promise<Map<string, Watched>> {
  const rows = await prisma.watchState.findMany({ where: { key: { in: keys } } });
  return new Map(rows.map((r) => [r.key, { data: StoredWatchState.read(r.state, `WatchState ${r.key}`), raw: r.state }]));
}

/**
 * Moves a stored state from `previous` (null: none yet) to `next` and writes what it announces,
 * only if the state stored is still `previous`: false when another writer moved it first. The
 * comparison is with the JSON as it was read, so a row written by an older version (another
 * `schemaVersion`) moves too.
 */
export async function moveState(key: string, previous: Watched | null, next: WatchStateData, events: NotificationEvent[]): Promise<boolean> {
  const written = StoredWatchState.write(next);
  return prisma.$transaction(async (tx: Tx) => {
    const moved =
      previous === null
        ? (await tx.watchState.createMany({ data: [{ key, state: written as Prisma.InputJsonObject }], skipDuplicates: true })).count
        : await tx.$executeRaw`UPDATE "WatchState" SET state = ${JSON.stringify(written)}::jsonb, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE key = ${key} AND state = ${JSON.stringify(previous.raw)}::jsonb`;
    if (moved !== 1) return false;
    for (const event of events) await emit(tx, event);
    return true;
    // A period's reports for many scopes and channels (each email with its PDF) are written in
    // one transaction: more than the default 5 s may pass on a busy machine.
  }, { timeout: 60_000 });
}
