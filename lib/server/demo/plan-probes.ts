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

/**
 * A Prometheus ratio SLO's history as Nines keeps it, a minute at a time: requests in a minute
 * (busier by day), of which a small share failed, and during an incident of its service about the
 * incident's share of them.
 */
export function planRatioMinutes(plan: { from: number; now: number; incidents: (Span & { fraction: number })[] }, random: DemoRandom): { start: number; seconds: number; good: number; total: number }[] {
  const out = [];
  for (let start = plan.from; start < plan.now; start += 60_000) {
    const hour = new Date(start).getUTCHours();
    const total = (hour >= 7 && hour < 22 ? 2400 : 700) + random.int(0, 300);
    const incident = plan.incidents.find((i) => start >= i.from && start < i.to);
    const failed = incident ? Math.round(total * incident.fraction * (0.8 + random.int(0, 20) / 100)) : random.chance(0.02) ? random.int(20, 80) : random.int(0, 2);
    out.push({ start, seconds: 60, good: total - Math.min(total, failed), total });
  }
  return out;
}
