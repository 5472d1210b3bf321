import "server-only";
import { computeSeriesTotalsRolled, planKey, planRolled, seriesPlans, type Interval, type RolledSource } from "@/lib/domain/impact-rollup";
import type { ResolvedWindow } from "@/lib/domain";
import type { SeriesDto, ServiceFailureDto } from "@/lib/dto/availability";
import type { ServiceSlo } from "./availability-data";
import { impactsParams, impactsSql, rollupBlockedSql, rollupEdgesSql, rollupSumsSql } from "./availability-sql";
import { isolated, seriesDto, seriesOne, type SeriesOptions } from "./availability-summaries";
import { pool } from "./db";
import { collectImpacts, type ImpactRow } from "./impact-rows";

// Series read from rollups (docs/decisions/0029-impact-rollups.md). Everything is read in one
// REPEATABLE READ snapshot: the marks, the buckets and the raw rows must agree, or a change
// committed between two reads could be counted by neither or by both.

type Sum = { downMs: number; unplannedMs: number; maintenanceMs: number };
type SumRow = [serviceId: string, table: "d" | "h", bucket: number, downMs: number, unplannedMs: number, maintenanceMs: number];

const iso = (t: number) => new Date(t).toISOString();

/**
 * Below this many services a series is read raw: one service's 26 weeks is ~50 impact rows, read
 * in one query, where the rollups take six round trips (measured at 1,000 services: 13 ms rolled,
 * 5 ms raw for one; 41 and 29 ms for the overview's 25).
 */
const ROLLED_MIN_SERVICES = 100;
/** The tests lower it, to read a few services from rollups. */
const rolledMinServices = () => Number(process.env.NINES_ROLLED_MIN_SERVICES ?? ROLLED_MIN_SERVICES);

/**
 * The SQL parameters of the plans' buckets (rollupSumsSql), and how to read its rows back: a day
 * row's bucket number names an edge in `edges`; the day range starting there belongs to a plan
 * (`dayPlan`) or to none (hours are read for it instead).
 */
function bucketParams(plans: readonly Interval[]): { values: unknown[]; dayPlan: Map<number, number> } {
  const edges: number[] = [];
  const starts = new Map<number, number>();
  const hours: [string[], string[], number[]] = [[], [], []];
  plans.forEach((plan, k) => {
    const p = planRolled(plan.from, plan.to);
    if (p.days) {
      edges.push(p.days.from, p.days.to);
      starts.set(p.days.from, k);
    }
    for (const h of p.hours) {
      hours[0].push(iso(h.from));
      hours[1].push(iso(h.to));
      hours[2].push(k);
    }
  });
  const sorted = [...new Set(edges)].sort((a, b) => a - b);
  // width_bucket(x, edges) = i when edges[i-1] <= x < edges[i] (1-based): the range starting at edges[i-1].
  const dayPlan = new Map<number, number>();
  sorted.forEach((edge, i) => {
    const k = starts.get(edge);
    if (k !== undefined) dayPlan.set(i + 1, k);
  });
  const lo = sorted[0] ?? 0;
  const hi = sorted.at(-1) ?? 0;
  return { values: [iso(lo), iso(hi), (sorted.length > 0 ? sorted : [0]).map(iso), ...hours], dayPlan };
}

/**
 * The series of `services` over `windows`. A service whose rollups are trusted over the whole
 * series (no pending mark, no ongoing impact before it ends, measured since before it starts, so
 * every window is read by the same plan) comes from its buckets and raw edges; any other from its
 * raw impacts, as before rollups. `every`: the services are the whole fleet (no id filter in SQL).
 */
export async function rolledSeriesOf(services: ServiceSlo[], every: boolean, windows: ResolvedWindow[], opts: SeriesOptions, isolate = true): Promise<(SeriesDto | ServiceFailureDto)[]> {
  const first = windows[0];
  const last = windows.at(-1);
  if (!first || !last || services.length === 0) return services.map((s) => seriesDto(s, windows, [], opts));
  const { asOf } = opts;
  const lo = Math.min(...windows.map((w) => w.from));
  const hi = Math.max(lo, Math.min(Math.max(...windows.map((w) => w.to)), asOf));
  const ids = services.map((s) => s.id);
  const plans = seriesPlans(windows, { asOf, measuredSince: null });
  // The day rows are placed by one sorted list of edges: the windows must follow one another.
  const ordered = plans.every((p, i) => i === 0 || p.from >= (plans[i - 1] as Interval).to);
  if (!ordered || (!every && services.length < rolledMinServices())) {
    // A few services' impacts are fewer rows than the rollups' reads cost in round trips.
    const rows = hi > lo ? (await pool().query<ImpactRow>({ text: impactsSql(true, false), values: impactsParams(lo, hi, ids), rowMode: "array" })).rows : [];
    const loaded = collectImpacts(rows);
    return services.map((service) => (isolate ? isolated(service, () => seriesOne(service, windows, loaded, opts)) : seriesOne(service, windows, loaded, opts)));
  }
  const keyOf = plans.map((p) => planKey(p.from, p.to));
  const edges = plans.flatMap((p) => planRolled(p.from, p.to).raw);
  const buckets = bucketParams(plans);

  const client = await pool().connect();
  let blocked: Set<string>;
  let sums: SumRow[];
  let edgeRows: ImpactRow[];
  let rawRows: ImpactRow[];
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // These reads are small range scans: starting parallel workers cost more (40 ms) than they do.
    await client.query("SET LOCAL max_parallel_workers_per_gather = 0");
    blocked = new Set((await client.query<[string]>({ text: rollupBlockedSql(!every), values: every ? [iso(hi)] : [iso(hi), ids], rowMode: "array" })).rows.map(([id]) => id));
    // Measured from inside the series: its first windows would need plans of their own; read raw.
    for (const s of services) if (s.measuredSince > lo && s.measuredSince < hi) blocked.add(s.id);
    sums = (await client.query<SumRow>({ text: rollupSumsSql(!every), values: every ? buckets.values : [...buckets.values, ids], rowMode: "array" })).rows;
    edgeRows = edges.length > 0 ? (await client.query<ImpactRow>({ text: rollupEdgesSql(), values: [edges.map((r) => iso(r.from)), edges.map((r) => iso(r.to))], rowMode: "array" })).rows : [];
    const rawIds = services.filter((s) => blocked.has(s.id)).map((s) => s.id);
    rawRows = rawIds.length > 0 && hi > lo ? (await client.query<ImpactRow>({ text: impactsSql(true, false), values: impactsParams(lo, hi, rawIds), rowMode: "array" })).rows : [];
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }

  // Per service and plan: its day part and hour parts, added here.
  const byService = new Map<string, Map<string, Sum>>();
  for (const [serviceId, table, bucket, downMs, unplannedMs, maintenanceMs] of sums) {
    const k = table === "h" ? bucket : buckets.dayPlan.get(bucket);
    if (k === undefined) continue; // days under a plan's hours, or outside every plan
    let own = byService.get(serviceId);
    if (!own) byService.set(serviceId, (own = new Map()));
    const key = keyOf[k] as string;
    const sum = own.get(key);
    if (sum) own.set(key, { downMs: sum.downMs + downMs, unplannedMs: sum.unplannedMs + unplannedMs, maintenanceMs: sum.maintenanceMs + maintenanceMs });
    else own.set(key, { downMs, unplannedMs, maintenanceMs });
  }
  const edgeImpacts = collectImpacts(edgeRows);
  const rawImpacts = collectImpacts(rawRows);
  const one = (service: ServiceSlo): SeriesDto => {
    if (blocked.has(service.id)) return seriesOne(service, windows, rawImpacts, opts);
    const own = byService.get(service.id);
    const source: RolledSource = { bucketSum: (from, end) => own?.get(planKey(from, end)), impacts: edgeImpacts.byService.get(service.id)?.impacts ?? [] };
    return seriesDto(service, windows, computeSeriesTotalsRolled(source, windows, { asOf, maintenance: service.maintenance, measuredSince: service.measuredSince }), opts);
  };
  // isolate: in a list one service's failure must not blank the others; alone, it propagates.
  return services.map((service) => (isolate ? isolated(service, () => one(service)) : one(service)));
}
