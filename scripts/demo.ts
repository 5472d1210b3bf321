// `npm run demo`: fills an empty installation with the demo organisation (lib/server/demo), in the
// database `npm start` uses: DATABASE_URL (also from .env), else the embedded one in .data/pg,
// started for the moment or, while `npm start` runs, shared with it. Migrations are applied first,
// so it works before the first `npm start` too. `npm run demo -- --dry-run` only says what it
// would write; `--as-of=<instant>` fills it as if it were that instant (to reproduce a demo: the
// same instant gives the same organisation). An installation with services, incidents, risks or
// reviews is refused.
import path from "node:path";
import { startEmbedded, type EmbeddedDatabase } from "./db/embedded";
import { applyMigrations } from "./db/migrate";
import { DATA_DIR, EMBEDDED_PG_DIR } from "./db/paths";
import { redactUrl } from "./db/pg-url";
import { loadDotEnv, log } from "./lib/app-env";

async function main(): Promise<number> {
  const dryRun = process.argv.includes("--dry-run");
  const asOfArg = process.argv.find((a) => a.startsWith("--as-of="))?.slice("--as-of=".length);
  const asOf = asOfArg === undefined ? undefined : Date.parse(asOfArg);
  if (asOf !== undefined && (!Number.isFinite(asOf) || asOf > Date.now())) {
    console.error(`[nines] --as-of must be an instant in the past, such as 2026-11-25T12:00:00Z (got ${asOfArg})`);
    return 1;
  }
  loadDotEnv(false);
  let embedded: EmbeddedDatabase | null = null;
  let closePool = async () => {};
  let url = process.env.DATABASE_URL;
  if (url) log(`database: ${redactUrl(url)} (DATABASE_URL)`);
  else {
    embedded = await startEmbedded({ dataDir: EMBEDDED_PG_DIR, attach: true, logFile: path.join(DATA_DIR, "postgres.log"), log: (m) => log(`embedded PostgreSQL: ${m}`) });
    url = embedded.url;
    log(`database: embedded PostgreSQL in ${EMBEDDED_PG_DIR}`);
  }
  try {
    await applyMigrations(url, { log });
    process.env.DATABASE_URL = url;
    // A small organisation: its review figures are computed on this thread, no worker threads.
    process.env.NINES_FLEET_WORKERS ??= "0";
    const { describeContents, fillDemo, installationContents } = await import("../lib/server/demo");
    const { pool, prisma } = await import("../lib/server/db");
    closePool = () => pool().end(); // before the embedded database stops under it
    const held = describeContents(await installationContents());
    if (dryRun) {
      const { demoPlan } = await import("../lib/server/demo/plan");
      log(`would write: ${demoPlan()}`);
      log(held ? `but this installation is not empty (${held}): it would refuse` : "this installation is empty: it would fill it");
      return held ? 1 : 0;
    }
    if (held) {
      console.error(`[nines] This installation is not empty (${held}): the demo organisation only fills an empty one. Use a fresh database: another NINES_DATA_DIR, or a new database in DATABASE_URL.`);
      return 1;
    }
    log("filling the demo organisation…");
    const result = await fillDemo({ requestedBy: null, now: asOf, log: (line) => log(`  ${line}`) });
    log(`done in ${(result.milliseconds / 1000).toFixed(1)} s`);
    const people = await prisma.user.count();
    log(people === 0 ? "next: `npm start`, open http://localhost:3000 and create your admin account on the setup page" : "sign in to Nines to see it");
    return 0;
  } finally {
    await closePool();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[nines] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
