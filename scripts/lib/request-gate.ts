// Backpressure for the production server (scripts/serve.ts): at most `limit` requests are worked
// on at once, the rest wait their turn in arrival order. Without it, fifty browsers at once each
// started a page whose reads all wanted one of the process's ten database connections; waits for a
// connection passed DATABASE_CONNECT_TIMEOUT_MS and pages answered 503 while the database idled
// between them. Waiting here holds no connection. Past `queueLimit` waiting, a request is refused
// at once (503 with Retry-After) rather than kept until its client gives up.

export type RequestGate = {
  /** Resolves with a release function once admitted, or null when the queue is full. */
  enter(): Promise<(() => void) | null>;
  readonly active: number;
  readonly waiting: number;
};

export function requestGate(limit: number, queueLimit: number): RequestGate {
  if (!(Number.isInteger(limit) && limit > 0)) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  let active = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = queue.shift();
      if (next) next();
      else active -= 1;
    };
  };
  return {
    enter() {
      if (active < limit) {
        active += 1;
        return Promise.resolve(release());
      }
      if (queue.length >= queueLimit) return Promise.resolve(null);
      // A slot passes straight from the request leaving to the one admitted: `active` stays.
      return new Promise((resolve) => queue.push(() => resolve(release())));
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

/** Requests that skip the queue: files, and the probes an orchestrator uses to see the process is alive. */
export function bypassesGate(url: string | undefined): boolean {
  const path = (url ?? "/").split("?")[0] ?? "/";
  return path.startsWith("/_next/") || path === "/api/health" || path === "/api/ready" || /\.(?:svg|png|ico|txt|webmanifest|js|css|woff2?)$/.test(path);
}
