// The built app under a database that stops and one that stalls (SIGSTOP), run by e2e/run.ts
// after the browser tests. Checks what people and scripts meet meanwhile: 503 with Retry-After
// from the API, a 503 page, /api/ready within 2 s, every answer within its bound; then recovery
// without a restart, and nothing that was acknowledged with a 2xx lost.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startEmbedded, type EmbeddedDatabase } from "../scripts/db/embedded";
import { applyMigrations } from "../scripts/db/migrate";
import { isMain } from "../scripts/lib/is-main";

const ROOT = path.resolve(import.meta.dirname, "..");
// Short bounds, set the way an operator would, so the stalled case answers quickly.
const CONNECT_MS = 2000;
const STATEMENT_MS = 3000;
/** The longest any request may take while the database stalls: connect, or statement + 1 s. */
const STALL_BOUND_MS = Math.max(CONNECT_MS, STATEMENT_MS + 1000) + 1500;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

type Check = (ok: boolean, what: string) => void;
type Timed = { status: number; ms: number; body: string; retryAfter: string | null };

export async function outageChecks(check: Check): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), "nines-outage-"));
  await chmod(root, 0o755);
  const dataDir = path.join(root, "pg");
  const pgPort = await freePort();
  const appPort = await freePort();
  const base = `http://127.0.0.1:${appPort}`;
  const token = `nines_outage_${randomBytes(18).toString("base64url")}`;
  // Held in an object: TypeScript does not follow assignments made inside the closures below.
  const state: { db: EmbeddedDatabase | null } = { db: null };
  let app: ChildProcess | null = null;
  let paused: number[] = [];

  const startDb = async () => (state.db = await startEmbedded({ dataDir, port: pgPort, database: "nines" }));
  const request = async (route: string, init: RequestInit = {}, auth = true): Promise<Timed> => {
    const started = performance.now();
    const headers = { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${token}` } : {}) };
    const res = await fetch(`${base}${route}`, { ...init, headers });
    const body = await res.text();
    return { status: res.status, ms: performance.now() - started, body, retryAfter: res.headers.get("retry-after") };
  };
  const page = (route: string) => request(route, {}, false);
  const waitFor = async (what: string, ok: () => Promise<boolean>, ms = 30_000) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await ok().catch(() => false)) return true;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`outage check: ${what} did not happen within ${ms / 1000} s`);
  };
  const acknowledged: string[] = [];
  const createService = async () => {
    const slug = `outage-${randomBytes(4).toString("hex")}`;
    const res = await request("/api/v1/services", { method: "POST", body: JSON.stringify({ slug, name: slug, tier: 1 }) });
    if (res.status === 201) acknowledged.push(slug);
    return res;
  };
  const allAcknowledgedThere = async () => {
    const res = await request("/api/v1/services");
    const slugs = new Set((JSON.parse(res.body).services as { slug: string }[]).map((s) => s.slug));
    return res.status === 200 && acknowledged.every((s) => slugs.has(s));
  };

  try {
    const { url } = await startDb();
    await applyMigrations(url);
    app = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "-p", String(appPort), "-H", "127.0.0.1"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: base,
        BOOTSTRAP_ADMIN_EMAIL: "outage@example.test",
        BOOTSTRAP_ADMIN_PASSWORD: "a long enough password",
        BOOTSTRAP_API_TOKEN: token,
        DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_MS),
        DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
        NINES_FLEET_WORKERS: "0",
      },
    });
    await waitFor("the app answering /api/ready", async () => (await fetch(`${base}/api/ready`)).ok, 60_000);
    await waitFor("the bootstrap token working", async () => (await request("/api/v1/me")).status === 200);
    for (let i = 0; i < 3; i++) check((await createService()).status === 201, "before the outage, writes are acknowledged");
    // The status page, published and read once, so there is a snapshot to keep.
    const settings = JSON.parse((await request("/api/v1/status-page")).body) as { version: number };
    const published = await request("/api/v1/status-page", { method: "PATCH", body: JSON.stringify({ enabled: true, title: "Outage status", components: [{ name: "Everything", services: acknowledged.slice(0, 1) }], version: settings.version }) });
    check(published.status === 200, "before the outage, the status page is published");
    check((await page("/status")).status === 200 && (await page("/status.json")).status === 200, "before the outage, /status and /status.json answer");
    const statusKept = async (what: string) => {
      const [html, json] = await Promise.all([page("/status"), page("/status.json")]);
      check(html.status === 200 && html.body.includes("Outage status") && html.body.includes("the last status we published") && html.ms < STALL_BOUND_MS, `${what}: /status shows the last snapshot, and says so (${Math.round(html.ms)} ms)`);
      check(json.status === 200 && (JSON.parse(json.body) as { title: string }).title === "Outage status" && json.ms < STALL_BOUND_MS, `${what}: /status.json answers with the last snapshot (${Math.round(json.ms)} ms)`);
    };

    // 1. The database stops.
    await state.db?.stop();
    const ready = await page("/api/ready");
    check(ready.status === 503 && ready.ms < 2000, `database stopped: /api/ready answers 503 within 2 s (${Math.round(ready.ms)} ms)`);
    for (const route of ["/api/v1/services", "/api/v1/availability"]) {
      const res = await request(route);
      check(res.status === 503 && JSON.parse(res.body).error === "unavailable" && res.retryAfter !== null && res.ms < 2000, `database stopped: GET ${route} answers 503 unavailable with Retry-After (${Math.round(res.ms)} ms)`);
    }
    const write = await createService();
    check(write.status === 503, "database stopped: a write answers 503, not 500");
    const screen = await page("/services");
    check(screen.status === 503 && /database is unavailable, retrying/.test(screen.body) && screen.ms < 2000, `database stopped: a page is the calm 503 page (${Math.round(screen.ms)} ms)`);
    await statusKept("database stopped");

    // 2. It comes back: no restart of the app.
    await startDb();
    await waitFor("recovery after the database restarted", async () => (await page("/api/ready")).status === 200);
    check((await createService()).status === 201, "database back: writes are acknowledged again, the app never restarted");
    check(await allAcknowledgedThere(), "database back: every write acknowledged before the outage is there");

    // 3. The database stalls: its processes are paused, connections open but silent.
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const children = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map(Number);
    paused = [pid, ...children];
    for (const p of paused) process.kill(p, "SIGSTOP");
    const stalledReady = await page("/api/ready");
    check(stalledReady.status === 503 && stalledReady.ms < 2000, `database stalled: /api/ready answers 503 within 2 s (${Math.round(stalledReady.ms)} ms)`);
    const [stalledRead, stalledWrite, stalledPage] = await Promise.all([request("/api/v1/services"), createService(), page("/services")]);
    check(stalledRead.status === 503 && stalledRead.retryAfter !== null && stalledRead.ms < STALL_BOUND_MS, `database stalled: a read answers 503 within its bound (${Math.round(stalledRead.ms)} ms < ${STALL_BOUND_MS} ms)`);
    check(stalledWrite.status === 503 && stalledWrite.ms < STALL_BOUND_MS, `database stalled: a write answers 503 within its bound (${Math.round(stalledWrite.ms)} ms)`);
    check(stalledPage.status === 503 && stalledPage.ms < 2000, `database stalled: a page is the 503 page within 2 s (${Math.round(stalledPage.ms)} ms)`);
    await statusKept("database stalled");
    for (const p of paused) process.kill(p, "SIGCONT");
    paused = [];
    await waitFor("recovery after the stall", async () => (await request("/api/v1/services")).status === 200);
    check((await createService()).status === 201, "stall over: writes are acknowledged again without a restart");
    check(await allAcknowledgedThere(), "stall over: every acknowledged write is there");
  } finally {
    for (const p of paused) process.kill(p, "SIGCONT");
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app?.once("exit", r));
      app.kill("SIGTERM");
      await exited;
    }
    await state.db?.stop();
    await rm(root, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  outageChecks((ok, what) => {
    console.log(`${ok ? "✓" : "✗"} ${what}`);
    if (!ok) process.exitCode = 1;
  }).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
