// How many integration test files run at once, each worker on a database of its own (a copy of
// the migrated one, global-setup.ts): files in one worker share it one after another, so a file
// that changes a setting for a moment never meets a file of another worker.
// One, in npm test: two workers ran the integration tests in 695 s instead of about 1,200 s, but
// on two CPUs beside the build and the browser tests they starved the browser tests' servers,
// whose connections to PostgreSQL then passed their 3 s timeout (a page's error instead of its
// data, in two full runs of two). Raise it on a machine with more CPUs.
export const INTEGRATION_WORKERS = Math.max(1, Math.floor(Number(process.env.NINES_TEST_WORKERS ?? "1")) || 1);

/** The database of worker `poolId` (VITEST_POOL_ID, 1…INTEGRATION_WORKERS): the first uses the shared one itself. */
export const workerDatabaseName = (shared: string, poolId: number): string => (poolId <= 1 ? shared : `${shared}_worker${poolId}`);
