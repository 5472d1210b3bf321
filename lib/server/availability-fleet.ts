import "server-only";
import { formatIsoInstant } from "@/lib/domain";
import type { AvailabilityListQuery, SeriesQuery } from "@/lib/schemas/availability";
import type { TierFilter } from "@/lib/schemas/common";
import { cachedFigures } from "./figure-cache";
import { fleetSeries, loadFleet, loadFleetSeries, type FleetData, type SeriesData } from "./availability";
import { seriesOf, summarize } from "./availability-summaries";
import { fleetWorkers, type FleetJob, type FleetWorker } from "./fleet-workers";
import { collectImpacts, packImpactRows } from "./impact-rows";
import type { FleetAvailabilityDto, FleetSeriesDto } from "@/lib/dto/availability";

// Below this many services one thread is quicker than packing work for another.
const SPLIT_MIN_SERVICES = 200;
// This thread's share is a little larger: a worker also unpacks its part and sends back its JSON.
const HERE_SHARE = 1.2;

type Part = { from: number; to: number };
type Data = ({ kind: "summaries" } & FleetData) | ({ kind: "series" } & SeriesData);

/** Contiguous parts of n services: the first for this thread, one per worker after it. */
export function fleetParts(n: number, workers: number): Part[] {
  if (workers === 0) return [{ from: 0, to: n }];
  const first = Math.min(n, Math.round((n * HERE_SHARE) / (workers + HERE_SHARE)));
  const size = Math.ceil((n - first) / workers);
  return [{ from: 0, to: first }, ...Array.from({ length: workers }, (_, i) => ({ from: Math.min(n, first + i * size), to: Math.min(n, first + (i + 1) * size) }))];
}

/** Services [from, to), computed here, as a JSON array. */
function here(data: Data, { from, to }: Part): string {
  const services = data.services.slice(from, to);
  const loaded = collectImpacts(data.rows, new Set(services.map((s) => s.id)));
  if (data.kind === "series") return JSON.stringify(seriesOf(services, data.windows, loaded, data.opts));
  return JSON.stringify(summarize(services, data.windows.slice(from, to), loaded, data.opts));
}

/** The same on a worker; if the worker fails, here after all. */
function there(worker: FleetWorker, data: Data, part: Part): Promise<string> {
  const services = data.services.slice(part.from, part.to);
  const packed = packImpactRows(
    data.rows,
    services.map((s) => s.id),
  );
  const job: FleetJob =
    data.kind === "series"
      ? { kind: "series", services, windows: data.windows, packed, opts: data.opts }
      : { kind: "summaries", services, windows: data.windows.slice(part.from, part.to), packed, opts: data.opts };
  return worker.run(job).catch((err: unknown) => {
    console.error("[fleet] a worker failed its part; computing it here:", err instanceof Error ? err.message : err);
    return here(data, part);
  });
}

/**
 * The rows are read once, here; then for a large fleet the list is cut into contiguous parts, one
 * for this thread and one per ready worker thread (fleet-workers.ts), each computed and serialised
 * by the same code (availability-summaries.ts), and the parts' JSON is joined in order. Every
 * figure of a service comes from one thread.
 */
async function inParts(data: Data, key: string, splitMinServices: number): Promise<string> {
  const n = data.services.length;
  const workers = n >= splitMinServices ? fleetWorkers().available() : [];
  const [mine, ...theirs] = fleetParts(n, workers.length) as [Part, ...Part[]];
  // Posted before this thread starts its own part, so that the parts run side by side.
  const remote = theirs.map((part, i) => there(workers[i] as FleetWorker, data, part));
  const parts = [here(data, mine), ...(await Promise.all(remote))];
  const elements = parts.map((p) => p.slice(1, -1)).filter((p) => p !== "").join(",");
  return `{"asOf":${JSON.stringify(formatIsoInstant(data.asOf))},"${key}":[${elements}]}`;
}

type SplitOptions = { splitMinServices?: number };

/** `GET /api/v1/availability` as a JSON body, `{"asOf", "services": [...]}`. */
export async function allAvailabilityJson(q: AvailabilityListQuery, opts: SplitOptions = {}): Promise<string> {
  return inParts({ kind: "summaries", ...(await loadFleet(q)) }, "services", opts.splitMinServices ?? SPLIT_MIN_SERVICES);
}

/** `GET /api/v1/availability/series` as a JSON body, `{"asOf", "series": [...]}`. */
export async function allSeriesJson(q: SeriesQuery): Promise<string> {
  // From rollups (docs/decisions/0029-impact-rollups.md): little is left to compute, so one thread.
  return JSON.stringify(await fleetSeries(q));
}

/** The same from the raw impacts, split across the fleet workers: what the rollups are checked against. */
export async function rawSeriesJson(q: SeriesQuery, opts: SplitOptions = {}): Promise<string> {
  return inParts({ kind: "series", ...(await loadFleetSeries(q)) }, "series", opts.splitMinServices ?? SPLIT_MIN_SERVICES);
}

// For pages: the same computation, as objects. The parts come back from the workers as JSON, so
// parsing the joined body once is the cheapest way to objects (about 10 ms for 1,000 services).

export async function allAvailability(q: AvailabilityListQuery, opts: SplitOptions = {}): Promise<FleetAvailabilityDto> {
  return JSON.parse(await allAvailabilityJson(q, opts)) as FleetAvailabilityDto;
}

export async function allSeries(q: SeriesQuery): Promise<FleetSeriesDto> {
  return (await fleetSeries(q)) as FleetSeriesDto;
}


/**
 * Every active service (or a tier's) in its own SLO window now, without incident lists: what
 * /metrics and the overview read, computed once per short interval for every process
 * (figure-cache.ts). `computedAt`: when the figures were computed (their age is said where shown).
 */
export async function currentFleetSummary(tier?: TierFilter): Promise<{ fleet: FleetAvailabilityDto; computedAt: number; cached: boolean }> {
  const q = { incidents: 0, ...(tier ? { tier } : {}) } satisfies AvailabilityListQuery;
  const { body, computedAt, cached } = await cachedFigures(`fleet-summary:${JSON.stringify(tier ?? null)}`, () => allAvailabilityJson(q));
  return { fleet: JSON.parse(body) as FleetAvailabilityDto, computedAt, cached };
}
