import "server-only";
import { formatIsoInstant } from "@/lib/domain";
import type { AvailabilityListQuery } from "@/lib/schemas/availability";
import { loadFleet, type FleetData } from "./availability";
import { summarize } from "./availability-summaries";
import { fleetWorkers, type FleetWorker } from "./fleet-workers";
import { collectImpacts, packImpactRows } from "./impact-rows";

// Below this many services one thread is quicker than packing work for another.
const SPLIT_MIN_SERVICES = 200;
// This thread's share is a little larger: a worker also unpacks its part and sends back its JSON.
const HERE_SHARE = 1.2;

type Part = { from: number; to: number };

/** Services [from, to) of the fleet, summarised here, as a JSON array. */
function here(data: FleetData, { from, to }: Part): string {
  const services = data.services.slice(from, to);
  const loaded = collectImpacts(data.rows, new Set(services.map((s) => s.id)));
  return JSON.stringify(summarize(services, data.windows.slice(from, to), loaded, data.opts));
}

/** The same on a worker; if the worker fails, here after all. */
function there(worker: FleetWorker, data: FleetData, part: Part): Promise<string> {
  const services = data.services.slice(part.from, part.to);
  const packed = packImpactRows(
    data.rows,
    services.map((s) => s.id),
  );
  return worker.run({ services, windows: data.windows.slice(part.from, part.to), packed, opts: data.opts }).catch((err: unknown) => {
    console.error("[fleet] a worker failed its part; computing it here:", err instanceof Error ? err.message : err);
    return here(data, part);
  });
}

/** Contiguous parts of n services: the first for this thread, one per worker after it. */
export function fleetParts(n: number, workers: number): Part[] {
  if (workers === 0) return [{ from: 0, to: n }];
  const first = Math.min(n, Math.round((n * HERE_SHARE) / (workers + HERE_SHARE)));
  const size = Math.ceil((n - first) / workers);
  return [{ from: 0, to: first }, ...Array.from({ length: workers }, (_, i) => ({ from: Math.min(n, first + i * size), to: Math.min(n, first + (i + 1) * size) }))];
}

/**
 * `GET /api/v1/availability` as a JSON body, `{"asOf", "services": [...]}`. The rows are read
 * once, here; then for a large fleet the list is cut into contiguous parts, one for this thread
 * and one per ready worker thread (fleet-workers.ts), each summarised and serialised by the same
 * code (availability-summaries.ts), and the parts' JSON is joined in order. Every figure of a
 * service comes from one thread.
 */
export async function allAvailabilityJson(q: AvailabilityListQuery, opts: { splitMinServices?: number } = {}): Promise<string> {
  const data = await loadFleet(q);
  const n = data.services.length;
  const workers = n >= (opts.splitMinServices ?? SPLIT_MIN_SERVICES) ? fleetWorkers().available() : [];
  const [mine, ...theirs] = fleetParts(n, workers.length) as [Part, ...Part[]];
  // Posted before this thread starts its own part, so that the parts run side by side.
  const remote = theirs.map((part, i) => there(workers[i] as FleetWorker, data, part));
  const parts = [here(data, mine), ...(await Promise.all(remote))];
  const services = parts.map((p) => p.slice(1, -1)).filter((p) => p !== "").join(",");
  return `{"asOf":${JSON.stringify(formatIsoInstant(data.asOf))},"services":[${services}]}`;
}
