// Two app processes of one build on one PostgreSQL, behind a round-robin proxy (issue 22, part 4),
// run by e2e/run.ts after the outage checks. Each behaviour is checked where a per-process
// implementation would show: through the proxy and on each process directly.
//   - sessions: a sign-in through the proxy works on both processes; a sign-out on one ends it on both;
//   - sign-in limits: failures sent to both processes count together and hit the limit together;
//   - probes: each runs once per interval in total (runs counted at a local target over 28 s);
//   - SLO ingestion: a Prometheus SLO's first reading happens once (a local fake Prometheus counts it);
//   - notifications: each incident's webhook message is delivered exactly once;
//   - live incident page: a page open on process A shows a change made through process B, without a reload;
//   - caches: the all-services figures (/metrics) computed on A are served by B, and a write through
//     B makes A's new; the status page's cached snapshot on A shows an incident declared through B at once.
// With MULTI_PROCESS_PGBOUNCER=<path of a pgbouncer binary>, the apps reach PostgreSQL through
// PgBouncer in transaction mode (MULTI_PROCESS_PGBOUNCER_MODE=session: session mode; e2e/pgbouncer.ts);
// migrations go to PostgreSQL directly. Not part of npm test: what it showed is in the README.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium } from "@playwright/test";
import { SERVICE_SLO_NAME } from "../lib/domain/slo";
import { startThrowawayDatabase, type EmbeddedDatabase } from "../scripts/db/embedded";
import { applyMigrations } from "../scripts/db/migrate";
import { isMain } from "../scripts/lib/is-main";
import { httpReceiver, type HttpReceiver } from "../tests/support/receivers";
import { startPgBouncer, type PgBouncer } from "./pgbouncer";
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy";

const ROOT = path.resolve(import.meta.dirname, "..");
const PROBE_INTERVAL_S = 10; // the smallest interval a probe may have
/**
 * Probes counted from their creation for this long: runs due at 0, 10 and 20 s, whatever the number
 * of processes (the 20 s run may start up to 8 s late on a busy machine; the next is due at 30 s).
 */
const PROBE_WINDOW_MS = 28_000;
const PROBES = 3;
const ADMIN = { email: "multi@example.test", password: "a long enough password" };

type Check = (ok: boolean, what: string) => void;
type Answer = { status: number; body: any; headers: Headers };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const srv = http.createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** How long until `ok` held (ms), or null if it did not within `ms`. */
async function within(ms: number, ok: () => Promise<boolean>, everyMs = 200): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await ok().catch(() => false)) return Date.now() - started;
    await sleep(everyMs);
  }
  return null;
}

/** Waits for what the checks need to begin; not happening ends the run. */
async function waitFor(what: string, ok: () => Promise<boolean>, ms: number, everyMs = 200): Promise<void> {
  if ((await within(ms, ok, everyMs)) === null) throw new Error(`multi-process check: ${what} did not happen within ${ms / 1000} s`);
}

/** An HTTP server that counts the requests per path (the probes' target). */
async function countingServer(answer: (req: http.IncomingMessage) => { status: number; body: string } = () => ({ status: 200, body: "ok" })) {
  const hits = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const key = url.pathname === "/api/v1/query_range" ? `query_range:${url.searchParams.get("query")}` : url.pathname;
    hits.set(key, [...(hits.get(key) ?? []), Date.now()]);
    const { status, body } = answer(req);
    res.writeHead(status, { "content-type": "application/json" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: (key: string) => hits.get(key) ?? [],
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Enough of Prometheus's HTTP API for a threshold SLO: it answers, and holds no data. */
const fakePrometheus = () =>
  countingServer((req) => {
    const p = new URL(req.url ?? "/", "http://x").pathname;
    if (p === "/api/v1/query_range") return { status: 200, body: JSON.stringify({ status: "success", data: { resultType: "matrix", result: [] } }) };
    if (p === "/api/v1/query") return { status: 200, body: JSON.stringify({ status: "success", data: { resultType: "vector", result: [] } }) };
    return { status: 200, body: JSON.stringify({ status: "success", data: { version: "2.42.0" } }) };
  });

export async function multiProcessChecks(check: Check, opts: { pgbouncer?: string; poolMode?: "transaction" | "session" } = {}): Promise<void> {
  const token = `nines_multi_${randomBytes(18).toString("base64url")}`;
  const apps: ChildProcess[] = [];
  let db: EmbeddedDatabase | null = null;
  let bouncer: PgBouncer | null = null;
  let proxy: RoundRobinProxy | null = null;
  let receiver: HttpReceiver | null = null;
  const servers: { close: () => Promise<void> }[] = [];
  const browser = { close: async () => {} };
  const started = Date.now();

  try {
    db = await startThrowawayDatabase();
    await applyMigrations(db.url, { log: () => {} });
    if (opts.pgbouncer) {
      bouncer = await startPgBouncer(opts.pgbouncer, db.url, { poolMode: opts.poolMode });
      console.log(`[multi-process] through PgBouncer (${opts.poolMode ?? "transaction"} mode): ${bouncer.timeouts}`);
    }
    const ports = [await freePort(), await freePort()];
    const direct = ports.map((p) => `http://127.0.0.1:${p}`) as [string, string];
    proxy = await startRoundRobinProxy(direct);
    const viaProxy = proxy.url;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: bouncer?.url ?? db.url,
      // What every process of one installation shares: the secret and the public URL (the proxy's).
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: viaProxy,
      NINES_TRUST_PROXY: "1",
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      BOOTSTRAP_API_TOKEN: token,
      NINES_FLEET_WORKERS: "0",
      // Every scheduler runs in both processes (the point of the check).
      NINES_PROBES: "on",
      NINES_SLO_INGEST: "on",
      NINES_NOTIFICATIONS: "on",
    };
    // Both at once: their first-run work (the bootstrap admin and token) races as it would in production.
    for (const port of ports) {
      apps.push(spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "-p", String(port), "-H", "127.0.0.1"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env }));
    }
    const [A, B] = direct;
    const call = async (base: string, method: string, route: string, body?: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }): Promise<Answer> => {
      const res = await fetch(`${base}${route}`, { method, headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // a page, not JSON
      }
      return { status: res.status, body: parsed, headers: res.headers };
    };
    const made = async (base: string, route: string, body: unknown): Promise<any> => {
      const res = await call(base, "POST", route, body);
      if (res.status !== 201) throw new Error(`POST ${route} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    for (const base of direct) {
      await waitFor(`the app at ${base} answering /api/ready`, async () => (await fetch(`${base}/api/ready`)).ok, 90_000, 300);
      await waitFor(`the bootstrap token working at ${base}`, async () => (await call(base, "GET", "/api/v1/me")).status === 200, 15_000);
    }
    console.log(`[multi-process] two processes ready in ${((Date.now() - started) / 1000).toFixed(1)} s${bouncer ? ` (through PgBouncer, ${opts.poolMode ?? "transaction"} mode)` : ""}`);

    const health = [await call(viaProxy, "GET", "/api/health"), await call(viaProxy, "GET", "/api/health")];
    check(health.every((h) => h.status === 200) && new Set(health.map((h) => h.headers.get("x-test-backend"))).size === 2, "the proxy sends requests to each process in turn");

    // What takes time first: probes, a Prometheus SLO, a webhook channel, the status page.
    const target = await countingServer();
    const prometheus = await fakePrometheus();
    receiver = await httpReceiver();
    servers.push(target, prometheus);
    const slug = `multi-${randomBytes(3).toString("hex")}`;
    await made(viaProxy, "/api/v1/services", { slug, name: `Multi ${slug}`, tier: 1 });
    const probes: { id: string; path: string; createdAt: number }[] = [];
    for (let i = 0; i < PROBES; i++) {
      const probePath = `/probe-${i}`;
      const probe = await made(viaProxy, `/api/v1/services/${slug}/probes`, { url: `${target.url}${probePath}`, intervalSeconds: PROBE_INTERVAL_S, timeoutSeconds: 2 });
      probes.push({ id: probe.id as string, path: probePath, createdAt: Date.now() });
    }
    const datasource = await made(viaProxy, "/api/v1/datasources", { name: `prom-${slug}`, type: "prometheus", url: prometheus.url });
    const query = `sum(up{job="${slug}"})`;
    const slo = await made(viaProxy, `/api/v1/services/${slug}/slos`, { name: "up", target: 0.99, sli: { source: "prometheus", datasource: datasource.id, kind: "threshold", query, op: "gte", threshold: 1 } });
    const sloCreatedAt = Date.now();
    const channel = await made(viaProxy, "/api/v1/notification-channels", { name: `hook-${slug}`, type: "webhook", audience: "internal", url: receiver.url(`/${slug}`) });
    await made(viaProxy, "/api/v1/subscriptions", { events: ["incident.declared"], services: [slug], channels: [channel.id] });
    const statusPage = await call(viaProxy, "GET", "/api/v1/status-page");
    const published = await call(viaProxy, "PATCH", "/api/v1/status-page", { enabled: true, title: "Multi status", components: [{ name: "Everything", services: [slug] }], version: statusPage.body.version });
    check(published.status === 200, "the status page is published");

    // The status page's snapshot: each process builds and caches its own; a change through B must reach A's.
    const statusOn = async (base: string) => (await call(base, "GET", "/status.json", undefined, {})).body as { generatedAt: string; ongoing: { title: string }[] };
    // Read until each serves its snapshot from its cache: the same one twice (its listener is connected).
    for (const base of direct) {
      let last = "";
      await waitFor(`${base} serving the status page from its cache`, async () => {
        const s = await statusOn(base);
        const same = s.generatedAt === last && s.ongoing.length === 0;
        last = s.generatedAt;
        return same;
      }, 10_000, 100);
    }
    check(true, "before any incident, both processes serve a cached status snapshot without one");
    // The all-services figures behind /metrics and the overview: computed by one process, shared by both.
    const metricsOn = async (base: string) => {
      const text = String((await call(base, "GET", "/metrics")).body);
      const value = (name: string) => Number(text.split("\n").find((l) => l.startsWith(name) && (name === "nines_figures_age_seconds" || l.includes(`service="${slug}"`) && l.includes(`slo="${SERVICE_SLO_NAME}"`)))?.split(" ").pop());
      return { age: value("nines_figures_age_seconds"), consumed: value("nines_error_budget_consumed_seconds{") };
    };
    const first = await metricsOn(A);
    await sleep(1500);
    const shared = await metricsOn(B);
    check(first.consumed === 0 && shared.consumed === 0 && shared.age >= 1, `B serves the figures A computed 1.5 s before (figures ${shared.age.toFixed(1)} s old on B), not its own`);
    const declare = (base: string, title: string) => made(base, "/api/v1/incidents", { title, publicTitle: title, severity: "SEV2", startedAt: new Date().toISOString(), impacts: [{ service: slug }] });
    const onB = await declare(B, `Declared on B ${slug}`);
    const seenAfter = await within(10_000, async () => (await statusOn(A)).ongoing.some((i) => i.title === onB.title), 100);
    check(seenAfter !== null && seenAfter < 3000, `A's cached status page shows an incident declared through B after ${seenAfter ?? "more than 10 000"} ms (PostgreSQL's notification; the cache's own limit is a minute)`);
    const after = await metricsOn(A);
    check(after.consumed > 0 && after.age < 1, `after an incident declared through B, A's figures are new (${after.age.toFixed(1)} s old) and count it (${after.consumed.toFixed(1)} s of budget spent)`);
    const incidents = [onB, await declare(A, `Declared on A ${slug}`), await declare(viaProxy, `Declared through the proxy ${slug}`)];

    // Sessions: signed in through the proxy, known to both processes; signed out on one, gone on both.
    const signIn = async (base: string, email: string, password: string) => {
      const csrf = await fetch(`${base}/api/auth/csrf`);
      const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const res = await fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
        body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/", json: "true" }),
        redirect: "manual",
      });
      const session = res.headers.getSetCookie().find((c) => c.includes("session-token="))?.split(";")[0];
      return { status: res.status, csrfToken, cookie: session ? [...jar, session].join("; ") : null, session: session ?? null };
    };
    const me = async (base: string, cookie: string) => (await call(base, "GET", "/api/v1/me", undefined, { cookie })).status;
    const signedIn = await signIn(viaProxy, ADMIN.email, ADMIN.password);
    check(signedIn.status === 200 && signedIn.cookie !== null, "signing in through the proxy opens a session");
    const cookie = signedIn.cookie as string;
    check((await me(A, cookie)) === 200 && (await me(B, cookie)) === 200, "the session works on process A and on process B");
    check((await me(viaProxy, cookie)) === 200 && (await me(viaProxy, cookie)) === 200, "the session works through the proxy, on both in turn");
    const out = await fetch(`${B}/api/auth/signout`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie }, body: new URLSearchParams({ csrfToken: signedIn.csrfToken, callbackUrl: "/", json: "true" }), redirect: "manual" });
    check(out.status === 200, "signing out on process B is answered");
    check((await me(A, cookie)) === 401 && (await me(B, cookie)) === 401, "after signing out on B, the session is refused by A and by B");

    // Sign-in limits: 10 failures for one account, sent to A and B in turn; the 11th is refused by either.
    const nobody = `nobody-${slug}@example.test`;
    const failures: number[] = [];
    for (let i = 0; i < 10; i++) failures.push((await signIn(direct[i % 2] as string, nobody, "wrong password")).status);
    check(failures.every((s) => s === 401), `ten failed sign-ins, five on each process, are each refused as wrong (${failures.join(", ")})`);
    const limited = [(await signIn(A, nobody, "wrong password")).status, (await signIn(B, nobody, "wrong password")).status, (await signIn(viaProxy, nobody, "wrong password")).status];
    check(limited.every((s) => s === 429), `the next attempts hit the account's limit of 10 on A, on B and through the proxy (${limited.join(", ")}), though each process saw only five`);

    // The live incident page: open on A, changed through B, updated in place.
    // Signed in again (the first session was ended): a retry if an attempt fails, so that a failed
    // sign-in, checked above, does not hide what the page does.
    let again = await signIn(viaProxy, ADMIN.email, ADMIN.password);
    for (let i = 0; i < 3 && again.session === null; i++) again = await signIn(viaProxy, ADMIN.email, ADMIN.password);
    check(again.session !== null, `signing in again through the proxy opens a session (${again.status})`);
    const chrome = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    browser.close = () => chrome.close();
    const context = await chrome.newContext();
    const [name, value] = (again.session ?? "next-auth.session-token=none").split(/=(.*)/s) as [string, string];
    await context.addCookies([{ name, value, url: A }]);
    const page = await context.newPage();
    const reference = onB.reference as string;
    const opened = await page.goto(`${A}/incidents/${reference}`);
    check(opened?.status() === 200 && (await page.locator("h1").innerText()).includes(onB.title as string), `the incident page of ${reference} opens on process A`);
    const current = await call(B, "GET", `/api/v1/incidents/${reference}`);
    const renamed = `Renamed on B ${slug}`;
    const patched = await call(B, "PATCH", `/api/v1/incidents/${reference}`, { title: renamed, version: current.body.version });
    check(patched.status === 200, "the incident is renamed through process B");
    const patchedAt = Date.now();
    const shown = await page.locator("h1", { hasText: renamed }).waitFor({ timeout: 15_000 }).then(() => true, () => false);
    check(shown, `the page open on A shows B's change ${shown ? `in ${((Date.now() - patchedAt) / 1000).toFixed(1)} s` : "(not within 15 s)"}, without a reload`);
    check((await call(A, "GET", `/api/v1/incidents/${reference}`)).body.title === renamed, "A's API reads B's change at once");

    // Notifications: every incident's message once, whichever process wrote it and whichever sent it.
    const hook = () => (receiver as HttpReceiver).received.filter((r) => r.path === `/${slug}`);
    await within(20_000, async () => hook().length >= incidents.length);
    await sleep(2000); // both delivery loops tick several times meanwhile: a second copy would arrive
    const keys = hook().map((r) => String(r.headers["x-nines-delivery"]));
    const bodies = hook().map((r) => r.body);
    check(hook().length === incidents.length && new Set(keys).size === incidents.length, `each of the ${incidents.length} incidents' webhook messages was delivered exactly once (${hook().length} received, ${new Set(keys).size} distinct deliveries)`);
    check(incidents.every((i) => bodies.filter((b) => b.includes(i.title as string)).length === 1), "each message is about a different incident");

    // Probes: counted over their first 28 s (runs due at 0, 10 and 20 s).
    const lastProbe = Math.max(...probes.map((p) => p.createdAt));
    await sleep(Math.max(0, lastProbe + PROBE_WINDOW_MS - Date.now()));
    const expected = Math.floor(PROBE_WINDOW_MS / 1000 / PROBE_INTERVAL_S) + 1;
    for (const [i, p] of probes.entries()) {
      const hits = target.hits(p.path).filter((at) => at <= p.createdAt + PROBE_WINDOW_MS);
      const runs = (await call(viaProxy, "GET", `/api/v1/probes/${p.id}/runs?limit=100`)).body.runs as { scheduledAt: string }[];
      const scheduled = runs.map((r) => Date.parse(r.scheduledAt)).filter((at) => at <= p.createdAt + PROBE_WINDOW_MS).sort((x, y) => x - y);
      const apart = scheduled.slice(1).every((t, k) => t - (scheduled[k] as number) >= PROBE_INTERVAL_S * 1000 - 500);
      check(hits.length === expected && scheduled.length === expected && apart, `probe ${i + 1} ran ${hits.length} times in ${PROBE_WINDOW_MS / 1000} s at a ${PROBE_INTERVAL_S} s interval (${expected} expected; ${scheduled.length} runs recorded for it, ${apart ? "each an interval apart" : "some closer than an interval"}), not once per process`);
    }

    // SLO ingestion: the first reading (this day, then the day before, found empty) happens once,
    // though both processes' loops (every 10 s) have run since.
    await within(Math.max(0, sloCreatedAt + 25_000 - Date.now()), async () => prometheus.hits(`query_range:${query}`).length >= 2);
    const firstReading = prometheus.hits(`query_range:${query}`)[0] ?? Date.now();
    await sleep(Math.max(0, firstReading + 11_000 - Date.now()));
    const readings = prometheus.hits(`query_range:${query}`);
    const ingested = (await call(viaProxy, "GET", `/api/v1/slos/${slo.id}`)).body;
    check(readings.length === 2 && ingested.ingestion?.ingestedTo !== null, `the Prometheus SLO's first ingestion ran once across both processes (${readings.length} range queries, 2 expected)`);
    check(proxy.served.every((n) => n > 0), `the proxy used both processes (${proxy.served.join(" and ")} requests)`);
    console.log(`[multi-process] checks done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await browser.close().catch(() => {});
    await Promise.all(
      apps.map(async (app) => {
        // A child killed by a signal has a signalCode and no exitCode: its 'exit' has been and gone.
        if (app.exitCode !== null || app.signalCode !== null) return;
        const exited = new Promise((r) => app.once("exit", r));
        app.kill("SIGTERM");
        const timer = setTimeout(() => app.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    await proxy?.close();
    await receiver?.close();
    for (const s of servers) await s.close();
    await bouncer?.stop();
    await db?.stop();
  }
}

if (isMain(import.meta.url)) {
  multiProcessChecks(
    (ok, what) => {
      console.log(`${ok ? "✓" : "✗"} ${what}`);
      if (!ok) process.exitCode = 1;
    },
    { pgbouncer: process.env.MULTI_PROCESS_PGBOUNCER, poolMode: process.env.MULTI_PROCESS_PGBOUNCER_MODE === "session" ? "session" : "transaction" },
  ).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
