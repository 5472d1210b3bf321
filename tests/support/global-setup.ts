import type { TestProject } from "vitest/node";
import { startThrowawayDatabase } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** A throwaway PostgreSQL (or a fresh database on TEST_DATABASE_URL), migrated, never .data/. */
export default async function setup(project: TestProject) {
  const db = await startThrowawayDatabase();
  await applyMigrations(db.url);
  project.provide("databaseUrl", db.url);
  return async () => {
    await db.stop();
  };
}
