// Another process running the app's notification scheduler against the test database, for the
// "killed mid-delivery, delivered after the restart" test. It prints "ready" once its scheduler
// runs; the test kills it with SIGKILL (no goodbye: whatever it had claimed stays claimed until
// its lease ends). NOTIFY_WORKER_MAX_MS only bounds its life should the test die first.
import { startNotificationScheduler } from "@/lib/server/notification-scheduler";

startNotificationScheduler({ tickMs: 200 });
setTimeout(() => process.exit(0), Number(process.env.NOTIFY_WORKER_MAX_MS ?? 180_000)).unref();
process.stdout.write("ready\n");
