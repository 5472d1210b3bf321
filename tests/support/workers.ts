// How many integration test files run at once, each worker on a database of its own (a copy of
// the migrated one, global-setup.ts): files in one worker share it one after another, as they
// always did, so a file that changes a setting for a moment never meets a file of another worker.
// Two, for two CPUs: the files wait on PostgreSQL, on Prometheus's scrapes and on probes' timers
// most of the time, and the other worker uses that time.
export const INTEGRATION_WORKERS = 2;

/** The database of worker `poolId` (VITEST_POOL_ID, 1…INTEGRATION_WORKERS): the first uses the shared one itself. */
export const workerDatabaseName = (shared: string, poolId: number): string => (poolId <= 1 ? shared : `${shared}_worker${poolId}`);
