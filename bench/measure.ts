// Timing helpers: wall-clock samples after a warm-up, reported as p50 / p95.
import net from "node:net";

export type Stats = { p50: number; p95: number; n: number };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

export async function sample(n: number, warmup: number, run: (i: number) => Promise<void>): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), n };
}

/**
 * Several measurements taken in turn (a, b, c, a, b, c, …) rather than one after the other, so
 * that a slow patch of the machine (on a shared VM, stolen CPU time comes and goes) weighs on a
 * request and on its floors alike, and their ratio stays meaningful.
 */
export async function sampleInterleaved(n: number, warmup: number, runs: ((i: number) => Promise<void>)[]): Promise<Stats[]> {
  for (let i = 0; i < warmup; i++) for (const run of runs) await run(i);
  const times = runs.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (const [k, run] of runs.entries()) {
      const t0 = performance.now();
      await run(i);
      times[k]?.push(performance.now() - t0);
    }
  }
  return times.map((t) => {
    t.sort((a, b) => a - b);
    return { p50: percentile(t, 0.5), p95: percentile(t, 0.95), n };
  });
}

export const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)).padStart(7);

/** A port nothing listens on now: where the bench starts an app. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}
