// Runs once when the server starts: default tiers and the BOOTSTRAP_* environment, before the
// first request (failures are retried lazily by ensureBootstrap() on the next request); and the
// fleet workers, so that they are loaded before the first all-services summary.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ ensureBootstrap }, { fleetWorkers }] = await Promise.all([import("@/lib/server/bootstrap"), import("@/lib/server/fleet-workers")]);
  fleetWorkers().start();
  await ensureBootstrap().catch((err: unknown) => {
    console.error("[bootstrap] will retry on first request:", err instanceof Error ? err.message : err);
  });
}
