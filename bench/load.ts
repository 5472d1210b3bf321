// The load run (issue 22): many people at once browsing what they open most: the overview, a
// service page, the incidents list and the weekly review, signed in, for a fixed time
// (autocannon). Reported beside the single-request timings: requests per second, p95 and errors.
import autocannon from "autocannon";

export type LoadResult = { connections: number; seconds: number; requests: number; perSecond: number; p50: number; p95: number; errors: number; non2xx: number; statuses: Record<number, number> };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

export async function loadRun(base: string, cookie: string, paths: string[], connections = 50, seconds = 30): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const run = autocannon({ url: base, connections, duration: seconds, timeout: 30, headers: { cookie }, requests: paths.map((path) => ({ method: "GET", path })) });
  run.on("response", (_client, status, _bytes, ms) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await run;
  latencies.sort((a, b) => a - b);
  return {
    connections,
    seconds,
    requests: result.requests.total,
    // By the time it really ran (autocannon reports seconds), not the time asked for.
    perSecond: result.requests.total / (result.duration || seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses,
  };
}

export function reportLoad(scale: string, paths: string[], r: LoadResult): void {
  console.log(
    `load, ${scale}${r.non2xx + r.errors > 0 ? " (NOT ALL ANSWERED: see the statuses)" : ""}: ${r.connections} clients for ${r.seconds} s over ${paths.join(", ")}: ${r.requests} requests, ${r.perSecond.toFixed(1)} req/s, p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, ${r.errors} errors, ${r.non2xx} not 2xx (by status: ${JSON.stringify(r.statuses)})`,
  );
}
