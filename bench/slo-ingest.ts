// Measured SLOs at scale (issue 20), run by `npm run bench` as a process of its own (react-server
// conditions, as the app loads it): 1,000 SLOs, each a ratio of two series of a local exporter,
// read from a real Prometheus (Debian's) into a throwaway PostgreSQL. Prints JSON: how long the
// first round (with its backfill) and a steady round of all 1,000 take, the lag they leave (now −
// the newest minute stored), the bytes a bucket row takes and what a year of 1,000 SLOs comes to
// (a day of minutes, a month of hours, then days: slo-compaction.ts), and the time to compute
// every SLO's figures over the month in one call of what GET /api/v1/slos/availability runs.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startThrowawayDatabase } from "../scripts/db/embedded";
import { applyMigrations } from "../scripts/db/migrate";
import { startPrometheus } from "../tests/support/prometheus";

const SLOS = Number(process.env.BENCH_SLOS ?? 1000);
const WARMUP_MS = Number(process.env.BENCH_SLO_WARMUP_MS ?? 75_000);

// Two counters per SLO, growing at 99 and 1 a second: one page of text, as an app's /metrics would be.
const started = Date.now();
const exporter = http.createServer((_, res) => {
  const t = (Date.now() - started) / 1000;
  const lines = ["# TYPE http_requests_total counter"];
  for (let i = 0; i < SLOS; i++) lines.push(`http_requests_total{slo="s${i}",code="200"} ${(99 * t).toFixed(3)}`, `http_requests_total{slo="s${i}",code="500"} ${(1 * t).toFixed(3)}`);
  res.end(`${lines.join("\n")}\n`);
});
await new Promise<void>((resolve) => exporter.listen(0, "127.0.0.1", resolve));
const prom = await startPrometheus(`127.0.0.1:${(exporter.address() as AddressInfo).port}`);
const db = await startThrowawayDatabase();
process.env.DATABASE_URL = db.url;
process.env.DATABASE_POOL_SIZE = "10";
const ms = (t0: number) => Date.now() - t0;
try {
  await applyMigrations(db.url, { log: () => {} });
  const { prisma, pool } = await import("@/lib/server/db");
  const { ingestAllDue, STEP_SECONDS } = await import("@/lib/server/slo-ingest");
  const { allSloAvailability } = await import("@/lib/server/slo-availability");
  const tier = await prisma.tier.create({ data: { rank: 1, name: "Bench", sloTarget: 0.999 } });
  const service = await prisma.service.create({ data: { slug: "bench", name: "Bench", tierId: tier.id, slos: { create: { name: "availability", sli: { schemaVersion: 1, source: "incidents" }, budgeting: { schemaVersion: 1, method: "time" } } } } });
  const ds = await prisma.datasource.create({ data: { name: "bench", url: prom.url } });
  await prisma.slo.createMany({
    data: Array.from({ length: SLOS }, (_, i) => ({
      serviceId: service.id,
      name: `s${i}`,
      target: 0.99,
      window: "month",
      datasourceId: ds.id,
      nextIngestAt: new Date(),
      sli: { schemaVersion: 1, source: "prometheus", datasource: ds.id, kind: "ratio", good: `sum(rate(http_requests_total{slo="s${i}",code="200"}[$window]))`, total: `sum(rate(http_requests_total{slo="s${i}"}[$window]))` },
      budgeting: { schemaVersion: 1, method: "occurrences" },
    })),
  });
  // Prometheus needs a few minutes of scrapes before a one-minute rate has data.
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  const round = async () => {
    await pool().query(`UPDATE "Slo" SET "nextIngestAt" = now() AT TIME ZONE 'UTC' WHERE "datasourceId" IS NOT NULL`);
    const t0 = Date.now();
    // As the scheduler does: batches of 100 until none is due.
    const n = await ingestAllDue(100);
    return { slos: n, ms: ms(t0) };
  };
  const first = await round();
  await new Promise((r) => setTimeout(r, STEP_SECONDS * 1000));
  const steady = await round();
  const { rows: lagRows } = await pool().query<{ lag: number }>(`SELECT extract(epoch FROM (now() AT TIME ZONE 'UTC') - min("ingestedTo")) AS lag FROM "Slo" WHERE "datasourceId" IS NOT NULL`);
  const size = async () => (await pool().query<{ bytes: string; n: string }>(`SELECT pg_total_relation_size('"SloBucket"') AS bytes, (SELECT count(*) FROM "SloBucket") AS n`)).rows[0];
  const ingested = await size();
  // A year of ten SLOs as they are kept (a day of minutes, a month of hours, then days), to weigh a row.
  const rowsPerSloYear = 1440 + 29 * 24 + (365 - 30);
  const sample = await prisma.slo.findMany({ where: { datasourceId: { not: null } }, select: { id: true }, take: 10 });
  for (const s of sample) {
    await pool().query(
      `INSERT INTO "SloBucket" ("sloId", start, seconds, good, total)
       SELECT $1, timestamp '2020-01-01' + make_interval(days => d), 86400, 8553600 - (d % 7), 8640000 FROM generate_series(0, $2 - 1) d
       UNION ALL SELECT $1, timestamp '2021-01-01' + make_interval(hours => h), 3600, 356400 - (h % 7), 360000 FROM generate_series(0, $3 - 1) h
       UNION ALL SELECT $1, timestamp '2022-01-01' + make_interval(mins => m), 60, 5940, 6000 FROM generate_series(0, $4 - 1) m
       ON CONFLICT DO NOTHING`,
      [s.id, 365 - 30, 29 * 24, 1440],
    );
  }
  const weighed = await size();
  const bytesPerRow = (Number(weighed?.bytes) - Number(ingested?.bytes)) / Math.max(1, Number(weighed?.n) - Number(ingested?.n));
  const sizeRows = [ingested];
  // Thirty days of every SLO as they are kept (the last day in minutes, the 29 before in hours):
  // what a month's figures read.
  const t0 = Date.now();
  const measuredIds = (await prisma.slo.findMany({ where: { datasourceId: { not: null } }, select: { id: true } })).map((s) => s.id);
  // A hundred SLOs a statement: one statement for all would outlast the pool's statement timeout.
  for (let i = 0; i < measuredIds.length; i += 100) {
    await pool().query(
      `INSERT INTO "SloBucket" ("sloId", start, seconds, good, total)
       SELECT s, date_trunc('minute', now() AT TIME ZONE 'UTC') - make_interval(mins => m), 60, 5940 - (m % 3), 6000
         FROM unnest($1::text[]) s CROSS JOIN generate_series(1, 1440) m
       UNION ALL
       SELECT s, date_trunc('hour', now() AT TIME ZONE 'UTC') - make_interval(hours => 24 + h), 3600, 356400 - (h % 5), 360000
         FROM unnest($1::text[]) s CROSS JOIN generate_series(0, 29 * 24 - 1) h
       ON CONFLICT DO NOTHING`,
      [measuredIds.slice(i, i + 100)],
    );
  }
  const monthRows = Number((await pool().query<{ n: string }>(`SELECT count(*) AS n FROM "SloBucket"`)).rows[0]?.n);
  const filledMs = ms(t0);
  // What GET /api/v1/slos/availability?window=rolling:30d does, without the HTTP round trip: every
  // SLO's figures over the last 30 days, and its JSON.
  const monthly = async () => {
    const t1 = Date.now();
    const figures = await allSloAvailability({ window: "rolling:30d", incidents: 3 });
    const bytes = JSON.stringify(figures).length;
    return { slos: figures.total, ms: ms(t1), bytes };
  };
  await monthly(); // warm-up
  const figures = await monthly();
  console.log(JSON.stringify({
    slos: SLOS,
    firstRound: first,
    steadyRound: steady,
    lagSecondsAfterRound: Math.round(Number(lagRows[0]?.lag ?? 0)),
    bucketRows: Number(sizeRows[0]?.n),
    bytesPerBucketRow: Math.round(bytesPerRow),
    yearOfAllSlosMiB: Math.round((bytesPerRow * rowsPerSloYear * SLOS) / 2 ** 20),
    monthlyFiguresOfAllSlos: { ...figures, bucketRows: monthRows, filledMs },
  }));
  await prisma.$disconnect();
  await pool().end();
} finally {
  await prom.stop();
  await prom.deleteData();
  exporter.close();
  await db.stop();
}
