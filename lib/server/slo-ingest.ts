import "server-only";
import { ratioBuckets, thresholdBuckets, withWindow, type Bucket, type Sample } from "@/lib/domain/measured-sli";
import type { PrometheusSli } from "@/lib/domain/slo";
import { noteDatasource } from "./datasources";
import { pool, prisma } from "./db";
import { PrometheusRejected, PrometheusUnreachable, rangeQuery, type Connection } from "./prometheus";
import { compactBuckets, MINUTES_KEPT_DAYS } from "./slo-compaction";
import { rowSli } from "./slos";

// Measured SLIs are read from Prometheus a minute at a time and kept as buckets in PostgreSQL, so
// their history outlives Prometheus's retention (docs/decisions/0022-prometheus-slis.md). One
// scheduler across processes: each tick claims the SLOs that are due with SKIP LOCKED, as probes.

export const STEP_SECONDS = 60;
const DAY = 86_400_000;
/** Prometheus may not have scraped the last seconds yet: the newest minute read ends this long ago. */
const LAG_MS = 30_000;
/** Each round reads the last minutes again, so a minute Prometheus answered late is filled in. */
const OVERLAP_MS = 5 * 60_000;
/** A first ingestion reads back day by day while Prometheus still has data, up to this far. */
const BACKFILL_LIMIT_DAYS = 400;

type Due = { id: string; sli: unknown; ingestedTo: Date | null; datasource: Connection & { id: string } };

/** A query that gives several series where one is expected: an error of that SLO, never summed silently. */
class SeveralSeries extends Error {}

async function series(ds: Connection, query: string, from: number, to: number, step: number): Promise<Sample[]> {
  // Answers at from + step … to: each the rate over the step before it, one bucket each.
  const result = await rangeQuery(ds, withWindow(query, step), from + step * 1000, to, step);
  if (result.length > 1) throw new SeveralSeries(`The query gives ${result.length} series where one is expected: aggregate it, e.g. sum(...)`);
  return (result[0]?.values ?? []) as Sample[];
}

/** The buckets of [from, to) (whole steps). */
export async function readBuckets(ds: Connection, sli: PrometheusSli, from: number, to: number, step = STEP_SECONDS): Promise<Bucket[]> {
  if (sli.kind === "threshold") return thresholdBuckets(await series(ds, sli.query, from, to, step), sli.op, sli.threshold, step);
  const [total, part] = await Promise.all([series(ds, sli.total, from, to, step), series(ds, (sli.good ?? sli.bad) as string, from, to, step)]);
  return ratioBuckets(total, part, sli.good !== undefined ? "good" : "bad", step);
}

async function store(sloId: string, buckets: Bucket[]): Promise<void> {
  if (buckets.length === 0) return;
  await pool().query(
    `INSERT INTO "SloBucket" ("sloId", start, seconds, good, total)
     SELECT $1, to_timestamp(s / 1000.0) AT TIME ZONE 'UTC', sec, g, t FROM unnest($2::bigint[], $3::int[], $4::float8[], $5::float8[]) AS u(s, sec, g, t)
     ON CONFLICT ("sloId", start) DO UPDATE SET good = EXCLUDED.good, total = EXCLUDED.total WHERE "SloBucket".seconds = EXCLUDED.seconds`,
    [sloId, buckets.map((b) => b.start), buckets.map((b) => b.seconds), buckets.map((b) => b.good), buckets.map((b) => b.total)],
  );
}

/**
 * One SLO's ingestion up to `now`: the minutes since the last (and the few before, again), or on
 * the first one, back a day at a time while Prometheus still answers with data. Prometheus away:
 * noted on its datasource, nothing stored, the minutes read next time. A query it refuses, or one
 * with several series: noted on the SLO.
 */
export async function ingestSlo(due: Due, opts: { now?: number; stepSeconds?: number; lagMs?: number } = {}): Promise<{ stored: number }> {
  const sli = rowSli(due);
  if (sli.source !== "prometheus") return { stored: 0 };
  // Minutes in production; the tests read 10-second steps so a real Prometheus gives data sooner.
  const step = opts.stepSeconds ?? STEP_SECONDS;
  const now = opts.now ?? Date.now();
  const end = Math.floor((now - (opts.lagMs ?? LAG_MS)) / (step * 1000)) * step * 1000;
  let stored = 0;
  try {
    if (due.ingestedTo) {
      // The overlap is read again only while its minutes are still minutes: older ones may be merged into hours already.
      const last = due.ingestedTo.getTime();
      const from = Math.min(last > now - MINUTES_KEPT_DAYS * DAY + 3_600_000 ? last - OVERLAP_MS : last, end);
      for (let a = from; a < end; a += DAY) {
        const buckets = await readBuckets(due.datasource, sli, a, Math.min(end, a + DAY), step);
        await store(due.id, buckets);
        stored += buckets.length;
      }
    } else {
      // A backfill can outlast a claim: no other round takes this SLO up meanwhile.
      await prisma.slo.update({ where: { id: due.id }, data: { nextIngestAt: new Date(now + 15 * 60_000) } });
      for (let b = end, days = 0; days < BACKFILL_LIMIT_DAYS; b -= DAY, days++) {
        const buckets = await readBuckets(due.datasource, sli, b - DAY, b, step);
        if (buckets.length === 0 && days > 0) break; // Prometheus holds nothing further back
        await store(due.id, buckets);
        stored += buckets.length;
      }
    }
    await noteDatasource(due.datasource.id, { ok: true });
    await prisma.slo.update({ where: { id: due.id }, data: { ingestedTo: new Date(end), ingestError: null, ingestErrorAt: null, ...(due.ingestedTo ? {} : { nextIngestAt: new Date(Date.now() + STEP_SECONDS * 1000) }) } });
  } catch (err) {
    if (err instanceof PrometheusUnreachable) await noteDatasource(due.datasource.id, { ok: false, error: err.message });
    else if (err instanceof PrometheusRejected || err instanceof SeveralSeries) await prisma.slo.update({ where: { id: due.id }, data: { ingestError: err.message, ingestErrorAt: new Date(now) } });
    else throw err;
  }
  return { stored };
}

/** One SLO's ingestion now, by id (the scheduler's claim skipped): for tests and tools. */
export async function ingestSloById(id: string, opts: { now?: number; stepSeconds?: number; lagMs?: number } = {}): Promise<{ stored: number }> {
  const s = await prisma.slo.findUniqueOrThrow({ where: { id }, select: { id: true, sli: true, ingestedTo: true, datasource: true } });
  return s.datasource ? ingestSlo({ ...s, datasource: s.datasource }, opts) : { stored: 0 };
}

const CLAIM_SQL = `
  WITH due AS (
    SELECT id FROM "Slo"
     WHERE "nextIngestAt" <= (now() AT TIME ZONE 'UTC') AND "archivedAt" IS NULL AND "datasourceId" IS NOT NULL
     ORDER BY "nextIngestAt" LIMIT $1
     FOR UPDATE SKIP LOCKED
  )
  UPDATE "Slo" s SET "nextIngestAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => $2) FROM due WHERE s.id = due.id
  RETURNING s.id`;

/** Claims up to `limit` due SLOs (their next ingestion moved a minute on) and ingests them. */
export async function ingestDue(limit = 50, now = Date.now()): Promise<number> {
  const { rows } = await pool().query<{ id: string }>(CLAIM_SQL, [limit, STEP_SECONDS]);
  if (rows.length === 0) return 0;
  const slos = await prisma.slo.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true, sli: true, ingestedTo: true, datasource: true } });
  await Promise.all(slos.map((s) => (s.datasource ? ingestSlo({ ...s, datasource: s.datasource }, { now }) : null)));
  return slos.length;
}

/** Claims and ingests batches until nothing is due (or the scheduler stops): 1,000 SLOs a minute are ten batches. */
export async function ingestAllDue(batch = 100, stopped: () => boolean = () => false): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await ingestDue(batch);
    done += n;
    if (n < batch || stopped()) return done;
  }
}

/** Ticks every `tickMs` (10 s): an SLO is read about a minute after its last reading. */
export function startIngestScheduler(opts: { tickMs?: number; log?: (m: string) => void } = {}): { stop: () => Promise<void> } {
  const tickMs = opts.tickMs ?? 10_000;
  let lastSaid = 0;
  const log = opts.log ?? ((m: string) => (Date.now() - lastSaid > 60_000 ? ((lastSaid = Date.now()), console.error(`[slo-ingest] ${m}`)) : undefined));
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let lastCompaction = 0;
  const loop = () => {
    if (stopped) return;
    const compact = Date.now() - lastCompaction > 3_600_000 ? ((lastCompaction = Date.now()), compactBuckets()) : Promise.resolve(0);
    running = Promise.allSettled([ingestAllDue(100, () => stopped), compact]).then((results) => {
      for (const r of results) if (r.status === "rejected") throw r.reason;
    }).catch((err: unknown) => log(`tick failed: ${err instanceof Error ? err.message : String(err)}`)).finally(() => {
      if (!stopped) timer = setTimeout(loop, tickMs);
    });
  };
  timer = setTimeout(loop, 0);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
