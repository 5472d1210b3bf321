import "server-only";
import {
  bucketWindows,
  bucketsBetween,
  currentWindowForSlo,
  formatIsoInstant,
  LONGEST_BURN_LOOKBACK,
  parseSloWindow,
  parseWindow,
  resolveWindow,
  type BucketUnit,
  type ResolvedWindow,
} from "@/lib/domain";
import { MAX_SERIES_BUCKETS, type AvailabilityListQuery, type AvailabilityQuery, type SeriesQuery } from "@/lib/schemas/availability";
import { loadImpactRows, loadServiceSlo, loadServiceSlos, organisationTimeZone, type ServiceSlo } from "./availability-data";
import type { SeriesDto, ServiceAvailabilityDto, ServiceFailureDto, ServiceSeriesDto } from "@/lib/dto/availability";
import { seriesOf, summarizeDetail, type SeriesOptions, type SummarizeOptions } from "./availability-summaries";
import { NotFoundError, ValidationError } from "./errors";
import { collectImpacts, type ImpactRow } from "./impact-rows";
import { rolledSeriesOf } from "./impact-rollup-read";

/** The requested window (labels are validated by the query schema), in the organisation's zone. */
function labelWindow(label: string, timeZone: string, asOf: number): ResolvedWindow | null {
  const spec = parseWindow(label);
  return spec ? resolveWindow(spec, { timeZone, asOf }) : null;
}

/** The requested window, else the service's own SLO window, both in the organisation's zone. */
function windowFor(sloWindow: string, label: string | undefined, timeZone: string, asOf: number): ResolvedWindow {
  const requested = label === undefined ? null : labelWindow(label, timeZone, asOf);
  if (requested) return requested;
  const slo = parseSloWindow(sloWindow) ?? { kind: "rolling" as const, days: 30 };
  return currentWindowForSlo(slo, { timeZone, asOf });
}

/** Services share windows (one label, or a handful of SLO windows): each is resolved once. */
export function windowsFor(services: ServiceSlo[], label: string | undefined, timeZone: string, asOf: number): ResolvedWindow[] {
  const resolved = new Map<string, ResolvedWindow>();
  return services.map((s) => {
    const key = label ?? s.sloWindow;
    let window = resolved.get(key);
    if (!window) resolved.set(key, (window = windowFor(s.sloWindow, label, timeZone, asOf)));
    return window;
  });
}

/** Load range covering every window plus the burn-rate lookbacks before asOf. */
export function loadRange(windows: ResolvedWindow[], asOf: number): { from: number; to: number } {
  let from = asOf - LONGEST_BURN_LOOKBACK;
  let to = asOf;
  for (const w of windows) {
    from = Math.min(from, w.from);
    to = Math.max(to, Math.min(w.to, asOf));
  }
  return { from, to };
}

/**
 * The impact rows of the given services (or with `undefined` of every service), with their
 * incidents' milestones and labels: everything a summary is computed from, in one query.
 */
function load(ids: string[] | undefined, range: { from: number; to: number }): Promise<ImpactRow[]> {
  return loadImpactRows(ids, range.from, range.to, true);
}

export async function serviceAvailability(slug: string, q: AvailabilityQuery): Promise<ServiceAvailabilityDto> {
  const service = await loadServiceSlo(slug);
  if (!service) throw new NotFoundError("Service", slug);
  return availabilityFor(service, q);
}

/** A service's figures against the objective given (its own, or one of its SLOs from the incident record). */
export async function availabilityFor(service: ServiceSlo, q: AvailabilityQuery): Promise<ServiceAvailabilityDto> {
  const asOf = q.asOf?.getTime() ?? Date.now();
  const timeZone = await organisationTimeZone();
  const windows = windowsFor([service], q.window, timeZone, asOf);
  const loaded = collectImpacts(await load([service.id], loadRange(windows, asOf)));
  const opts = { asOf, timeZone, incidentLimit: Number.POSITIVE_INFINITY };
  return summarizeDetail(service, windows[0] as ResolvedWindow, loaded, opts);
}

/** Everything the all-services summary is computed from, read at once. */
export type FleetData = { asOf: number; services: ServiceSlo[]; windows: ResolvedWindow[]; rows: ImpactRow[]; opts: SummarizeOptions };

export async function loadFleet(q: AvailabilityListQuery): Promise<FleetData> {
  const asOf = q.asOf?.getTime() ?? Date.now();
  const pending = loadServiceSlos({ tier: q.tier });
  pending.catch(() => {}); // awaited below; must not count as unhandled while the zone is read
  const timeZone = await organisationTimeZone();
  const opts = { asOf, timeZone, incidentLimit: q.incidents };
  const window = q.window === undefined || q.tier !== undefined ? null : labelWindow(q.window, timeZone, asOf);
  if (window) {
    // One window for every service: the range is known before the services are, so the
    // services and the impacts are read at the same time.
    const [services, rows] = await Promise.all([pending, load(undefined, loadRange([window], asOf))]);
    return { asOf, services, windows: services.map(() => window), rows, opts };
  }
  const services = await pending;
  const windows = windowsFor(services, q.window, timeZone, asOf);
  const rows = await load(q.tier === undefined ? undefined : services.map((s) => s.id), loadRange(windows, asOf));
  return { asOf, services, windows, rows, opts };
}

const DEFAULT_COUNTS: Record<BucketUnit, number> = { day: 30, week: 26, month: 12 };

// A bucket is at most 31 days long: cheap bound on from/to before any bucket is resolved.
const LONGEST_BUCKET_MS: Record<BucketUnit, number> = { day: 25 * 3_600_000, week: 7 * 86_400_000 + 3_600_000, month: 31 * 86_400_000 + 3_600_000 };

/** The buckets a series query names, in the organisation's zone (also the incident lane's range). */
export function seriesWindows(q: SeriesQuery, timeZone: string, asOf: number): ResolvedWindow[] {
  if (!(q.from && q.to)) return bucketWindows(q.bucket, q.count ?? DEFAULT_COUNTS[q.bucket], { timeZone, asOf });
  const tooMany = ValidationError.field("to", `At most ${MAX_SERIES_BUCKETS} ${q.bucket} buckets between from and to`);
  if (q.to.getTime() - q.from.getTime() > (MAX_SERIES_BUCKETS + 1) * LONGEST_BUCKET_MS[q.bucket]) throw tooMany;
  const windows = bucketsBetween(q.bucket, q.from.getTime(), q.to.getTime(), { timeZone });
  if (windows.length > MAX_SERIES_BUCKETS) throw tooMany;
  return windows;
}

/** Everything a series of some services (or of every service) is computed from. */
export type SeriesData = { asOf: number; services: ServiceSlo[]; windows: ResolvedWindow[]; rows: ImpactRow[]; opts: SeriesOptions };

/**
 * Either some services (their impacts are read by service id) or every service (a promise, so that
 * the services and the impacts across the whole table are read at the same time).
 */
async function loadSeries(target: { services: ServiceSlo[] } | { every: Promise<ServiceSlo[]> }, q: SeriesQuery, timeZone: string): Promise<SeriesData> {
  const asOf = q.asOf?.getTime() ?? Date.now();
  const windows = seriesWindows(q, timeZone, asOf);
  const first = windows[0];
  const last = windows.at(-1);
  const to = last ? Math.min(last.to, asOf) : 0;
  const [services, rows] =
    "services" in target
      ? [target.services, first ? await loadImpactRows(target.services.map((s) => s.id), first.from, to, false) : []]
      : await Promise.all([target.every, first ? loadImpactRows(undefined, first.from, to, false) : []]);
  return { asOf, services, windows, rows, opts: { asOf, bucket: q.bucket, timeZone } };
}

export async function serviceSeries(slug: string, q: SeriesQuery): Promise<ServiceSeriesDto> {
  const service = await loadServiceSlo(slug);
  if (!service) throw new NotFoundError("Service", slug);
  return seriesFor(service, q);
}

function seriesOptions(q: SeriesQuery, timeZone: string): { windows: ResolvedWindow[]; opts: SeriesOptions } {
  const asOf = q.asOf?.getTime() ?? Date.now();
  return { windows: seriesWindows(q, timeZone, asOf), opts: { asOf, bucket: q.bucket, timeZone } };
}

/** A service's series against the objective given (its own, or one of its SLOs from the incident record), from rollups. */
export async function seriesFor(service: ServiceSlo, q: SeriesQuery): Promise<ServiceSeriesDto> {
  const { windows, opts } = seriesOptions(q, await organisationTimeZone());
  const [series] = (await rolledSeriesOf([service], false, windows, opts, false)) as SeriesDto[];
  return { asOf: formatIsoInstant(opts.asOf), ...(series as SeriesDto) };
}

/** The series of the named services (a page of a list), from rollups. */
export async function seriesOfServices(slugs: string[], q: SeriesQuery): Promise<(SeriesDto | ServiceFailureDto)[]> {
  if (slugs.length === 0) return [];
  const [services, timeZone] = await Promise.all([loadServiceSlos({ slugs }), organisationTimeZone()]);
  const { windows, opts } = seriesOptions(q, timeZone);
  return rolledSeriesOf(services, false, windows, opts);
}

/** Every service's series (or a tier's), from rollups: `{"asOf", "series": [...]}`. */
export async function fleetSeries(q: SeriesQuery): Promise<{ asOf: string; series: (SeriesDto | ServiceFailureDto)[] }> {
  const [services, timeZone] = await Promise.all([loadServiceSlos({ tier: q.tier }), organisationTimeZone()]);
  const { windows, opts } = seriesOptions(q, timeZone);
  return { asOf: formatIsoInstant(opts.asOf), series: await rolledSeriesOf(services, q.tier === undefined, windows, opts) };
}

/** The raw engine's series of the named services (no rollups): what the rollups are checked against. */
export async function rawSeriesOfServices(slugs: string[], q: SeriesQuery): Promise<(SeriesDto | ServiceFailureDto)[]> {
  if (slugs.length === 0) return [];
  const [services, timeZone] = await Promise.all([loadServiceSlos({ slugs }), organisationTimeZone()]);
  const data = await loadSeries({ services }, q, timeZone);
  return seriesOf(data.services, data.windows, collectImpacts(data.rows), data.opts);
}

/** Every service's series (or a tier's), with what they are computed from. */
export async function loadFleetSeries(q: SeriesQuery): Promise<SeriesData> {
  if (q.tier !== undefined) {
    const [services, timeZone] = await Promise.all([loadServiceSlos({ tier: q.tier }), organisationTimeZone()]);
    return loadSeries({ services }, q, timeZone);
  }
  const services = loadServiceSlos({});
  // A rejected services read must not go unhandled while the time zone is read.
  services.catch(() => {});
  return loadSeries({ every: services }, q, await organisationTimeZone());
}
