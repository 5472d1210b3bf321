// The notification evaluator run once in a process of its own, as a restarted app would run it,
// for the "announced once across a restart" test. Argument: the instant to evaluate as of (ms).
import { evaluateOnce } from "@/lib/server/notification-evaluator";
import { pool } from "@/lib/server/db";

await evaluateOnce(Number(process.argv[2]));
await pool().end();
