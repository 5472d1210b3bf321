// `npm run backup [-- --out=<file>]`: a consistent copy of the whole database, taken while Nines
// runs (scripts/db/backup.ts), into backups/nines-<instant>.jsonl.gz unless --out says where.
// The database is the one `npm start` uses: DATABASE_URL (also from .env), else the embedded one
// in .data/pg, shared with a running `npm start` or started for the moment.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { startEmbedded, type EmbeddedDatabase } from "./db/embedded";
import { backupDatabase } from "./db/backup";
import { DATA_DIR, EMBEDDED_PG_DIR, ROOT_DIR } from "./db/paths";
import { redactUrl } from "./db/pg-url";
import { AUTH_SECRET_FILE, existingAuthSecret, loadDotEnv, log } from "./lib/app-env";

const shown = (file: string) => (path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file));

async function main(): Promise<number> {
  loadDotEnv(false);
  const out = process.argv.find((a) => a.startsWith("--out="))?.slice("--out=".length) ?? path.join(ROOT_DIR, "backups", `nines-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl.gz`);
  const secret = await existingAuthSecret();
  if (!secret) {
    console.error("[nines] No NEXTAUTH_SECRET here (neither set nor kept in .data/auth-secret): run the backup where Nines runs, with its environment.");
    return 1;
  }
  let embedded: EmbeddedDatabase | null = null;
  let url = process.env.DATABASE_URL;
  if (url) log(`database: ${redactUrl(url)} (DATABASE_URL)`);
  else {
    embedded = await startEmbedded({ dataDir: EMBEDDED_PG_DIR, attach: true, logFile: path.join(DATA_DIR, "postgres.log"), log: (m) => log(`embedded PostgreSQL: ${m}`) });
    url = embedded.url;
    log(`database: embedded PostgreSQL in ${EMBEDDED_PG_DIR}`);
  }
  try {
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    const result = await backupDatabase(url, path.resolve(out), { secret });
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    log(`backed up ${total.toLocaleString("en")} rows of ${Object.keys(result.rows).length} tables in ${(result.milliseconds / 1000).toFixed(1)} s: ${shown(result.file)} (${(result.bytes / 1e6).toFixed(1)} MB)`);
    log(`keep it away from this machine; restoring it needs this installation's NEXTAUTH_SECRET (${process.env.NEXTAUTH_SECRET ? "as set in its environment" : shown(AUTH_SECRET_FILE)})`);
    return 0;
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[nines] backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
