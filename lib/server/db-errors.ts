// Telling "PostgreSQL cannot be reached or does not answer" apart from every other error, so the
// API answers 503 with Retry-After (lib/server/http.ts) instead of a generic 500. Errors arrive
// from pg directly, wrapped by Prisma's driver adapter, or wrapped again by Prisma's client.

/** Node's network errors, Prisma's connection and pool-timeout codes. */
const CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH",
  "P1001", "P1002", "P1008", "P1017", "P2024", "P2028",
]);

/** SQLSTATE: connection exception (08), insufficient resources (53), operator intervention (57P0x), statement timeout (57014). */
const SQLSTATE = /^(08[0-9A-Z]{3}|53[0-9A-Z]{3}|57P0[1-4]|57014)$/;

/** Driver adapter error kinds (@prisma/driver-adapter-utils). */
const KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Can't reach database server|Unable to start a transaction in the given time|Timed out fetching a new connection|canceling statement due to statement timeout|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Client has encountered a connection error|server closed the connection/i;

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (depth > 6 || err === null || typeof err !== "object") return false;
  const e = err as Record<string, unknown>;
  for (const key of ["code", "originalCode", "errno"] as const) {
    const code = e[key];
    if (typeof code === "string" && (CODES.has(code) || SQLSTATE.test(code))) return true;
  }
  if (typeof e.kind === "string" && KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  const meta = e.meta as Record<string, unknown> | undefined;
  const nested = [e.cause, meta?.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
