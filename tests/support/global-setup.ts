import type { TestProject } from "vitest/node";
import { startThrowawayDatabase } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrate";
import { parsePostgresUrl } from "../../scripts/db/pg-url";
import { onServer } from "./pg-server";
import { INTEGRATION_WORKERS, workerDatabaseName } from "./workers";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** A migrated database nobody connects to, to copy for a file that needs one of its own (database.ts). */
    templateDatabase: string;
  }
}

/**
 * A throwaway PostgreSQL (or a fresh database on TEST_DATABASE_URL), migrated, never .data/: the
 * database the first worker's files share. Beside it a copy taken right after the migrations,
 * before any file ran, and from it one database for each other worker (workers.ts).
 */
export default async function setup(project: TestProject) {
  const db = await startThrowawayDatabase();
  await applyMigrations(db.url, { log: () => {} });
  const shared = parsePostgresUrl(db.url).database;
  const template = `${shared}_template`;
  await onServer(db.url, async (c) => {
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(template)} TEMPLATE ${c.escapeIdentifier(shared)}`);
    for (let poolId = 2; poolId <= INTEGRATION_WORKERS; poolId += 1) {
      await c.query(`CREATE DATABASE ${c.escapeIdentifier(workerDatabaseName(shared, poolId))} TEMPLATE ${c.escapeIdentifier(template)}`);
    }
  });
  project.provide("databaseUrl", db.url);
  project.provide("templateDatabase", template);
  return async () => {
    // The copies (database.ts names them after the shared one), then the shared one itself.
    await onServer(db.url, async (c) => {
      const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [`${shared}_`]);
      for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(datname)} WITH (FORCE)`);
    });
    await db.stop();
  };
}
