import "server-only";
import { DatasourceInput } from "@/lib/schemas/datasource";
import { SloInput } from "@/lib/schemas/slo";
import { createDatasource } from "../../datasources";
import { pool } from "../../db";
import { compactBuckets } from "../../slo-compaction";
import { createSlo } from "../../slos";
import { DAY, type DemoContext } from "../context";
import { SCENARIOS } from "../data/incidents";
import { planRatioMinutes } from "../plan-probes";
import { INSERT_ROWS } from "./probes";
import { demoRandom } from "../random";

// A Prometheus datasource and an SLO measured from it, with three months of history already in
// Nines (kept as Nines keeps it: minutes for a day, then hours, then days). The server is the
// demo's (.example never resolves), so it shows as away: the figures stay, because the history is
// Nines' own, and the time since is unknown. A person points it at their own Prometheus.

const HISTORY_DAYS = 90;
const SERVICE = "checkout";

export async function fillPrometheus(ctx: DemoContext): Promise<number> {
  if (!ctx.creator) return 0; // datasources are an admin's
  const ds = await createDatasource(ctx.creator, DatasourceInput.parse({ name: "prometheus-main", type: "prometheus", url: "http://prometheus.shop.example:9090" }));
  const slo = await createSlo(
    ctx.creator,
    SERVICE,
    SloInput.parse({
      name: "checkout-success",
      description: "Checkout requests that did not fail with a 5xx: 99.5 % over 28 days, from the request counters.",
      target: 0.995,
      window: "rolling:28d",
      sli: { source: "prometheus", datasource: ds.id, kind: "ratio", good: 'sum(rate(checkout_requests_total{code!~"5.."}[$window]))', total: "sum(rate(checkout_requests_total[$window]))" },
    }),
  );
  const from = Math.floor((ctx.now - HISTORY_DAYS * DAY) / 60_000) * 60_000;
  const incidents = ctx.incidents.flatMap((i) => {
    const impact = SCENARIOS.find((s) => s.key === i.scenario)?.impacts.find((x) => x.service === SERVICE);
    return impact ? [{ from: i.startedAt, to: i.resolvedAt ?? ctx.now, fraction: impact.fraction }] : [];
  });
  const minutes = planRatioMinutes({ from, now: ctx.now, incidents }, demoRandom(ctx.seed + 2));
  for (let i = 0; i < minutes.length; i += INSERT_ROWS) {
    const part = minutes.slice(i, i + INSERT_ROWS);
    await pool().query(
      `INSERT INTO "SloBucket" ("sloId", start, seconds, good, total)
       SELECT $1, to_timestamp(s / 1000.0) AT TIME ZONE 'UTC', sec, g, t FROM unnest($2::bigint[], $3::int[], $4::float8[], $5::float8[]) AS u(s, sec, g, t)`,
      [slo.id, part.map((m) => m.start), part.map((m) => m.seconds), part.map((m) => m.good), part.map((m) => m.total)],
    );
  }
  // Read up to now: the scheduler goes on from here (and finds the demo's server away).
  await pool().query(`UPDATE "Slo" SET "ingestedTo" = $2, "nextIngestAt" = $2 WHERE id = $1`, [slo.id, new Date(ctx.now).toISOString().replace("Z", "")]);
  // As the scheduler's hourly runs would, until nothing is left to merge.
  for (let i = 0; i < 20 && (await compactBuckets(ctx.now)) > 0; i++);
  return 1;
}
