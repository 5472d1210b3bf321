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

function createDb(): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
  pool.on("error", (err) => console.error("[db] idle client error", err.message));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
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
