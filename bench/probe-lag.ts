// The probe scheduler at scale (issue 14), run by `npm run bench` as a process of its own (react-
// server conditions, as the app loads it): 1,000 probes at a 30 s interval, half against a local
// server that answers at once and half against one that answers after 3 s, on one process and a
// throwaway PostgreSQL. It runs three intervals and prints JSON: the schedule lag of every run
// (started − due), how many runs each probe made, the event loop's delay meanwhile (the app's own
// requests share that loop), and the rows and bytes the runs take.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startThrowawayDatabase } from "../scripts/db/embedded";
import { applyMigrations } from "../scripts/db/migrate";

const PROBES = Number(process.env.BENCH_PROBES ?? 1000);
const INTERVAL = 30;
const ROUNDS = 3;

function server(delayMs: number): Promise<{ url: string; close: () => void }> {
  const srv = http.createServer((_, res) => setTimeout(() => res.end("ok"), delayMs));
  return new Promise((resolve) => srv.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/health`, close: () => (srv.closeAllConnections(), srv.close()) })));
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

const db = await startThrowawayDatabase();
process.env.DATABASE_URL = db.url;
process.env.DATABASE_POOL_SIZE = "10";
const [fast, slow] = await Promise.all([server(0), server(3000)]);
try {
  await applyMigrations(db.url);
  const { prisma, pool } = await import("@/lib/server/db");
  const { startProbeScheduler } = await import("@/lib/server/probe-scheduler");
  const user = await prisma.user.create({ data: { email: "bench@example.test", name: "Bench", role: "admin", passwordHash: "x" } });
  const tier = await prisma.tier.create({ data: { rank: 1, name: "Bench", sloTarget: 0.999 } });
  const service = await prisma.service.create({ data: { slug: "bench", name: "Bench", tierId: tier.id, slos: { create: { name: "availability", sli: { schemaVersion: 1, source: "incidents" }, budgeting: { schemaVersion: 1, method: "time" } } } } });
  const start = Date.now() + 2000;
  // Due times spread over one interval, as probes created over time would be.
  await prisma.probe.createMany({
    data: Array.from({ length: PROBES }, (_, i) => ({ serviceId: service.id, url: i % 2 ? slow.url : fast.url, intervalSeconds: INTERVAL, timeoutSeconds: 10, createdById: user.id, nextRunAt: new Date(start + Math.floor((i / PROBES) * INTERVAL * 1000)) })),
  });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const scheduler = startProbeScheduler({ log: () => {} });
  await new Promise((r) => setTimeout(r, 2000 + ROUNDS * INTERVAL * 1000 - 500));
  await scheduler.stop();
  loop.disable();
  const runs = await prisma.probeRun.findMany({ select: { probeId: true, at: true, scheduledAt: true, latencyMs: true, probe: { select: { url: true } } } });
  const lags = (filter: (u: string) => boolean) => runs.filter((r) => filter(r.probe.url)).map((r) => r.at.getTime() - r.scheduledAt.getTime()).sort((a, b) => a - b);
  const all = lags(() => true);
  const perProbe = new Map<string, number>();
  for (const r of runs) perProbe.set(r.probeId, (perProbe.get(r.probeId) ?? 0) + 1);
  const counts = [...perProbe.values()];
  const { rows } = await pool().query<{ bytes: string }>(`SELECT pg_total_relation_size('"ProbeRun"') AS bytes`);
  const summary = (xs: number[]) => ({ p50: pct(xs, 0.5), p95: pct(xs, 0.95), max: xs.at(-1) ?? 0 });
  console.log(
    JSON.stringify({
      probes: PROBES,
      intervalSeconds: INTERVAL,
      rounds: ROUNDS,
      runs: runs.length,
      runsPerProbe: { min: Math.min(...counts), max: Math.max(...counts), probesThatRan: counts.length },
      lagMs: summary(all),
      lagFastMs: summary(lags((u) => u === fast.url)),
      lagSlowMs: summary(lags((u) => u === slow.url)),
      eventLoopDelayMs: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
      bytesPerRun: Math.round(Number(rows[0]?.bytes ?? 0) / Math.max(1, runs.length)),
    }),
  );
  await pool().end();
} finally {
  fast.close();
  slow.close();
  await db.stop();
}
