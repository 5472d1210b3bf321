// The migrations in prisma/migrations must build exactly the database schema.prisma describes.
// This fails when someone edits schema.prisma without `npm run db:migration:new -- <name>`, or
// edits a generated migration so that it no longer matches the schema.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startThrowawayDatabase, type EmbeddedDatabase } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrate";
import { migrationStatus } from "../../scripts/db/migration-status";
import { createMigration } from "../../scripts/db/new-migration";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../../scripts/db/paths";
import { NO_FILTERS, readSchemaFiles, withSchemaEngine, type SchemaContainer } from "../../scripts/db/schema-engine";

const quiet = () => {};

/** Server for scratch databases: the integration suite's throwaway server when there is one. */
function scratchServer(): string | undefined {
  try {
    return inject("databaseUrl") || undefined;
  } catch {
    return undefined; // run outside the integration project: startThrowawayDatabase() starts one
  }
}

/** SQL that would turn the live database at `url` into `target` (empty script = identical). */
async function diffLiveDatabaseTo(url: string, target: SchemaContainer[]): Promise<{ changed: boolean; sql: string }> {
  const files = await readSchemaFiles(SCHEMA_PATH);
  const result = await withSchemaEngine(url, (engine) =>
    engine.diff({
      // "schemaDatasource" = the database the engine is connected to, described live.
      from: { tag: "schemaDatasource", files, configDir: path.dirname(SCHEMA_PATH) },
      to: { tag: "schemaDatamodel", files: target },
      script: true,
      exitCode: true, // 2 when there are differences
      filters: NO_FILTERS,
    }),
  );
  return { changed: result.exitCode === 2, sql: result.stdout ?? "" };
}

describe("prisma/migrations", () => {
  let db: EmbeddedDatabase;

  beforeAll(async () => {
    db = await startThrowawayDatabase({ serverUrl: scratchServer() });
  });
  afterAll(async () => {
    await db?.stop();
  });

  it("exist, with a lockfile for postgresql", async () => {
    const entries = await readdir(MIGRATIONS_DIR);
    expect(entries).toContain("migration_lock.toml");
    expect(entries.filter((name) => /^\d{14}_/.test(name)).length).toBeGreaterThan(0);
  });

  it("applied to an empty database, give exactly what schema.prisma describes", async () => {
    // Its own empty database, so the test holds whatever ran before it.
    const empty = await startThrowawayDatabase({ serverUrl: scratchServer() });
    try {
    const applied = await applyMigrations(empty.url, { log: quiet });
    const onDisk = (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d{14}_/.test(name)).sort();
    expect(applied).toEqual(onDisk);

    const { changed, sql } = await diffLiveDatabaseTo(empty.url, await readSchemaFiles(SCHEMA_PATH));
    // A non-empty script here means schema.prisma changed without a migration: run
    // `npm run db:migration:new -- <name>` (the script below is what it would generate).
    expect(sql.trim() === "-- This is an empty migration." ? "" : sql).toBe("");
    expect(changed).toBe(false);
    } finally {
      await empty.stop();
    }
  });

  it("are idempotent: a second run applies nothing and the status is up to date", async () => {
    await applyMigrations(db.url, { log: quiet }); // in case this test runs alone
    expect(await applyMigrations(db.url, { log: quiet })).toEqual([]);

    const client = new pg.Client(db.url);
    await client.connect();
    try {
      const status = await migrationStatus(MIGRATIONS_DIR, client);
      expect(status).toMatchObject({ upToDate: true, pending: [], failed: [], modified: [], unknown: [] });
      expect(status.applied).toEqual(status.onDisk);
    } finally {
      await client.end();
    }
  });

  it("report pending migrations on a database that has none applied", async () => {
    const fresh = await startThrowawayDatabase({ serverUrl: scratchServer() });
    const client = new pg.Client(fresh.url);
    await client.connect();
    try {
      const status = await migrationStatus(MIGRATIONS_DIR, client);
      expect(status.upToDate).toBe(false);
      expect(status.applied).toEqual([]);
      expect(status.pending).toEqual(status.onDisk);
    } finally {
      await client.end();
      await fresh.stop();
    }
  });

  it("the schema check notices drift (so the test above can fail)", async () => {
    await applyMigrations(db.url, { log: quiet });
    const [file] = await readSchemaFiles(SCHEMA_PATH);
    const drifted = `${file!.content}\nmodel DriftProbe {\n  id Int @id\n}\n`;
    const { changed, sql } = await diffLiveDatabaseTo(db.url, [{ path: file!.path, content: drifted }]);
    expect(changed).toBe(true);
    expect(sql).toContain('CREATE TABLE "DriftProbe"');
  });

  it("generating a migration for the unchanged schema writes nothing", async () => {
    // Work on a copy: if schema.prisma did drift, the repository must not get a stray migration.
    const copy = await mkdtemp(path.join(os.tmpdir(), "nines-migrations-"));
    try {
      await cp(MIGRATIONS_DIR, copy, { recursive: true });
      const before = (await readdir(copy)).sort();
      const result = await createMigration({ name: "probe", migrationsDir: copy, serverUrl: scratchServer(), log: quiet });
      expect(result.sql).toBe("");
      expect(result.name).toBeNull();
      expect((await readdir(copy)).sort()).toEqual(before);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
