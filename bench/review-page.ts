// npm run bench:review-page (issue 19 item 11): how much HTML a signed-in browser receives for the
// weekly review of an organisation with 1,000 services, for each view of the page. Uncompressed
// bytes (what the browser parses, Next's inline payload included) and the bytes on the wire.
// The organisation is bench/seed.ts's (deterministic), smaller in incidents than `npm run bench`:
// the page's size depends on the services, not on the incidents' history.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import net from "node:net";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { weekOf } from "../lib/domain";
import { startThrowawayDatabase } from "../scripts/db/embedded";
import { applyMigrations } from "../scripts/db/migrate";
import { serverCli } from "../scripts/lib/app-env";
import { ensureBuild } from "../scripts/lib/ensure-build";
import { signIn } from "./incidents";
import { insertDefaultTiers, seed } from "./seed";

const ROOT = new URL("..", import.meta.url).pathname;
const SERVICES = Number(process.env.BENCH_SERVICES ?? 1000);
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 20_000);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(0).padStart(6)} KiB`;

async function main(): Promise<number> {
  await ensureBuild(ROOT);
  const asOf = Math.floor(Date.now() / 60_000) * 60_000;
  const db = await startThrowawayDatabase();
  let app: ChildProcess | undefined;
  try {
    await applyMigrations(db.url, {});
    await insertDefaultTiers(db.url);
    await seed(db.url, { services: SERVICES, incidents: INCIDENTS, days: 120 }, asOf);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const admin = { email: "bench@example.test", password: randomBytes(12).toString("hex") };
    const server = serverCli();
    app = spawn(server.command, [...server.args, "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: db.url, NEXTAUTH_SECRET: randomBytes(24).toString("hex"), NEXTAUTH_URL: base, BOOTSTRAP_ADMIN_EMAIL: admin.email, BOOTSTRAP_ADMIN_PASSWORD: admin.password, NEXT_TELEMETRY_DISABLED: "1", NINES_PROBES: "off" },
    });
    for (let i = 0; i < 600 && !(await fetch(`${base}/api/ready`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
    const { cookie } = await signIn(base, admin.email, admin.password);
    const week = weekOf(asOf - 7 * 86_400_000, "UTC");
    console.log(`[bench] ${SERVICES} services, ${INCIDENTS} incidents; the review of ${week}`);
    // The first computation after a start can outlast a busy machine's connection timeout: a page
    // that is not the review (its error page) is asked for again rather than measured.
    const page = async (path: string) => {
      for (let attempt = 1; ; attempt++) {
        const res = await fetch(`${base}${path}`, { headers: { cookie } });
        const html = Buffer.from(await res.arrayBuffer());
        if (res.ok && html.includes(`id="services-heading"`)) return html;
        if (attempt === 5) throw new Error(`${path}: ${res.status}, not the review page after ${attempt} attempts`);
        await new Promise((r) => setTimeout(r, 2000));
      }
    };
    // Each view as the page opens (a page of rows) and whole ("Show all", what a full print is made of).
    for (const path of [`/reviews/${week}`, `/reviews/${week}?view=all`, `/reviews/${week}?rows=all&incidents=all`, `/reviews/${week}?view=all&rows=all&incidents=all`]) {
      const html = await page(path);
      const text = html.toString();
      // BENCH_SAVE=dir keeps each page, to see what its bytes are made of.
      if (process.env.BENCH_SAVE) await writeFile(join(process.env.BENCH_SAVE, `${encodeURIComponent(path)}.html`), html);
      const rows = (text.match(/<tr/g) ?? []).length;
      // What the page says it holds, e.g. "Services 1–100 of 412" and "Incidents 1–100 of 1,170".
      const said = [...text.matchAll(/<p class="muted small" role="status">([^<]*)/g)].map((m) => m[1]).join("; ");
      console.log(`${path.padEnd(62)} HTML ${kb(html.length)}  gzip ${kb(gzipSync(html).length)}  ${String(rows).padStart(5)} table rows  ${said}`);
    }
    return 0;
  } finally {
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app?.once("exit", resolve));
      app.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
