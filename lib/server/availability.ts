import "server-only";
import {
  BURN_LOOKBACKS,
  bucketWindows,
  bucketsBetween,
  budgetSecondsFor,
  computeIncidentMetrics,
  computeSeries,
  currentWindowForSlo,
  parseSloWindow,
  parseWindow,
  resolveWindow,
  summarizeService,
  type BucketUnit,
  type ResolvedWindow,
} from "@/lib/domain";
import { MAX_SERIES_BUCKETS, type AvailabilityListQuery, type AvailabilityQuery, type SeriesQuery } from "@/lib/schemas/availability";
import {
  loadImpacts,
  loadIncidents,
  loadServiceSlos,
  organisationTimeZone,
  type ServiceImpacts,
  type ServiceSlo,
} from "./availability-data";
import { NotFoundError, ValidationError } from "./errors";
import { toSeriesEntry, toSummaryDto, type AvailabilitySummaryDto, type SeriesEntryDto } from "./availability-dto";

const LONGEST_BURN = Math.max(...Object.values(BURN_LOOKBACKS));
/** Incidents named per service in the all-services summary (with the total count beside). */
export const FLEET_INCIDENT_LIMIT = 5;

/** The requested window, else the service's own SLO window, both in the organisation's zone. */
function windowFor(service: ServiceSlo, label: string | undefined, timeZone: string, asOf: number): ResolvedWindow {
  if (label) {
    const spec = parseWindow(label);
    if (spec) return resolveWindow(spec, { timeZone, asOf });
  }
  const slo = parseSloWindow(service.sloWindow) ?? { kind: "rolling" as const, days: 30 };
  return currentWindowForSlo(slo, { timeZone, asOf });
}

/** Load range covering every window plus the burn-rate lookbacks before asOf. */
function loadRange(windows: ResolvedWindow[], asOf: number): { from: number; to: number } {
  let from = asOf - LONGEST_BURN;
  let to = asOf;
  for (const w of windows) {
    from = Math.min(from, w.from);
    to = Math.max(to, Math.min(w.to, asOf));
  }
  return { from, to };
}

async function summaries(
  services: ServiceSlo[],
  label: string | undefined,
  asOf: number,
  detail: boolean,
  allServices = false,
): Promise<AvailabilitySummaryDto[]> {
  const timeZone = await organisationTimeZone();
  // Services share windows (one label, or a handful of SLO windows): resolve each once.
  const resolved = new Map<string, ResolvedWindow>();
  const windows = services.map((s) => {
    const key = label ?? s.sloWindow;
    let window = resolved.get(key);
    if (!window) resolved.set(key, (window = windowFor(s, label, timeZone, asOf)));
    return window;
  });
  const range = loadRange(windows, asOf);
  const ids = services.map((s) => s.id);
  // Every service: impacts and incidents both by time range, at once. A few services: the
  // incidents are looked up by the ids their impacts name.
  const [data, incidents] = allServices
    ? await Promise.all([loadImpacts(ids, range.from, range.to, { allServices }), loadIncidents(range.from, range.to)])
    : await loadImpacts(ids, range.from, range.to).then(async (d) => {
        const incidentIds = [...new Set([...d.values()].flatMap((x) => x.impacts.map((i) => i.incidentId)))];
        return [d, await loadIncidents(range.from, range.to, incidentIds)] as const;
      });
  const limit = detail ? Number.POSITIVE_INFINITY : FLEET_INCIDENT_LIMIT;
  const computed = services.map((service, i) => {
    const window = windows[i] as ResolvedWindow;
    const { impacts } = data.get(service.id) as ServiceImpacts;
    const summary = summarizeService({ impacts, target: service.target, maintenance: service.maintenance, window, asOf });
    const own = new Set(impacts.map((x) => x.incidentId));
    const times = [...own].flatMap((id) => incidents.get(id)?.times ?? []);
    const metrics = computeIncidentMetrics(times, { from: window.from, to: Math.min(window.to, asOf) });
    return { service, window, summary, metrics };
  });
  // The fleet view names each service's top contributors; one service's view names them all.
  return computed.map((c) => toSummaryDto({ ...c, asOf, timeZone, incidents, detail, incidentLimit: limit }));
}

export async function serviceAvailability(slug: string, q: AvailabilityQuery): Promise<AvailabilitySummaryDto> {
  const [service] = await loadServiceSlos({ slug });
  if (!service) throw new NotFoundError("Service", slug);
  const [summary] = await summaries([service], q.window, q.asOf?.getTime() ?? Date.now(), true);
  return summary as AvailabilitySummaryDto;
}

export async function allAvailability(q: AvailabilityListQuery): Promise<{ asOf: string; services: AvailabilitySummaryDto[] }> {
  const asOf = q.asOf?.getTime() ?? Date.now();
  const services = await loadServiceSlos({ tier: q.tier });
  const everyService = q.tier === undefined;
  return { asOf: new Date(asOf).toISOString(), services: await summaries(services, q.window, asOf, false, everyService) };
}

const DEFAULT_COUNTS: Record<BucketUnit, number> = { day: 30, week: 26, month: 12 };

// A bucket is at most 31 days long: cheap bound on from/to before any bucket is resolved.
const LONGEST_BUCKET_MS: Record<BucketUnit, number> = { day: 25 * 3_600_000, week: 7 * 86_400_000 + 3_600_000, month: 31 * 86_400_000 + 3_600_000 };

function seriesWindows(q: SeriesQuery, timeZone: string, asOf: number): ResolvedWindow[] {
  if (!(q.from && q.to)) return bucketWindows(q.bucket, q.count ?? DEFAULT_COUNTS[q.bucket], { timeZone, asOf });
  const tooMany = ValidationError.field("to", `At most ${MAX_SERIES_BUCKETS} ${q.bucket} buckets between from and to`);
  if (q.to.getTime() - q.from.getTime() > (MAX_SERIES_BUCKETS + 1) * LONGEST_BUCKET_MS[q.bucket]) throw tooMany;
  const windows = bucketsBetween(q.bucket, q.from.getTime(), q.to.getTime(), { timeZone });
  if (windows.length > MAX_SERIES_BUCKETS) throw tooMany;
  return windows;
}

export type SeriesDto = {
  service: { slug: string; name: string; tier: { rank: number; name: string } };
  bucket: BucketUnit;
  timeZone: string;
  slo: { target: number; maintenance: "count" | "exclude" };
  entries: SeriesEntryDto[];
};

async function series(services: ServiceSlo[], q: SeriesQuery): Promise<{ asOf: string; series: SeriesDto[] }> {
  const asOf = q.asOf?.getTime() ?? Date.now();
  const timeZone = await organisationTimeZone();
  const windows = seriesWindows(q, timeZone, asOf);
  const first = windows[0];
  const last = windows.at(-1);
  const data = first && last
    ? await loadImpacts(services.map((s) => s.id), first.from, Math.min(last.to, asOf), { allServices: q.tier === undefined && services.length > 1 })
    : new Map();
  return {
    asOf: new Date(asOf).toISOString(),
    series: services.map((service) => {
      const impacts = (data.get(service.id) as ServiceImpacts | undefined)?.impacts ?? [];
      const results = computeSeries(impacts, windows, { asOf, maintenance: service.maintenance });
      return {
        service: { slug: service.slug, name: service.name, tier: { rank: service.tier.rank, name: service.tier.name } },
        bucket: q.bucket,
        timeZone,
        slo: { target: service.target, maintenance: service.maintenance },
        entries: results.map((r, i) =>
          toSeriesEntry((windows[i] as ResolvedWindow).label, r, budgetSecondsFor(service.target, r.totalSeconds)),
        ),
      };
    }),
  };
}

export async function serviceSeries(slug: string, q: SeriesQuery): Promise<{ asOf: string } & SeriesDto> {
  const [service] = await loadServiceSlos({ slug });
  if (!service) throw new NotFoundError("Service", slug);
  const result = await series([service], q);
  return { asOf: result.asOf, ...(result.series[0] as SeriesDto) };
}

export async function allSeries(q: SeriesQuery): Promise<{ asOf: string; series: SeriesDto[] }> {
  return series(await loadServiceSlos({ tier: q.tier }), q);
}
