import "server-only";
import { pool } from "./db";

// Figures computed once per short interval and shared across requests and processes: the
// all-services summary behind /metrics and the overview. A cache that cannot lie:
// - a write that changes a figure bumps FigureGeneration.n in its own transaction (statement
//   triggers, prisma/sql/figure-cache.sql); an entry records the generation read BEFORE its
//   computation started, so any write committed after that (which the computation may not have
//   seen) makes it stale, and one committed before it was seen;
// - time changes figures too (burn rates, the window so far): an entry is served for at most
//   NINES_FIGURE_CACHE_SECONDS (default 15, 0 turns the cache off), and what is served says
//   its age (the body's asOf is the instant it was computed for).
// One process computes while the others wait on a transaction advisory lock, then read its entry.

export type CachedFigures = { body: string; computedAt: number; cached: boolean };

export function figureCacheMs(): number {
  const raw = process.env.NINES_FIGURE_CACHE_SECONDS;
  const seconds = raw === undefined || raw === "" ? 15 : Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

type Row = { body: string; computedAt: Date; fresh: boolean };

const READ = `
  SELECT c.body, c."computedAt", (c.generation = g.n) AS fresh
    FROM "FigureCache" c, "FigureGeneration" g
   WHERE c.key = $1 AND g.id = 1 AND c."computedAt" > (clock_timestamp() AT TIME ZONE 'UTC') - make_interval(secs => $2::float8 / 1000)`;

const inFlight = new Map<string, Promise<CachedFigures>>();

/**
 * The entry under `key` if it is fresh, else `compute()`'s body (stored for the others). `compute`
 * must read the database only after it is called (it is, here, after the generation is read).
 */
export async function cachedFigures(key: string, compute: () => Promise<string>): Promise<CachedFigures> {
  const ttlMs = figureCacheMs();
  if (ttlMs === 0) return { body: await compute(), computedAt: Date.now(), cached: false };
  const hit = (await pool().query<Row>(READ, [key, ttlMs])).rows[0];
  if (hit?.fresh) return { body: hit.body, computedAt: hit.computedAt.getTime(), cached: true };
  // One computation per process at a time; the lock below makes it one across processes.
  const running = inFlight.get(key);
  if (running) return running;
  const next = refresh(key, ttlMs, compute).finally(() => inFlight.delete(key));
  inFlight.set(key, next);
  return next;
}

async function refresh(key: string, ttlMs: number, compute: () => Promise<string>): Promise<CachedFigures> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('figure-cache:' || $1))", [key]);
    // Another process may have computed it while this one waited.
    const hit = (await client.query<Row>(READ, [key, ttlMs])).rows[0];
    if (hit?.fresh) {
      await client.query("COMMIT");
      return { body: hit.body, computedAt: hit.computedAt.getTime(), cached: true };
    }
    // The database's clock, as the freshness check reads it (the app's host may differ a little).
    const { rows } = await client.query<{ n: string; at: Date }>(`SELECT n::text, clock_timestamp() AS at FROM "FigureGeneration" WHERE id = 1`);
    const generation = rows[0]?.n ?? "0";
    const computedAt = rows[0]?.at ?? new Date();
    const body = await compute();
    await client.query(
      `INSERT INTO "FigureCache" (key, generation, "computedAt", body) VALUES ($1, $2::bigint, ($3::timestamptz AT TIME ZONE 'UTC'), $4)
       ON CONFLICT (key) DO UPDATE SET generation = EXCLUDED.generation, "computedAt" = EXCLUDED."computedAt", body = EXCLUDED.body`,
      [key, generation, computedAt.toISOString(), body],
    );
    await client.query("COMMIT");
    return { body, computedAt: computedAt.getTime(), cached: false };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
