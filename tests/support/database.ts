import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { withDatabase } from "../../scripts/db/pg-url";
import { onServer } from "./pg-server";

/**
 * Gives this test file a database of its own: a copy of the migrated database taken before any
 * file ran (global-setup.ts), so the file starts from an organisation nobody else has touched and
 * nothing it writes reaches another file. For files whose subject is the whole organisation (a
 * week's review counts every incident of the week) or that write at random everywhere (the fuzz
 * tests). Call it at the top of the file, before anything reads the database; each file runs in a
 * process of its own, so the app's connection pool opens on the copy. The global teardown drops it.
 */
let own = false;

/** Whether this file runs on a database of its own (then it shares no settings with anyone). */
export const hasOwnDatabase = () => own;

export async function ownDatabaseForFile(): Promise<string> {
  const shared = inject("databaseUrl");
  const template = inject("templateDatabase");
  const name = `${template.replace(/_template$/, "")}_own_${randomBytes(4).toString("hex")}`;
  await onServer(shared, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)} TEMPLATE ${c.escapeIdentifier(template)}`));
  process.env.DATABASE_URL = withDatabase(shared, name);
  own = true;
  return process.env.DATABASE_URL;
}
