// Runs once when the server starts: default tiers and the BOOTSTRAP_* environment, before the
// first request (failures are retried lazily by ensureBootstrap() on the next request); and the
// fleet workers, so that they are loaded before the first all-services summary; and the probe
// scheduler (NINES_PROBES=off leaves it out).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ ensureBootstrap }, { fleetWorkers }] = await Promise.all([import("@/lib/server/bootstrap"), import("@/lib/server/fleet-workers")]);
  fleetWorkers().start();
  // The probe scheduler: every process may run it (probes are claimed with SKIP LOCKED).
  if (process.env.NINES_PROBES !== "off") {
    const { startProbeScheduler } = await import("@/lib/server/probe-scheduler");
    const scheduler = startProbeScheduler();
    // Stop claiming probes as soon as shutdown begins, before the database goes away under it.
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void scheduler.stop());
  }
  await ensureBootstrap().catch((err: unknown) => {
    console.error("[bootstrap] will retry on first request:", err instanceof Error ? err.message : err);
  });
}
