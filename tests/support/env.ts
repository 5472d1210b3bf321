import { beforeAll, inject } from "vitest";
import { parsePostgresUrl, withDatabase } from "../../scripts/db/pg-url";
import { guardOrganisationSettings } from "./settings";
import { INTEGRATION_WORKERS, workerDatabaseName } from "./workers";

// This worker's database (workers.ts): the files of one worker share it, one after another.
const shared = inject("databaseUrl");
const poolId = Number(process.env.VITEST_POOL_ID ?? "1");
if (!(poolId >= 1 && poolId <= INTEGRATION_WORKERS)) throw new Error(`Integration worker ${poolId} has no database: tests/support/workers.ts makes ${INTEGRATION_WORKERS} (run them with vitest.config.ts's maxWorkers)`);
process.env.DATABASE_URL = withDatabase(shared, workerDatabaseName(parsePostgresUrl(shared).database, poolId));
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-not-for-production";
process.env.DATABASE_POOL_SIZE ??= "4";
// The app gives a statement 5 s (lib/server/db.ts). Here two workers share two CPUs with the
// build and the browser tests, and some files write tens of thousands of fixture rows in one
// statement: under that load a fixture's insert passed 5 s and failed a file that tests no
// timeout. Files that test the timeout set their own (no-false-states.test.ts).
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "30000";

// The app creates the default tiers when it starts (instrumentation.ts); so does every test file
// here, whatever order the files run in.
beforeAll(async () => {
  const { ensureDefaults } = await import("@/lib/server/bootstrap");
  await ensureDefaults();
});

// Every file leaves the organisation's settings as it found them, or fails saying what it changed.
guardOrganisationSettings();
