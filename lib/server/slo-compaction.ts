import "server-only";
import { minuteSpans, SLICE_ROW_MIN_SECONDS, sliceRowSeconds, sliceRows, type Bucket } from "@/lib/domain/measured-sli";
import type { Budgeting } from "@/lib/domain/slo";
import { organisationTimeZone } from "./availability-data";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pool, prisma } from "./db";
import { sloInclude, toSloDto } from "./slos";

// Measured buckets grow coarser with age (docs/decisions/0022-prometheus-slis.md): minutes for a
// day (the burn rates' short lookbacks need them), hours for a month, then days in the
// organisation's zone, where every calendar window starts. The sums are exact (events add up), so
// a window's figures do not change; a rolling window that starts inside an old day leaves that day
// out (its part reads as unknown). A year of one SLO is about 2,500 rows instead of 525,600. A slice-counted
// SLO's minutes become counts of its slices, judged once, on the clock (sliceRows; decision 0024),
// and those hours then days as for events. An SLO still being backfilled (ingestedTo null) is left
// alone until its first reading is whole.

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const MINUTES_KEPT_DAYS = 1;
export const HOURS_KEPT_DAYS = 30;
/** One process compacts at a time (every process runs the scheduler): a key of our own. */
const LOCK_KEY = 0x6e696e65; // "nine"

/**
 * One SLO's old buckets summed into coarser ones in ONE statement: the rows the DELETE removes are
 * exactly the rows summed, so a concurrent writer can neither be lost nor counted twice.
 */
async function mergeOne(client: Client, sloId: string, which: string, target: string, seconds: string, params: unknown[]): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `WITH gone AS (
       DELETE FROM "SloBucket" b WHERE b."sloId" = $1 AND ${which}
       RETURNING b.start, b.good, b.total, coalesce(b.covered, b.seconds) AS covered
     ), merged AS (
       INSERT INTO "SloBucket" ("sloId", start, seconds, good, total, covered)
       SELECT $1, ${target}, ${seconds}, sum(b.good), sum(b.total), sum(b.covered) FROM gone b GROUP BY 2, 3
       ON CONFLICT ("sloId", start) DO UPDATE SET good = "SloBucket".good + EXCLUDED.good, total = "SloBucket".total + EXCLUDED.total,
         covered = coalesce("SloBucket".covered, "SloBucket".seconds) + EXCLUDED.covered
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM gone) AS n`,
    [sloId, ...params],
  );
  return Number(rows[0]?.n ?? 0);
}

const utc = (ms: number) => new Date(ms).toISOString().replace("Z", "");

type Sliced = Extract<Budgeting, { method: "timeslices" }>;
type Client = import("pg").PoolClient;

/** Where the minutes being merged saw bad or nothing (minuteSpans), kept beside the merged rows. */
async function keepSpans(client: Client, sloId: string, minutes: Bucket[], target: number, range: { from: number; to: number }): Promise<void> {
  const { bad, gaps } = minuteSpans(minutes, target, range);
  const spans = [...bad.map((x) => ({ ...x, kind: "bad" })), ...gaps.map((x) => ({ ...x, kind: "gap" }))];
  if (spans.length === 0) return;
  await client.query(
    `INSERT INTO "SloSpan" ("sloId", start, "end", kind)
     SELECT $1, to_timestamp(f / 1000.0) AT TIME ZONE 'UTC', to_timestamp(t / 1000.0) AT TIME ZONE 'UTC', k FROM unnest($2::bigint[], $3::bigint[], $4::text[]) AS u(f, t, k)
     ON CONFLICT DO NOTHING`,
    [sloId, spans.map((x) => x.from), spans.map((x) => x.to), spans.map((x) => x.kind)],
  );
}

/** Minutes of [from, to), locked for the transaction they are merged in. */
async function lockedMinutes(client: Client, sloId: string, from: number, to: number): Promise<Bucket[]> {
  const { rows } = await client.query<{ ms: string; seconds: number; good: number; total: number; covered: number | null }>(
    `SELECT (extract(epoch FROM start) * 1000)::bigint AS ms, seconds, good, total, covered FROM "SloBucket"
     WHERE "sloId" = $1 AND seconds < $2 AND start >= $3::timestamp AND start < $4::timestamp ORDER BY start FOR UPDATE`,
    [sloId, SLICE_ROW_MIN_SECONDS, utc(from), utc(to)],
  );
  return rows.map((r) => ({ start: Number(r.ms), seconds: r.seconds, good: r.good, total: r.total, covered: r.covered }));
}

/** The first minute before `end` still to merge, or null. */
async function firstMinute(client: Client, sloId: string, end: number): Promise<number | null> {
  const { rows } = await client.query<{ ms: string | null }>(
    `SELECT (extract(epoch FROM min(start)) * 1000)::bigint AS ms FROM "SloBucket" WHERE "sloId" = $1 AND seconds < $2 AND start < $3::timestamp`,
    [sloId, SLICE_ROW_MIN_SECONDS, utc(end)],
  );
  return rows[0]?.ms == null ? null : Number(rows[0].ms);
}

async function inTransaction<T>(client: Client, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const out = await work();
    await client.query("COMMIT");
    return out;
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  }
}

/** An event SLO's minutes before `cutoff` summed into hours, a week per transaction, their bad and unread minutes kept as spans. */
async function mergeMinutes(client: Client, sloId: string, target: number, cutoff: number): Promise<number> {
  const end = Math.floor(cutoff / HOUR) * HOUR;
  let merged = 0;
  // Stretches follow each other from the first minute up to the cutoff, so time nothing was read
  // in (whole hours included) is kept as gaps too.
  let next: number | null = null;
  for (let first = await firstMinute(client, sloId, end), n = 0; first !== null && n < CHUNKS_PER_RUN; first = await firstMinute(client, sloId, end), n++) {
    const from: number = next !== null && next <= first ? next : Math.floor(first / HOUR) * HOUR;
    const to = Math.min(end, Math.floor(first / HOUR) * HOUR + SLICE_MERGE_CHUNK_MS);
    next = to;
    merged += await inTransaction(client, async () => {
      const minutes = await lockedMinutes(client, sloId, from, to);
      await keepSpans(client, sloId, minutes, target, { from, to });
      // Exactly the minutes read (and locked): one written meanwhile is merged next time.
      return mergeOne(client, sloId, `b.seconds < ${SLICE_ROW_MIN_SECONDS} AND b.start = ANY($2::timestamp[])`, `date_trunc('hour', b.start)`, "3600", [minutes.map((m) => utc(m.start))]);
    });
  }
  return merged;
}
/** Minutes merged per transaction: two days of them at most, so each statement stays well within the statement timeout. */
const SLICE_MERGE_CHUNK_MS = 2 * DAY;
/**
 * Weeks of an SLO merged per run: a long first history (a backfill of a year) is merged over a few
 * hourly runs rather than holding up the scheduler's tick, which ingests beside it.
 */
const CHUNKS_PER_RUN = 28;
/** Ingestion reads its last minutes again (slo-ingest.ts): they stay minutes until it has passed them. */
const REREAD_MS = 5 * 60_000;

/**
 * One slice SLO's minutes before `cutoff` (a whole number of rows on the clock) as rows of slice
 * counts, a chunk per transaction. The minutes are locked and deleted by the instants read, so a
 * minute written meanwhile is neither lost nor counted twice.
 */
async function mergeSlices(client: Client, sloId: string, budgeting: Sliced, target: number, cutoff: number): Promise<number> {
  const span = sliceRowSeconds(budgeting.sliceSeconds) * 1000;
  const end = Math.floor(cutoff / span) * span;
  let merged = 0;
  let next: number | null = null; // as in mergeMinutes: stretches follow each other, gaps and all
  for (let first = await firstMinute(client, sloId, end), n = 0; first !== null && n < CHUNKS_PER_RUN; first = await firstMinute(client, sloId, end), n++) {
    const from: number = next !== null && next <= first ? next : Math.floor(first / span) * span;
    const to = Math.min(end, Math.ceil((Math.floor(first / span) * span + SLICE_MERGE_CHUNK_MS) / span) * span);
    next = to;
    merged += await inTransaction(client, async () => {
      const minutes = await lockedMinutes(client, sloId, from, to);
      const counted = sliceRows(minutes, budgeting);
      await keepSpans(client, sloId, minutes, target, { from, to });
      await client.query(`DELETE FROM "SloBucket" WHERE "sloId" = $1 AND seconds < $2 AND start = ANY($3::timestamp[])`, [sloId, SLICE_ROW_MIN_SECONDS, minutes.map((m) => utc(m.start))]);
      await client.query(
        `INSERT INTO "SloBucket" ("sloId", start, seconds, good, total, covered)
         SELECT $1, to_timestamp(s / 1000.0) AT TIME ZONE 'UTC', sec, g, t, c FROM unnest($2::bigint[], $3::int[], $4::float8[], $5::float8[], $6::int[]) AS u(s, sec, g, t, c)
         ON CONFLICT ("sloId", start) DO UPDATE SET good = "SloBucket".good + EXCLUDED.good, total = "SloBucket".total + EXCLUDED.total,
           covered = coalesce("SloBucket".covered, "SloBucket".seconds) + EXCLUDED.covered`,
        [sloId, counted.map((r) => r.start), counted.map((r) => r.seconds), counted.map((r) => r.good), counted.map((r) => r.total), counted.map((r) => r.covered)],
      );
      return minutes.length;
    });
  }
  return merged;
}

/** One SLO's minutes, then hours, merged as far as they are old enough; how many buckets were merged away. */
async function compactOne(client: Client, row: Prisma.SloGetPayload<{ include: typeof sloInclude }>, now: number, zone: string): Promise<number> {
  const slo = toSloDto(row);
  const { budgeting } = slo;
  // Never past what ingestion has read (less the minutes it reads again): a minute written after
  // its stretch was merged would be judged twice.
  const cutoff = Math.min(now - MINUTES_KEPT_DAYS * DAY, (row.ingestedTo as Date).getTime() - REREAD_MS);
  let merged = 0;
  if (budgeting.method === "timeslices") {
    // Minutes older than a day → counts of their slices; rows longer than an hour stay as they are.
    merged += await mergeSlices(client, row.id, budgeting, slo.target, cutoff);
    if (sliceRowSeconds(budgeting.sliceSeconds) !== 3600) return merged;
  } else if (budgeting.method === "occurrences") {
    // Minutes older than a day → hours.
    merged += await mergeMinutes(client, row.id, slo.target, cutoff);
  } else return merged;
  // Hours older than a month → days of the organisation's zone (a DST day is 23 or 25 hours long):
  // events and slices alike add up.
  const local = `date_trunc('day', (b.start AT TIME ZONE 'UTC') AT TIME ZONE $3)`;
  return (
    merged +
    (await mergeOne(
      client,
      row.id,
      `b.seconds >= ${SLICE_ROW_MIN_SECONDS} AND b.seconds < 82800 AND b.start < (((date_trunc('day', ($2::timestamp AT TIME ZONE 'UTC') AT TIME ZONE $3)) AT TIME ZONE $3) AT TIME ZONE 'UTC')`,
      `((${local}) AT TIME ZONE $3) AT TIME ZONE 'UTC'`,
      `extract(epoch FROM ((${local} + interval '1 day') AT TIME ZONE $3) - ((${local}) AT TIME ZONE $3))::int`,
      [utc(now - HOURS_KEPT_DAYS * DAY), zone],
    ))
  );
}

/** Merges what is old enough, an SLO at a time (each statement small); returns how many buckets were merged away. */
export async function compactBuckets(now = Date.now()): Promise<number> {
  const zone = await organisationTimeZone();
  const client = await pool().connect();
  try {
    const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [LOCK_KEY]);
    if (!lock[0]?.ok) return 0; // another process is compacting
    try {
      // Each SLO with its target as every figure reads it (its own, else its tier's): minutes
      // that missed it are kept as spans.
      const rows = await prisma.slo.findMany({ where: { datasourceId: { not: null }, ingestedTo: { not: null } }, include: sloInclude, orderBy: { id: "asc" } });
      let merged = 0;
      const failed: unknown[] = [];
      for (const row of rows) {
        try {
          merged += await compactOne(client, row, now, zone);
        } catch (err) {
          // One SLO that cannot be merged (its stored settings unreadable) does not stop the others';
          // the run still fails, so the scheduler logs it.
          failed.push(err);
        }
      }
      if (failed.length) throw new AggregateError(failed, `Compacting measured buckets failed for ${failed.length} SLO(s): ${failed.map((e) => (e instanceof Error ? e.message : String(e))).join("; ")}`);
      return merged;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
