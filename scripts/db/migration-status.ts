// Cheap "are all migrations applied?" check for GET /api/ready and the scripts. It reads the
// `_prisma_migrations` table with plain SQL and compares it with the folders on disk, so it
// needs neither the WebAssembly schema engine nor a Prisma client. Node-only (uses fs).
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** Anything with pg's `query(text)`: a pg.Pool, pg.Client or pg.PoolClient. */
export interface Queryable {
  query(text: string): Promise<{ rows: unknown[] }>;
}

export interface MigrationStatus {
  /** True when every migration on disk is applied and none is failed. */
  upToDate: boolean;
  /** Migrations on disk, oldest first. */
  onDisk: string[];
  /** Applied successfully (and not rolled back), oldest first. */
  applied: string[];
  /** On disk but not applied yet. */
  pending: string[];
  /** Started but never finished (and not marked rolled back): needs a human. */
  failed: string[];
  /** Applied, but the migration.sql on disk has changed since (checksum differs). Informational. */
  modified: string[];
  /** Applied in the database but missing on disk (e.g. the code is older than the database). */
  unknown: string[];
}

const MIGRATION_DIR = /^\d{14}_[A-Za-z0-9_]+$/;

/** Migration folder names in `migrationsDir` (those holding a migration.sql), sorted. */
export async function listMigrationNames(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isDirectory() && MIGRATION_DIR.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Compare the migrations folder with the database's `_prisma_migrations` table. A missing table
 * means nothing is applied. Connection errors propagate (the caller reports "not reachable").
 * @param options.schema the Postgres schema holding the table (the URL's `?schema=`), default public
 */
export async function migrationStatus(
  migrationsDir: string,
  db: Queryable,
  options: { schema?: string } = {},
): Promise<MigrationStatus> {
  const onDisk = await listMigrationNames(migrationsDir);
  const table = `"${(options.schema ?? "public").replaceAll('"', '""')}"."_prisma_migrations"`;
  let rows: MigrationRow[] = [];
  try {
    const result = await db.query(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM ${table} ORDER BY started_at`,
    );
    rows = result.rows as MigrationRow[];
  } catch (error) {
    if ((error as { code?: string }).code !== "42P01") throw error; // 42P01: undefined_table
  }
  const live = rows.filter((row) => row.rolled_back_at === null);
  const appliedRows = new Map(live.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));
  const failed = [...new Set(live.filter((row) => row.finished_at === null).map((row) => row.migration_name))].filter(
    (name) => !appliedRows.has(name),
  );
  const pending = onDisk.filter((name) => !appliedRows.has(name) && !failed.includes(name));
  const diskSet = new Set(onDisk);
  const unknown = [...appliedRows.keys()].filter((name) => !diskSet.has(name));

  const modified: string[] = [];
  for (const name of onDisk) {
    const row = appliedRows.get(name);
    if (!row) continue;
    const sql = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8").catch(() => undefined);
    // Prisma stores the SHA-256 of the script as hex.
    if (sql !== undefined && createHash("sha256").update(sql).digest("hex") !== row.checksum) modified.push(name);
  }

  return {
    upToDate: pending.length === 0 && failed.length === 0,
    onDisk,
    applied: onDisk.filter((name) => appliedRows.has(name)).concat(unknown),
    pending,
    failed,
    modified,
    unknown,
  };
}
