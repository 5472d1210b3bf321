// A second (and third) process running the app's probe scheduler against the test database, for
// the "once per interval, whatever the number of processes" test. Runs for PROBE_WORKER_MS.
import { startProbeScheduler } from "@/lib/server/probe-scheduler";

const scheduler = startProbeScheduler({ tickMs: 200 });
setTimeout(async () => {
  await scheduler.stop();
  const { pool } = await import("@/lib/server/db");
  await pool().end();
  process.exit(0);
}, Number(process.env.PROBE_WORKER_MS ?? 20_000));
