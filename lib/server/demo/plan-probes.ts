import type { DemoRandom } from "./random";

// A demo probe's history (pure): a run every interval from `from` to `now`, failing while one of
// the incidents that hit its service was going on (mostly: the service was partly down) and on a
// few short blips nobody logged, so "logged against measured" has something to say both ways.
// Latency wanders around a base, slower in the busy hours and during incidents.

export type PlannedRun = { at: number; ok: boolean; status: number | null; latencyMs: number; error: string | null };
export type Span = { from: number; to: number };

export interface ProbePlan {
  from: number;
  now: number;
  intervalMs: number;
  baseLatencyMs: number;
  /** The incidents of its service: runs inside fail with this share. */
  incidents: (Span & { fraction: number })[];
  /** Unlogged blips: a few minutes of failures each, this many over the whole history. */
  blips: number;
}

export function planProbeRuns(plan: ProbePlan, random: DemoRandom): PlannedRun[] {
  const blips: Span[] = Array.from({ length: plan.blips }, () => {
    const at = plan.from + random.int(0, Math.floor((plan.now - plan.from) / 60_000) - 10) * 60_000;
    return { from: at, to: at + random.int(2, 6) * 60_000 };
  });
  const runs: PlannedRun[] = [];
  for (let at = plan.from; at < plan.now; at += plan.intervalMs) {
    const incident = plan.incidents.find((i) => at >= i.from && at < i.to);
    const blip = blips.some((b) => at >= b.from && at < b.to);
    const hour = new Date(at).getUTCHours();
    const busy = hour >= 8 && hour < 20 ? 1.35 : 1;
    const latencyMs = Math.round(plan.baseLatencyMs * busy * (incident ? 3 : 1) + random.int(0, plan.baseLatencyMs) + (random.chance(0.01) ? random.int(200, 900) : 0));
    const fails = blip || (incident !== undefined && random.chance(Math.min(1, incident.fraction + 0.2)));
    runs.push(fails ? { at, ok: false, status: 503, latencyMs, error: "status" } : { at, ok: true, status: 200, latencyMs, error: null });
  }
  return runs;
}
