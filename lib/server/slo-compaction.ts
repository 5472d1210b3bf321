import "server-only";
import { organisationTimeZone } from "./availability-data";
import { pool } from "./db";

// Measured buckets grow coarser with age (docs/decisions/0022-prometheus-slis.md): minutes for a
// day (the burn rates' short lookbacks need them), hours for a month, then days in the
// organisation's zone, where every calendar window starts. The sums are exact (events add up), so
// a window's figures do not change; only where a rolling window starts inside an old day is that
// day counted whole. A year of one SLO is about 2,500 rows instead of 525,600. Slice-counted SLOs
// keep their minutes: a slice's verdict needs each minute's. An SLO still being backfilled
// (ingestedTo null) is left alone until its first reading is whole.

const DAY = 86_400_000;
export const MINUTES_KEPT_DAYS = 1;
export const HOURS_KEPT_DAYS = 30;
/** One process compacts at a time (every process runs the scheduler): a key of our own. */
const LOCK_KEY = 0x6e696e65; // "nine"

/**
 * One SLO's old buckets summed into coarser ones in ONE statement: the rows the DELETE removes are
 * exactly the rows summed, so a concurrent writer can neither be lost nor counted twice.
 */
async function mergeOne(client: import("pg").PoolClient, sloId: string, which: string, target: string, seconds: string, params: unknown[]): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `WITH gone AS (
       DELETE FROM "SloBucket" b WHERE b."sloId" = $1 AND ${which}
       RETURNING b.start, b.good, b.total
     ), merged AS (
       INSERT INTO "SloBucket" ("sloId", start, seconds, good, total)
       SELECT $1, ${target}, ${seconds}, sum(b.good), sum(b.total) FROM gone b GROUP BY 2, 3
       ON CONFLICT ("sloId", start) DO UPDATE SET good = "SloBucket".good + EXCLUDED.good, total = "SloBucket".total + EXCLUDED.total
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM gone) AS n`,
    [sloId, ...params],
  );
  return Number(rows[0]?.n ?? 0);
}

const utc = (ms: number) => new Date(ms).toISOString().replace("Z", "");

/** Merges what is old enough, an SLO at a time (each statement small); returns how many buckets were merged away. */
export async function compactBuckets(now = Date.now()): Promise<number> {
  const zone = await organisationTimeZone();
  const client = await pool().connect();
  try {
    const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [LOCK_KEY]);
    if (!lock[0]?.ok) return 0; // another process is compacting
    try {
      const { rows: slos } = await client.query<{ id: string }>(`SELECT id FROM "Slo" WHERE budgeting->>'method' = 'occurrences' AND "ingestedTo" IS NOT NULL`);
      const local = `date_trunc('day', (b.start AT TIME ZONE 'UTC') AT TIME ZONE $3)`;
      let merged = 0;
      for (const { id } of slos) {
        // Minutes older than a day → hours.
        merged += await mergeOne(client, id, `b.seconds < 3600 AND b.start < date_trunc('hour', $2::timestamp)`, `date_trunc('hour', b.start)`, "3600", [utc(now - MINUTES_KEPT_DAYS * DAY)]);
        // Hours older than a month → days of the organisation's zone (a DST day is 23 or 25 hours long).
        merged += await mergeOne(
          client,
          id,
          `b.seconds < 82800 AND b.start < (((date_trunc('day', ($2::timestamp AT TIME ZONE 'UTC') AT TIME ZONE $3)) AT TIME ZONE $3) AT TIME ZONE 'UTC')`,
          `((${local}) AT TIME ZONE $3) AT TIME ZONE 'UTC'`,
          `extract(epoch FROM ((${local} + interval '1 day') AT TIME ZONE $3) - ((${local}) AT TIME ZONE $3))::int`,
          [utc(now - HOURS_KEPT_DAYS * DAY), zone],
        );
      }
      return merged;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
