import "server-only";

// The loop the schedulers share (probes, notifications): every tick claims what is due, up to the
// room this process has (claims are made in the database with SKIP LOCKED, so every process may
// run the loop), runs each claimed job without waiting for it, and stops cleanly: no new claims,
// the running jobs finished.

/** A log that says each kind of message at most once a minute: while the database is away every tick fails the same way. */
export function onceAMinute(prefix: string, kindOf: (message: string) => string): (message: string) => void {
  const said = new Map<string, number>();
  return (m) => {
    const kind = kindOf(m);
    if (Date.now() - (said.get(kind) ?? 0) < 60_000) return;
    said.set(kind, Date.now());
    console.error(`[${prefix}] ${m}`);
  };
}

export type ClaimLoop = { stop: () => Promise<void>; tick: () => Promise<number> };

const text = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function startClaimLoop<T>(opts: {
  tickMs: number;
  /** Jobs running at once in this process. */
  concurrency: number;
  log: (message: string) => void;
  claim: (room: number) => Promise<T[]>;
  run: (job: T) => Promise<void>;
  /** What a failed job is called in the log: "probe <id>". */
  name: (job: T) => string;
  /** Tick again as soon as a job ends (its follower may be due now), not at the next interval. */
  tickAfterEachJob?: boolean;
  /** Work done now and then beside the claims (pruning old rows). */
  housekeeping?: { everyMs: number; what: string; run: () => Promise<unknown> };
}): ClaimLoop {
  const running = new Set<Promise<void>>();
  let stopped = false;
  let ticking = false;
  let timer: NodeJS.Timeout | null = null;
  let lastHousekeeping = 0;

  async function tick(): Promise<number> {
    const room = opts.concurrency - running.size;
    if (room <= 0) return 0;
    const claimed = await opts.claim(room);
    for (const item of claimed) {
      const job = opts
        .run(item)
        .catch((err: unknown) => opts.log(`${opts.name(item)} failed to record what it did: ${text(err)}`))
        .finally(() => {
          running.delete(job);
          if (opts.tickAfterEachJob) soon();
        });
      running.add(job);
    }
    const chores = opts.housekeeping;
    if (chores && Date.now() - lastHousekeeping > chores.everyMs) {
      lastHousekeeping = Date.now();
      await chores.run().catch((err: unknown) => opts.log(`${chores.what} failed: ${text(err)}`));
    }
    return claimed.length;
  }

  const loop = async () => {
    if (stopped || ticking) return;
    ticking = true;
    await tick().catch((err: unknown) => opts.log(`tick failed: ${text(err)}`));
    ticking = false;
    if (!stopped) timer = setTimeout(loop, opts.tickMs);
  };
  function soon(): void {
    if (stopped || ticking) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(loop, 0);
  }
  timer = setTimeout(loop, 0);
  return {
    tick,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}
