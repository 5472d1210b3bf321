import "server-only";
import { pool } from "./db";

// Figures computed once per short interval and shared across requests and processes: the
// all-services summary behind /metrics and the overview. A cache that cannot lie:
// - a write that changes a figure bumps FigureGeneration.n when its transaction commits
//   (prisma/sql/figure-generation-at-commit.sql); an entry records the generation read BEFORE
//   its computation started, so any write committed after that (which the computation may not
//   have seen) makes it stale, and one committed before it was seen;
// - a request joins a computation already running in its process only if that computation
//   started from the generation the request saw (or a later one);
// - time changes figures too (burn rates, the window so far): an entry is served for at most
//   NINES_FIGURE_CACHE_SECONDS (default 15, 0 turns the cache off), and what is served says its
//   age (the body's asOf is the instant it was computed for).
// Across processes the entry in PostgreSQL is shared; two processes that miss at the same moment
// both compute (no lock is held across a computation: waiting for one held a connection and
// counted against the statement timeout), and the newer generation's entry is kept.

export type CachedFigures = { body: string; computedAt: number; cached: boolean };

export function figureCacheMs(): number {
  const raw = process.env.NINES_FIGURE_CACHE_SECONDS;
  const seconds = raw === undefined || raw === "" ? 15 : Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

// Epoch milliseconds, not timestamps: node-pg would read a TIMESTAMP column in the host's zone.
type Row = { current: string; now: number; body: string | null; at: number | null; generation: string | null };
const READ = `
  SELECT g.n::text AS current, round(date_part('epoch', clock_timestamp()) * 1000)::float8 AS now,
         c.body, round(date_part('epoch', c."computedAt") * 1000)::float8 AS at, c.generation::text AS generation
    FROM "FigureGeneration" g
    LEFT JOIN "FigureCache" c ON c.key = $1 AND c."computedAt" > (clock_timestamp() AT TIME ZONE 'UTC') - make_interval(secs => $2::float8 / 1000)
   WHERE g.id = 1`;

const inFlight = new Map<string, { generation: bigint; result: Promise<CachedFigures> }>();

/** The entry under `key` if it is fresh, else `compute()`'s body (stored for the others). */
export async function cachedFigures(key: string, compute: () => Promise<string>): Promise<CachedFigures> {
  const ttlMs = figureCacheMs();
  if (ttlMs === 0) return { body: await compute(), computedAt: Date.now(), cached: false };
  const row = (await pool().query<Row>(READ, [key, ttlMs])).rows[0];
  if (!row) throw new Error("FigureGeneration has no row: its migration did not run");
  if (row.body !== null && row.at !== null && row.generation === row.current) return { body: row.body, computedAt: row.at, cached: true };
  const seen = BigInt(row.current);
  const running = inFlight.get(key);
  if (running && running.generation >= seen) return running.result;
  // `compute` reads the database only after the generation above was read: whatever it sees is
  // at least that generation's.
  const result = compute().then(async (body) => {
    await pool().query(
      `INSERT INTO "FigureCache" (key, generation, "computedAt", body) VALUES ($1, $2::bigint, (to_timestamp($3::float8 / 1000) AT TIME ZONE 'UTC'), $4)
       ON CONFLICT (key) DO UPDATE SET generation = EXCLUDED.generation, "computedAt" = EXCLUDED."computedAt", body = EXCLUDED.body
        WHERE "FigureCache".generation <= EXCLUDED.generation`,
      [key, row.current, row.now, body],
    );
    return { body, computedAt: row.now, cached: false };
  });
  const entry = { generation: seen, result };
  inFlight.set(key, entry);
  try {
    return await result;
  } finally {
    if (inFlight.get(key) === entry) inFlight.delete(key);
  }
}
