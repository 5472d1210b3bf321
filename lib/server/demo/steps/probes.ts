import "server-only";
import { ProbeInput } from "@/lib/schemas/probe";
import { SloInput } from "@/lib/schemas/slo";
import { pool } from "../../db";
import { keepProbeHistory } from "../../probe-rollup";
import { createProbe } from "../../probes";
import { createSlo } from "../../slos";
import { DAY, type DemoContext } from "../context";
import { SCENARIOS } from "../data/incidents";
import { planProbeRuns } from "../plan-probes";
import { demoRandom } from "../random";

// Two paused probes with three months of runs, and the SLOs they measure: a success SLO on the
// checkout's health check and a latency SLO on search. Paused, because their addresses (.example,
// which never resolves) are the demo's: a person points them at their own and resumes them. Their
// closed hours are kept and the runs past the retention deleted, as the scheduler does.

const HISTORY_DAYS = 90;
export const INSERT_ROWS = 5_000;
const PROBES = [
  { service: "checkout", url: "https://checkout.shop.example/healthz", baseLatencyMs: 90, blips: 9, slo: { name: "health-check", description: "The checkout's health check answers 2xx: 99.9 % of runs over 30 days.", target: 0.999, window: "rolling:30d", sli: { kind: "success" as const } } },
  { service: "search", url: "https://search.shop.example/api/search?q=milk", baseLatencyMs: 140, blips: 4, slo: { name: "search-under-400ms", description: "A search for a common word answers within 400 ms: 99 % of runs over 28 days.", target: 0.99, window: "rolling:28d", sli: { kind: "latency" as const, thresholdMs: 400 } } },
];

export async function fillProbes(ctx: DemoContext): Promise<number> {
  // A probe names who made it: the admin who asked for the demo, or the first admin.
  if (!ctx.creator) return 0;
  const random = demoRandom(ctx.seed + 1); // its own dice: the steps before keep their organisation
  const from = Math.floor((ctx.now - HISTORY_DAYS * DAY) / 60_000) * 60_000;
  for (const p of PROBES) {
    const probe = await createProbe(ctx.creator, p.service, ProbeInput.parse({ url: p.url, intervalSeconds: 60, enabled: false }));
    const incidents = ctx.incidents.flatMap((i) => {
      const impact = SCENARIOS.find((s) => s.key === i.scenario)?.impacts.find((x) => x.service === p.service);
      return impact ? [{ from: i.startedAt, to: i.resolvedAt ?? ctx.now, fraction: impact.fraction }] : [];
    });
    const runs = planProbeRuns({ from, now: ctx.now, intervalMs: 60_000, baseLatencyMs: p.baseLatencyMs, incidents, blips: p.blips }, random);
    // In parts: each statement well within the statement timeout on a busy machine.
    for (let i = 0; i < runs.length; i += INSERT_ROWS) {
      const part = runs.slice(i, i + INSERT_ROWS);
      await pool().query(
        `INSERT INTO "ProbeRun" ("probeId", at, "scheduledAt", ok, status, "latencyMs", error)
         SELECT $1, to_timestamp(a / 1000.0) AT TIME ZONE 'UTC', to_timestamp(a / 1000.0) AT TIME ZONE 'UTC', o, s, l, e
           FROM unnest($2::bigint[], $3::bool[], $4::int[], $5::int[], $6::text[]) AS u(a, o, s, l, e)`,
        [probe.id, part.map((r) => r.at), part.map((r) => r.ok), part.map((r) => r.status), part.map((r) => r.latencyMs), part.map((r) => r.error)],
      );
    }
    const last = runs[runs.length - 1];
    if (last) await pool().query(`UPDATE "Probe" SET "lastRunAt" = $2, "lastOk" = $3, "lastStatus" = $4, "lastLatencyMs" = $5 WHERE id = $1`, [probe.id, new Date(last.at).toISOString().replace("Z", ""), last.ok, last.status, last.latencyMs]);
    await createSlo(ctx.creator, p.service, SloInput.parse({ ...p.slo, sli: { source: "probe", probe: probe.id, ...p.slo.sli } }));
  }
  await keepProbeHistory(ctx.now);
  return PROBES.length;
}
