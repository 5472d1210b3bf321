import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One pool and one Prisma client per process. Dev hot reload re-evaluates modules, so they live
// on globalThis to avoid leaking a pool per edit.
type Db = { pool: pg.Pool; prisma: PrismaClient };
const globalForDb = globalThis as unknown as { __ninesDb?: Db };

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  return url;
}

function envMs(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * How long Nines waits for PostgreSQL before answering 503 (lib/server/db-errors.ts): to connect,
 * and for a statement. A stopped database refuses at once; a stalled one (paused, a network that
 * drops packets) never answers, so besides the server's statement_timeout the client gives up a
 * second later on its own.
 */
export const DB_TIMEOUTS = {
  connectMs: envMs("DATABASE_CONNECT_TIMEOUT_MS", 3000),
  statementMs: envMs("DATABASE_STATEMENT_TIMEOUT_MS", 5000),
};

function createDb(): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: DB_TIMEOUTS.connectMs,
    statement_timeout: DB_TIMEOUTS.statementMs,
    query_timeout: DB_TIMEOUTS.statementMs + 1000,
    // A transaction left open by a request that gave up must not hold its locks for long.
    idle_in_transaction_session_timeout: 2 * DB_TIMEOUTS.statementMs,
    keepAlive: true,
  });
  pool.on("error", (err) => console.error("[db] idle client error", err.message));
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    transactionOptions: { maxWait: DB_TIMEOUTS.connectMs, timeout: 2 * DB_TIMEOUTS.statementMs },
  });
  return { pool, prisma };
}

function db(): Db {
  globalForDb.__ninesDb ??= createDb();
  return globalForDb.__ninesDb;
}

/** The Prisma client. Lazy so that importing a module never needs DATABASE_URL. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = db().prisma as unknown as Record<PropertyKey, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(db().prisma) : value;
  },
});

/** The pg pool under Prisma, for hot-path reads where row mapping cost matters. */
export function pool(): pg.Pool {
  return db().pool;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
