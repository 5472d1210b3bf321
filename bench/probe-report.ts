// The probe history's storage (bench/probe-storage.ts) as `npm run bench` reports it: run in a
// process of its own with the app's module conditions, held to issue 22's goal.
import { spawnSync } from "node:child_process";

/**
 * A probe's history in PostgreSQL (issue 22: 1,000 probes at 30 s, a year of history within 2 GB),
 * in a process of its own (bench/probe-storage.ts, also `npm run bench:probes`): held to the goal.
 */
export function reportProbeStorage(): boolean {
  console.log("\nProbe history (probes every 30 s, each with a success and a latency SLO; the app's own job keeps their hours and prunes):");
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/probe-storage.ts"], { encoding: "utf8", env: { ...process.env, NINES_PROBES: "off" } });
  const line = run.stdout.trim().split("\n").at(-1) ?? "";
  try {
    const r = JSON.parse(line) as { probes: number; bytesPerRun: number; runsPerProbe: number; bytesPerDayRow: number; perProbeYearBytes: number; perProbeDefaultBytes: number; fleetYearBytes: number; fleetDefaultBytes: number; goalBytes: number; monthlyFigures: { slos: number; ms: number } };
    const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
    const gb = (b: number) => `${(b / 1e9).toFixed(2)} GB`;
    console.log(`a run:                ${r.bytesPerRun} bytes with its indexes; ${r.runsPerProbe} kept a probe (3 days by default, and the open hour)`);
    console.log(`a day of hours:       ${r.bytesPerDayRow} bytes with its index (${(r.bytesPerDayRow / 24).toFixed(1)} an hour)`);
    console.log(`a probe for a year:   ${mb(r.perProbeYearBytes)} (runs and 365 days of hours); ${mb(r.perProbeDefaultBytes)} with the default 400 days`);
    console.log(`1,000 probes:         ${gb(r.fleetYearBytes)} with a year of history; ${gb(r.fleetDefaultBytes)} with 400 days (goal ≤ ${gb(r.goalBytes)})`);
    console.log(`reads:                every SLO's 30-day figures with burn rates (${r.monthlyFigures.slos} SLOs, ${r.probes * 2} on probes) in ${r.monthlyFigures.ms} ms`);
    return r.fleetYearBytes <= r.goalBytes;
  } catch {
    console.log(`could not measure: ${run.stderr.trim().split("\n").slice(-5).join(" / ") || line}`);
    return false;
  }
}
