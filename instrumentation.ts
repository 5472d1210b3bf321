// Runs once when the server starts: default tiers and the BOOTSTRAP_* environment, before the
// first request (failures are retried lazily by ensureBootstrap() on the next request); and the
// fleet workers, so that they are loaded before the first all-services summary; and the probe
// scheduler (NINES_PROBES=off leaves it out), the measured SLOs' ingestion (NINES_SLO_INGEST=off),
// and the notifications' delivery and evaluator (NINES_NOTIFICATIONS=off); and the rollup job.
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
  // Measured SLOs' ingestion from Prometheus: likewise in every process (SLOs are claimed with SKIP LOCKED).
  if (process.env.NINES_SLO_INGEST !== "off") {
    const { startIngestScheduler } = await import("@/lib/server/slo-ingest");
    const ingest = startIngestScheduler();
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void ingest.stop());
  }
  // The notification outbox's delivery: likewise in every process (deliveries are claimed with SKIP LOCKED).
  if (process.env.NINES_NOTIFICATIONS !== "off") {
    const [{ startNotificationScheduler }, { startNotificationEvaluator }] = await Promise.all([import("@/lib/server/notification-scheduler"), import("@/lib/server/notification-evaluator")]);
    const notifications = startNotificationScheduler();
    // Burn states and review dates: once a minute, in the one process holding the evaluator's lease.
    const evaluator = startNotificationEvaluator();
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void Promise.all([notifications.stop(), evaluator.stop()]));
  }
  // Error-budget policy states and freezes (docs/decisions/0031-error-budget-policy.md): once a
  // minute, in the one process holding its lease.
  if (process.env.NINES_POLICY_EVALUATOR !== "off") {
    const { startPolicyEvaluator } = await import("@/lib/server/policy-evaluator");
    const policy = startPolicyEvaluator();
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void policy.stop());
  }
  // Exact rollups (docs/decisions/0029-impact-rollups.md): in every process, one at a time by an advisory lock.
  const { startRollupScheduler } = await import("@/lib/server/impact-rollup-job");
  const rollups = startRollupScheduler();
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void rollups.stop());
  await ensureBootstrap().catch((err: unknown) => {
    console.error("[bootstrap] will retry on first request:", err instanceof Error ? err.message : err);
  });
}
