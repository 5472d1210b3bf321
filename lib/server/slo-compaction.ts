import "server-only";
import { organisationTimeZone } from "./availability-data";
import { pool } from "./db";

// Measured buckets grow coarser with age (docs/decisions/0022-prometheus-slis.md): minutes for a
// day (the burn rates' short lookbacks need them), hours for a month, then days in the
// organisation's zone, where every calendar window starts. The sums are exact (events add up), so
// a window's figures do not change; only where a rolling window starts inside an old day is that
// day counted whole. A year of one SLO is about 2,500 rows instead of 525,600. Slice-counted SLOs
// keep their minutes: a slice's verdict needs each minute's.

const DAY = 86_400_000;
export const MINUTES_KEPT_DAYS = 1;
export const HOURS_KEPT_DAYS = 30;

const EVENT_SLOS = `s.id = b."sloId" AND s.budgeting->>'method' = 'occurrences'`;

/** One merge in one transaction: the old buckets are summed into `target`, deleted, and the sums written. */
async function merge(which: string, target: string, seconds: string, params: unknown[]): Promise<number> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `CREATE TEMP TABLE merged ON COMMIT DROP AS
         SELECT b."sloId", ${target} AS start, ${seconds} AS seconds, sum(b.good) AS good, sum(b.total) AS total
           FROM "SloBucket" b JOIN "Slo" s ON ${EVENT_SLOS} WHERE ${which} GROUP BY 1, 2, 3`,
      params,
    );
    const { rowCount } = await client.query(`DELETE FROM "SloBucket" b USING "Slo" s WHERE ${EVENT_SLOS} AND ${which}`, params);
    // A bucket merged before keeps its sums and gains what arrived since.
    await client.query(`INSERT INTO "SloBucket" ("sloId", start, seconds, good, total) SELECT "sloId", start, seconds, good, total FROM merged
                        ON CONFLICT ("sloId", start) DO UPDATE SET seconds = EXCLUDED.seconds, good = "SloBucket".good + EXCLUDED.good, total = "SloBucket".total + EXCLUDED.total`);
    await client.query("COMMIT");
    return rowCount ?? 0;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

const utc = (ms: number) => new Date(ms).toISOString().replace("Z", "");

/** Merges what is old enough; returns how many buckets were merged away. */
export async function compactBuckets(now = Date.now()): Promise<number> {
  const zone = await organisationTimeZone();
  // Minutes older than a day → hours.
  const minutes = await merge(`b.seconds < 3600 AND b.start < date_trunc('hour', $1::timestamp)`, `date_trunc('hour', b.start)`, "3600", [utc(now - MINUTES_KEPT_DAYS * DAY)]);
  // Hours older than a month → days of the organisation's zone (a DST day is 23 or 25 hours long).
  const local = `date_trunc('day', (b.start AT TIME ZONE 'UTC') AT TIME ZONE $2)`;
  const hours = await merge(
    `b.seconds < 82800 AND b.start < (((date_trunc('day', ($1::timestamp AT TIME ZONE 'UTC') AT TIME ZONE $2)) AT TIME ZONE $2) AT TIME ZONE 'UTC')`,
    `((${local}) AT TIME ZONE $2) AT TIME ZONE 'UTC'`,
    `extract(epoch FROM ((${local} + interval '1 day') AT TIME ZONE $2) - ((${local}) AT TIME ZONE $2))::int`,
    [utc(now - HOURS_KEPT_DAYS * DAY), zone],
  );
  return minutes + hours;
}
