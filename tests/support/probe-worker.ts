// Another process running the app's probe scheduler against the test database, for the "once per
// interval, whatever the number of processes" test. It prints "ready" once its scheduler runs, and
// stops when told (SIGTERM), after the runs it has claimed are recorded. PROBE_WORKER_MAX_MS only
// bounds its life should the test die without stopping it.
import { startProbeScheduler } from "@/lib/server/probe-scheduler";

const scheduler = startProbeScheduler({ tickMs: 200 });
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await scheduler.stop();
  const { pool } = await import("@/lib/server/db");
  await pool().end();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
setTimeout(() => void stop(), Number(process.env.PROBE_WORKER_MAX_MS ?? 120_000)).unref();
process.stdout.write("ready\n");
