// npm run test:e2e: the app exactly as `npm start` runs it (scripts/start.ts: embedded
// PostgreSQL, migrations, build when stale, next start), but with its data in a temporary folder
// (never .data/), then Playwright in Debian's Chromium. Beside it, the same build on two more
// installations of their own: one for the read lane's specs (e2e/lanes.ts), one for
// e2e/demo.spec.ts (the setup page's demo organisation). Afterwards it
// stops the app with Ctrl-C, starts it again on the same data and checks that nothing was lost;
// then the database outage checks of e2e/outage.ts; last, two processes of the same build behind a
// round-robin proxy on one PostgreSQL (e2e/multi-process.ts).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startThrowawayDatabase, type EmbeddedDatabase } from "../scripts/db/embedded";
import { ensureTools } from "../scripts/tools/ensure";
import { toolsFor } from "../scripts/tools/required";
import { READ_LANE_SPECS } from "./lanes";
import { multiProcessChecks } from "./multi-process";
import { outageChecks } from "./outage";

const ROOT = path.resolve(import.meta.dirname, "..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function startApp(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
}

// E2E_READY_SECONDS: a busy machine (other builds beside this one) may need longer than 5 minutes to build.
async function waitForReady(url: string, app: ChildProcess, timeoutMs = Number(process.env.E2E_READY_SECONDS ?? 300) * 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with code ${app.exitCode} before it was ready`);
    try {
      if ((await fetch(`${url}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the app was not ready at ${url} within ${timeoutMs / 1000}s`);
}

async function stop(app: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (app.exitCode !== null) return app.exitCode;
  const exited = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));
  app.kill(signal);
  const timer = setTimeout(() => app.kill("SIGKILL"), 30_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

/**
 * The installations' servers share two CPUs with three browsers' worth of tests, the integration
 * tests, lint and the unit tests: opening a connection to PostgreSQL there took longer than the
 * app's 3 s (lib/server/db.ts), and a page showed its error instead of its data. They wait longer;
 * the outage checks (outage.ts) set the timeouts they test themselves.
 */
const BUSY_MACHINE_TIMEOUTS = { DATABASE_CONNECT_TIMEOUT_MS: process.env.DATABASE_CONNECT_TIMEOUT_MS ?? "15000" };

/**
 * The same build on an installation of its own, with no admin yet: for the demo organisation
 * check (nothing in the background: a small organisation that needs none of it), or for the read
 * lane (set up like the app's, by its setup page, with the same API token, and probes running:
 * e2e/charts-read.spec.ts waits for a probe's runs). Started once the first app is ready, so that
 * only one of them builds.
 */
async function startInstallation(lane: "demo" | "read", adminToken: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `nines-e2e-${lane}-`));
  await chmod(dataDir, 0o755);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NINES_DATA_DIR: dataDir,
    NINES_PG_PORT: String(await freePort()),
    PORT: String(port),
    NEXTAUTH_URL: url,
    // Nor the notifications' delivery and evaluator: the browser tests send their test messages
    // themselves (the send-test button), and a minute's evaluation of every SLO of the test
    // organisation is load they do not need (the integration tests run both, in processes of their own).
    NINES_NOTIFICATIONS: "off",
    // Policy states move when a test asks (POST /api/v1/budget-policy/evaluate), not once a minute under other tests.
    NINES_POLICY_EVALUATOR: "off",
    ...BUSY_MACHINE_TIMEOUTS,
  };
  for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "BOOTSTRAP_API_TOKEN", "BOOTSTRAP_ADMIN_EMAIL", "BOOTSTRAP_ADMIN_PASSWORD"]) delete env[name];
  if (lane === "demo") {
    env.NINES_FLEET_WORKERS = "0";
    env.NINES_PROBES = "off";
  } else {
    env.BOOTSTRAP_API_TOKEN = adminToken;
  }
  const external = process.env.TEST_DATABASE_URL ? await startThrowawayDatabase() : null;
  if (external) env.DATABASE_URL = external.url;
  const app = startApp(env);
  const stopAll = async () => {
    await stop(app, "SIGTERM");
    await external?.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForReady(url, app);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { url, stop: stopAll };
}

/**
 * Whether a Playwright file filter given on the command line (a regular expression over the
 * file's path, maybe with :line) takes in one of these specs; no filter takes in every spec.
 */
function selects(filters: readonly string[], specs: readonly string[]): boolean {
  if (filters.length === 0) return true;
  return filters.some((filter) => {
    const bare = filter.replace(/(:\d+){1,2}$/, "");
    return specs.some((spec) => {
      try {
        return new RegExp(bare).test(path.join(ROOT, "e2e", spec));
      } catch {
        return spec.includes(bare);
      }
    });
  });
}

function check(ok: boolean, what: string): void {
  console.log(`${ok ? "✓" : "✗"} ${what}`);
  if (!ok) throw new Error(`restart check failed: ${what}`);
}

async function main(): Promise<number> {
  // Chromium first: missing, it would fail every browser test only after the build.
  const missingTool = ensureTools(toolsFor("browser"));
  if (missingTool) {
    console.error(`[tools] ${missingTool}`);
    return 1;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "nines-e2e-"));
  // mkdtemp makes it 0700; as root, PostgreSQL runs as "postgres" and must be able to enter it.
  await chmod(dataDir, 0o755);
  let external: EmbeddedDatabase | null = null;
  let app: ChildProcess | null = null;
  let lanes: { url: string; stop: () => Promise<void> }[] = [];
  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const adminToken = `nines_e2e_${randomBytes(18).toString("base64url")}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NINES_DATA_DIR: dataDir,
      NINES_PG_PORT: String(await freePort()),
      PORT: String(port),
      NEXTAUTH_URL: baseUrl,
      BOOTSTRAP_API_TOKEN: adminToken,
      // Policy states move when a test asks (POST /api/v1/budget-policy/evaluate), not once a
      // minute over every test's services.
      NINES_POLICY_EVALUATOR: "off",
      ...BUSY_MACHINE_TIMEOUTS,
    };
    delete env.DATABASE_URL;
    delete env.NEXTAUTH_SECRET;
    if (process.env.TEST_DATABASE_URL) {
      external = await startThrowawayDatabase();
      env.DATABASE_URL = external.url;
    }

    app = startApp(env);
    await waitForReady(baseUrl, app);
    const files = process.argv.slice(2);
    // The other lanes' installations, only when their specs (or their setups) are among the files
    // run, both at once.
    const wanted = { read: selects(files, ["setup.spec.ts", ...READ_LANE_SPECS]), demo: selects(files, ["demo-setup.spec.ts", "demo.spec.ts"]) };
    const started = await Promise.allSettled([wanted.read ? startInstallation("read", adminToken) : null, wanted.demo ? startInstallation("demo", adminToken) : null]);
    lanes = started.flatMap((s) => (s.status === "fulfilled" && s.value ? [s.value] : []));
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;
    const [read, demo] = started.map((s) => (s.status === "fulfilled" ? s.value : null));
    const run = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@playwright/test/cli.js"), "test", ...files], {
      cwd: ROOT,
      stdio: "inherit",
      env: {
        ...process.env,
        E2E_BASE_URL: baseUrl,
        E2E_ADMIN_TOKEN: adminToken,
        ...(read ? { E2E_READ_BASE_URL: read.url } : {}),
        ...(demo ? { E2E_DEMO_BASE_URL: demo.url } : {}),
      },
    });
    await Promise.all(lanes.map((lane) => lane.stop()));
    lanes = [];
    if (run.status !== 0) return run.status ?? 1;

    // Ctrl-C, then a second start on the same data: the admin, the token and the data remain.
    const kept = `kept-${randomBytes(4).toString("hex")}`;
    const write = await fetch(`${baseUrl}/api/v1/services`, {
      method: "POST",
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ slug: kept, name: "Kept across a restart", tier: 1 }),
    });
    check(write.status === 201, "before the restart, a service is written");
    check((await stop(app, "SIGINT")) === 0, "Ctrl-C stops the app and the database with exit code 0");
    check(!existsSync(path.join(dataDir, "pg", "postmaster.pid")), "no PostgreSQL left running after Ctrl-C");
    app = startApp(env);
    await waitForReady(baseUrl, app);
    const services = await fetch(`${baseUrl}/api/v1/services`, { headers: { authorization: `Bearer ${adminToken}` } });
    const body = (await services.json()) as { services?: { slug: string }[] };
    check(services.status === 200 && (body.services ?? []).some((svc) => svc.slug === kept), "after a restart the service written before it is still there");
    const setup = await fetch(`${baseUrl}/api/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Intruder", email: "late@example.test", password: "a long enough password" }),
    });
    check(setup.status === 409, "after a restart setup stays closed (the admin still exists)");
    check((await stop(app, "SIGTERM")) === 0, "SIGTERM stops the app with exit code 0");
    app = null;

    // The same build under a database that stops, comes back and stalls.
    await outageChecks(check);
    // Two processes behind a round-robin proxy: sessions, limits, schedulers, live pages and caches as with one.
    await multiProcessChecks(check);
    return 0;
  } finally {
    await Promise.all(lanes.map((lane) => lane.stop()));
    if (app) await stop(app, "SIGTERM");
    await external?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
