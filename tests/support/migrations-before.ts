// A throwaway database and the migrations up to (not including) one: a migration's test applies
// those, writes rows as they were, then applies every migration and checks what it made of them.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { startThrowawayDatabase, type EmbeddedDatabase } from "../../scripts/db/embedded";
import { MIGRATIONS_DIR } from "../../scripts/db/paths";

/** Registers the file's beforeAll/afterAll; read `db` and `before` (a migrations folder) inside tests. */
export function migrationsBefore(migration: string): { readonly db: EmbeddedDatabase; readonly before: string } {
  const state = {} as { db: EmbeddedDatabase; before: string };
  beforeAll(async () => {
    let server: string | undefined;
    try {
      server = inject("databaseUrl") || undefined;
    } catch {
      server = undefined;
    }
    state.db = await startThrowawayDatabase({ serverUrl: server });
    state.before = await mkdtemp(path.join(os.tmpdir(), "nines-migrations-"));
    for (const name of await readdir(MIGRATIONS_DIR)) {
      if (name === "migration_lock.toml" || name < migration) await cp(path.join(MIGRATIONS_DIR, name), path.join(state.before, name), { recursive: true });
    }
  }, 120_000);
  afterAll(async () => {
    await state.db?.stop();
    if (state.before) await rm(state.before, { recursive: true, force: true });
  });
  return state;
}
