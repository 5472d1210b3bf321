// Runs once when the server starts: default tiers and the BOOTSTRAP_* environment, before the
// first request. Failures are retried lazily by ensureBootstrap() on the next request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureBootstrap } = await import("@/lib/server/bootstrap");
  await ensureBootstrap().catch((err: unknown) => {
    console.error("[bootstrap] will retry on first request:", err instanceof Error ? err.message : err);
  });
}
