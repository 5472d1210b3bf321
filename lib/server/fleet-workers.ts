import "server-only";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { SHARE_ENV, Worker } from "node:worker_threads";
import type { ResolvedWindow } from "@/lib/domain";
import type { ServiceSlo } from "./availability-data";
import type { SeriesOptions, SummarizeOptions } from "./availability-summaries";
import type { PackedImpacts } from "./impact-rows";

/**
 * Some services' summaries or series to compute, with everything that takes (`windows` is each
 * service's window for summaries, the buckets for series): the worker reads nothing itself.
 */
export type FleetJob = { services: ServiceSlo[]; windows: ResolvedWindow[]; packed: PackedImpacts } & (
  | { kind: "summaries"; opts: SummarizeOptions }
  | { kind: "series"; opts: SeriesOptions }
);
export type FleetJobMessage = { id: number; job: FleetJob };
/** `json`: the services' summaries or series, as a JSON array. */
export type FleetWorkerReply = { ready: true } | { id: number; json: string } | { id: number; error: string };

// Plain JavaScript, so that Node starts it as it is; it loads the TypeScript (see there).
const ENTRY = path.join(process.cwd(), "lib", "server", "fleet-worker.mjs");
// A worker that dies before it is ready this many times is not started again.
const MAX_START_FAILURES = 3;

type Pending = { resolve: (json: string) => void; reject: (e: Error) => void };

export class FleetWorker {
  ready = false;
  dead = false;
  private readonly pending = new Map<number, Pending>();
  private readonly worker: Worker;
  private nextId = 1;
  private settledWaiters: (() => void)[] = [];

  constructor(entry: string, onDeath: (w: FleetWorker, err: Error) => void) {
    this.worker = new Worker(entry, {
      // `server-only` resolves to an empty module under this condition, as in the server bundle.
      execArgv: ["--conditions=react-server"],
      env: SHARE_ENV,
      // A whole job's garbage between collections, as the server has (scripts/lib/app-env.ts).
      resourceLimits: { maxYoungGenerationSizeMb: 384 },
    });
    // An idle worker must not keep the process alive.
    this.worker.unref();
    this.worker.on("message", (m: FleetWorkerReply) => {
      if ("ready" in m) {
        this.ready = true;
        for (const w of this.settledWaiters.splice(0)) w();
        return;
      }
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if ("json" in m) p?.resolve(m.json);
      else p?.reject(new Error(m.error));
    });
    const die = (err: Error) => {
      if (this.dead) return;
      this.dead = true;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      for (const w of this.settledWaiters.splice(0)) w();
      onDeath(this, err);
    };
    this.worker.on("error", die);
    this.worker.on("exit", (code) => die(new Error(`fleet worker exited with code ${code}`)));
  }

  whenSettled(): Promise<void> {
    return this.ready || this.dead ? Promise.resolve() : new Promise((r) => this.settledWaiters.push(r));
  }

  run(job: FleetJob): Promise<string> {
    const id = this.nextId++;
    const { packed } = job;
    const buffers = [packed.counts, packed.maintenance, packed.numbers, packed.timesMaintenance, packed.timesNumbers].map((a) => a.buffer as ArrayBuffer);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // The packed arrays move to the worker rather than being copied.
      this.worker.postMessage({ id, job } satisfies FleetJobMessage, buffers);
    });
  }
}

/**
 * Worker threads for the all-services summary and series: their services are split between this
 * thread and the workers, so that computing and serialising a thousand services' figures uses
 * more than one core.
 * Until a worker has loaded (or if none can run) the caller does all the work itself, so a request
 * never waits for a worker to start.
 */
export class FleetWorkers {
  private workers: FleetWorker[] = [];
  private startFailures = 0;

  constructor(
    private readonly size: number,
    private readonly entry: string,
  ) {}

  /** Starts the missing workers (with the server, and again after one has died). */
  start(): void {
    if (this.startFailures >= MAX_START_FAILURES) return;
    while (this.workers.length < this.size) {
      this.workers.push(
        new FleetWorker(this.entry, (w, err) => {
          this.workers = this.workers.filter((x) => x !== w);
          if (!w.ready) this.startFailures++;
          const giveUp = this.startFailures >= MAX_START_FAILURES ? " (not starting another)" : "";
          console.error(`[fleet] a worker stopped: ${err.message}${giveUp}`);
        }),
      );
    }
  }

  /** The workers ready now (starting any that are missing, for next time). */
  available(): FleetWorker[] {
    this.start();
    return this.workers.filter((w) => w.ready);
  }

  /** Resolves, with the number ready, once every worker started is ready or has failed. */
  async settled(): Promise<number> {
    this.start();
    await Promise.all(this.workers.map((w) => w.whenSettled()));
    return this.workers.filter((w) => w.ready).length;
  }
}

/**
 * One per core beyond the first, at most three (PostgreSQL needs cores too), or
 * NINES_FLEET_WORKERS. None under `next dev`: a worker keeps the code it loaded while the app
 * reloads edits.
 */
function workerCount(): number {
  const configured = process.env.NINES_FLEET_WORKERS;
  if (configured !== undefined && /^\d+$/.test(configured)) return Number(configured);
  if (configured !== undefined) console.error(`[fleet] NINES_FLEET_WORKERS=${JSON.stringify(configured)} is not a whole number; using the default`);
  if (process.env.NODE_ENV === "development") return 0;
  return Math.max(0, Math.min(3, availableParallelism() - 1));
}

const globalForFleet = globalThis as unknown as { __ninesFleetWorkers?: FleetWorkers };

/** The process's workers (instrumentation.ts starts them with the server). */
export function fleetWorkers(): FleetWorkers {
  globalForFleet.__ninesFleetWorkers ??= new FleetWorkers(existsSync(ENTRY) ? workerCount() : 0, ENTRY);
  return globalForFleet.__ninesFleetWorkers;
}
