// `npm run restore <file>`: brings a backup made by `npm run backup` back into an empty
// installation (scripts/db/backup.ts): migrations applied first, then every row in one
// transaction, or nothing. Refused, saying why, when the installation holds data, when its schema
// is not the backup's, or when NEXTAUTH_SECRET is not the one that sealed the backup's secrets.
import { readFile, rename, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { startEmbedded, type EmbeddedDatabase } from "./db/embedded";
import { preflightRestore, readBackupHeader, RestoreRefused, restoreDatabase } from "./db/backup";
import { applyMigrations } from "./db/migrate";
import { DATA_DIR, EMBEDDED_PG_DIR } from "./db/paths";
import { redactUrl } from "./db/pg-url";
import { AUTH_SECRET_FILE, existingAuthSecret, loadDotEnv, log } from "./lib/app-env";

async function main(): Promise<number> {
  loadDotEnv(false);
  const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("[nines] usage: npm run restore <backup file>");
    return 1;
  }
  const header = await readBackupHeader(path.resolve(file));
  log(`backup of ${header.createdAt}: ${header.tables.length} tables, schema ${header.migrations.at(-1)}, key ${header.key}`);
  const secret = await existingAuthSecret();
  let embedded: EmbeddedDatabase | null = null;
  let url = process.env.DATABASE_URL;
  if (url) log(`database: ${redactUrl(url)} (DATABASE_URL)`);
  else {
    embedded = await startEmbedded({ dataDir: EMBEDDED_PG_DIR, attach: true, logFile: path.join(DATA_DIR, "postgres.log"), log: (m) => log(`embedded PostgreSQL: ${m}`) });
    url = embedded.url;
    log(`database: embedded PostgreSQL in ${EMBEDDED_PG_DIR}`);
  }
  try {
    // Refused before anything is written, migrations included.
    await preflightRestore(url, path.resolve(file), secret);
    await applyMigrations(url, { log });
    const result = await restoreDatabase(url, path.resolve(file), { secret });
    // The secret that opens the restored secrets is the one `npm start` must use from now on: an
    // installation started once already has a secret of its own kept, which would open nothing.
    if (secret && process.env.NEXTAUTH_SECRET && !process.env.DATABASE_URL) {
      const kept = existsSync(AUTH_SECRET_FILE) ? (await readFile(AUTH_SECRET_FILE, "utf8")).trim() : null;
      if (kept !== secret) {
        if (kept !== null) await rename(AUTH_SECRET_FILE, `${AUTH_SECRET_FILE}.before-restore`);
        await writeFile(AUTH_SECRET_FILE, `${secret}\n`, { mode: 0o600 });
        log(`kept NEXTAUTH_SECRET in ${AUTH_SECRET_FILE} for npm start${kept !== null ? ` (the one it replaced is in ${AUTH_SECRET_FILE}.before-restore)` : ""}`);
      }
    } else if (secret && process.env.NEXTAUTH_SECRET) {
      log("start Nines with this same NEXTAUTH_SECRET: the restored secrets open only with it");
    }
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    log(`restored ${total.toLocaleString("en")} rows of ${Object.keys(result.rows).length} tables in ${(result.milliseconds / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[nines] ${error instanceof RestoreRefused ? "restore refused" : "restore failed"}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
