// Everything `npm start` and `npm run dev` do before Next runs: environment, Prisma client,
// database (embedded unless DATABASE_URL is set), migrations, auth secret.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { startEmbedded } from "../db/embedded";
import { applyMigrations } from "../db/migrate";
import { DATA_DIR, EMBEDDED_PG_DIR, ROOT_DIR, SCHEMA_PATH } from "../db/paths";
import { redactUrl } from "../db/pg-url";
import type { Lifecycle } from "./lifecycle";

export const log = (message: string) => console.log(`[nines] ${message}`);

/** Load .env files the way Next does, so DATABASE_URL & co. in .env count here too. */
export function loadDotEnv(dev: boolean): void {
  const require = createRequire(import.meta.url);
  const { loadEnvConfig } = require("@next/env") as typeof import("@next/env");
  loadEnvConfig(ROOT_DIR, dev, { info: () => {}, error: console.error });
}

/** `lib/generated/prisma` is git-ignored: generate it when missing or older than the schema. */
function ensurePrismaClient(): void {
  const client = path.join(ROOT_DIR, "lib", "generated", "prisma", "client.ts");
  if (existsSync(client) && statSync(client).mtimeMs >= statSync(SCHEMA_PATH).mtimeMs) return;
  log("generating the Prisma client (npm run db:generate)");
  const result = spawnSync("npm", ["run", "--silent", "db:generate"], { cwd: ROOT_DIR, stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run db:generate failed");
}

export const AUTH_SECRET_FILE = path.join(DATA_DIR, "auth-secret");

/** NEXTAUTH_SECRET as the app would use it (the environment, else the kept one), or null. */
export async function existingAuthSecret(): Promise<string | null> {
  return process.env.NEXTAUTH_SECRET || (await readFile(AUTH_SECRET_FILE, "utf8").catch(() => "")).trim() || null;
}

/** A stable NEXTAUTH_SECRET: sessions must survive restarts, so it is generated once and kept. */
async function authSecret(): Promise<string> {
  const file = AUTH_SECRET_FILE;
  const existing = (await readFile(file, "utf8").catch(() => "")).trim();
  if (existing) return existing;
  const secret = randomBytes(32).toString("base64url");
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  log(`generated NEXTAUTH_SECRET, kept in ${path.relative(ROOT_DIR, file)}`);
  return secret;
}

/**
 * Prepare the environment for the Next child. Registers the database shutdown with `lifecycle`.
 * Returns undefined when a stop signal arrived meanwhile.
 */
export async function prepareApp(mode: "production" | "development", lifecycle: Lifecycle): Promise<NodeJS.ProcessEnv | undefined> {
  loadDotEnv(mode === "development");
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const port = process.env.PORT || "3000";

  ensurePrismaClient();

  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    log(`database: ${redactUrl(databaseUrl)} (DATABASE_URL)`);
  } else {
    await mkdir(DATA_DIR, { recursive: true });
    const db = await startEmbedded({
      dataDir: EMBEDDED_PG_DIR,
      logFile: path.join(DATA_DIR, "postgres.log"),
      ownProcessGroup: true, // Ctrl-C reaches Next first; we stop the database after it
      log: (message) => log(`embedded PostgreSQL: ${message}`),
    });
    lifecycle.onCleanup(async () => {
      log("stopping the embedded database");
      await db.stop();
    });
    databaseUrl = db.url;
    log(`database: embedded PostgreSQL in ${path.relative(ROOT_DIR, EMBEDDED_PG_DIR)} on port ${db.port}`);
  }
  if (lifecycle.stopping) return undefined;

  await applyMigrations(databaseUrl, { log });
  if (lifecycle.stopping) return undefined;

  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: port,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || (await authSecret()),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
  };
}

/**
 * The production server (scripts/serve.ts), run with this Node through tsx. A larger young
 * generation (128 MB semi-spaces instead of 16): an all-services summary allocates some 40 MB,
 * and with the default the collector ran three times per request, copying the query rows still
 * in use each time; with 128 MB it runs about once every three such requests. Memory is
 * committed as it is used, so a small organisation's server stays small.
 */
export function serverCli(): { command: string; args: string[] } {
  const require = createRequire(import.meta.url);
  return {
    command: process.execPath,
    args: ["--max-semi-space-size=128", "--import", require.resolve("tsx"), path.join(ROOT_DIR, "scripts", "serve.ts")],
  };
}

/** The Next CLI, run with this Node. */
export function nextCli(): { command: string; args: string[] } {
  const require = createRequire(import.meta.url);
  return { command: process.execPath, args: [require.resolve("next/dist/bin/next")] };
}

/** Run `main`, then always clean up and exit: 0 after a stop signal, else main's code. */
export function runMain(lifecycle: Lifecycle, main: () => Promise<number>): void {
  main()
    .catch((error: unknown) => {
      console.error(`[nines] ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    })
    .then(async (code) => {
      await lifecycle.cleanup();
      process.exit(lifecycle.stopping ? 0 : code);
    });
}
