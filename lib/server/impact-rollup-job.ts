import "server-only";
import type pg from "pg";
import { rollUp, rollupRange, type Interval } from "@/lib/domain/impact-rollup";
import type { Impact } from "@/lib/domain";
import { pool } from "./db";

// The rollup job (docs/decisions/0029-impact-rollups.md): turns the marks the Impact trigger
// leaves into recomputed hours and days. Readers never wait for it: a service with a mark is read
// raw until its mark is gone, so the job only decides how soon reads become cheap again.

/** Services recomputed per transaction: a backfill of a large fleet commits as it goes. */
const SERVICES_PER_ROUND = 50;
/** Any key: one job at a time across every process (pg_try_advisory_xact_lock). */
const LOCK_KEY = 7_220_029;

const ms = (col: string) => `round(date_part('epoch', ${col}) * 1000)`;
const iso = (t: number) => new Date(t).toISOString();

type MarkRow = [id: string, serviceId: string, from: number, to: number];
type ImpactRow = [incidentId: string, kind: "unplanned" | "maintenance", fraction: number, start: number, end: number, incidentStartedAt: number];

/** Sorted, merged ranges of whole UTC days. */
function mergeRanges(changes: Interval[]): Interval[] {
  const ranges = changes.map(rollupRange).sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const r of ranges) {
    const last = out.at(-1);
    if (last && r.from <= last.to) out[out.length - 1] = { from: last.from, to: Math.max(last.to, r.to) };
    else out.push(r);
  }
  return out;
}

async function recompute(client: pg.PoolClient, serviceId: string, range: Interval): Promise<void> {
  // Read after the marks (READ COMMITTED: a later statement sees every change committed before
  // it), so the impacts are at least as new as every mark this round deletes.
  const { rows } = await client.query<ImpactRow>({
    text: `SELECT "incidentId", kind::text, fraction, ${ms('"effectiveStart"')}, ${ms('"effectiveEnd"')}, ${ms('"incidentStartedAt"')}
             FROM "Impact" WHERE "serviceId" = $1 AND "effectiveEnd" IS NOT NULL
              AND "effectiveStart" < ($3::timestamptz AT TIME ZONE 'UTC') AND "effectiveEnd" > ($2::timestamptz AT TIME ZONE 'UTC')`,
    values: [serviceId, iso(range.from), iso(range.to)],
    rowMode: "array",
  });
  const impacts: Impact[] = rows.map(([incidentId, kind, fraction, start, end, incidentStartedAt]) => ({ incidentId, kind, fraction, start, end, incidentStartedAt }));
  const { hours, days } = rollUp(impacts, range);
  for (const [table, buckets] of [["ImpactHour", hours], ["ImpactDay", days]] as const) {
    await client.query(`DELETE FROM "${table}" WHERE "serviceId" = $1 AND start >= ($2::timestamptz AT TIME ZONE 'UTC') AND start < ($3::timestamptz AT TIME ZONE 'UTC')`, [serviceId, iso(range.from), iso(range.to)]);
    if (buckets.length === 0) continue;
    await client.query(
      `INSERT INTO "${table}" ("serviceId", start, "downMs", "unplannedMs", "maintenanceMs")
       SELECT $1, (s::timestamptz AT TIME ZONE 'UTC'), d, u, m FROM unnest($2::text[], $3::float8[], $4::float8[], $5::float8[]) AS b(s, d, u, m)`,
      [serviceId, buckets.map((b) => iso(b.start)), buckets.map((b) => b.downMs), buckets.map((b) => b.unplannedMs), buckets.map((b) => b.maintenanceMs)],
    );
  }
}

/**
 * One round: the marks of up to SERVICES_PER_ROUND services recomputed and deleted in one
 * transaction. Returns how many marks it cleared; 0 when there were none or another process holds
 * the job (it will clear them).
 */
export async function rollUpRound(): Promise<number> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [LOCK_KEY]);
    if (!lock[0]?.ok) {
      await client.query("ROLLBACK");
      return 0;
    }
    const { rows: marks } = await client.query<MarkRow>({
      text: `SELECT id::text, "serviceId", ${ms('"from"')}, ${ms('"to"')} FROM "ImpactRollupMark"
              WHERE "serviceId" IN (SELECT "serviceId" FROM "ImpactRollupMark" GROUP BY "serviceId" ORDER BY min(id) LIMIT $1)`,
      values: [SERVICES_PER_ROUND],
      rowMode: "array",
    });
    const byService = new Map<string, { ids: string[]; changes: Interval[] }>();
    for (const [id, serviceId, from, to] of marks) {
      const entry = byService.get(serviceId) ?? { ids: [], changes: [] };
      entry.ids.push(id);
      entry.changes.push({ from, to });
      byService.set(serviceId, entry);
    }
    // A service that fails keeps its marks (and is read raw) without holding the others back.
    const done: string[] = [];
    for (const [serviceId, { ids, changes }] of byService) {
      await client.query("SAVEPOINT service");
      try {
        for (const range of mergeRanges(changes)) await recompute(client, serviceId, range);
        await client.query("RELEASE SAVEPOINT service");
        done.push(...ids);
      } catch (err) {
        await client.query("ROLLBACK TO SAVEPOINT service");
        console.error(`[rollups] service ${serviceId} could not be rolled up; it is read raw meanwhile:`, err instanceof Error ? err.message : err);
      }
    }
    if (done.length > 0) await client.query(`DELETE FROM "ImpactRollupMark" WHERE id = ANY($1::bigint[])`, [done]);
    await client.query("COMMIT");
    return done.length;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Rounds until no mark is left (or another process holds the job). */
export async function rollUpAll(): Promise<number> {
  let total = 0;
  for (;;) {
    const cleared = await rollUpRound();
    if (cleared === 0) return total;
    total += cleared;
  }
}

const INTERVAL_MS = 2000;

/** Every process runs it; the advisory lock lets one work at a time. */
export function startRollupScheduler(): { stop: () => Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = rollUpAll()
      .catch((err: unknown) => console.error("[rollups] a round failed; its marks stay and are retried:", err instanceof Error ? err.message : err))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, INTERVAL_MS);
      });
  };
  let timer = setTimeout(tick, 500);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
