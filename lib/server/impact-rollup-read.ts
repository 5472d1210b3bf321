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
type SumRow = [serviceId: string, key: string, downMs: number, unplannedMs: number, maintenanceMs: number];

const iso = (t: number) => new Date(t).toISOString();

/** The SQL arrays of some plans: key, days, two hour ranges (an empty range is from = to), and each one's service. */
function planArrays(plans: { plan: Interval; service?: string }[]): unknown[] {
  const cols: string[][] = [[], [], [], [], [], [], [], []];
  for (const { plan, service } of plans) {
    const p = planRolled(plan.from, plan.to);
    const [h1, h2] = [p.hours[0] ?? { from: 0, to: 0 }, p.hours[1] ?? { from: 0, to: 0 }];
    const days = p.days ?? { from: 0, to: 0 };
    const values = [planKey(plan.from, plan.to), iso(days.from), iso(days.to), iso(h1.from), iso(h1.to), iso(h2.from), iso(h2.to), service ?? ""];
    values.forEach((v, i) => (cols[i] as string[]).push(v));
  }
  return cols;
}

/**
 * The series of `services` over `windows`: a service whose rollups are trusted (no pending mark,
 * no ongoing impact before the series ends) from its buckets and raw edges; any other from its raw
 * impacts, as before rollups. `every`: the services are the whole fleet (no id filter in SQL).
 */
export async function rolledSeriesOf(services: ServiceSlo[], every: boolean, windows: ResolvedWindow[], opts: SeriesOptions, isolate = true): Promise<(SeriesDto | ServiceFailureDto)[]> {
  const first = windows[0];
  const last = windows.at(-1);
  if (!first || !last || services.length === 0) return services.map((s) => seriesDto(s, windows, [], opts));
  const { asOf } = opts;
  const lo = first.from;
  const hi = Math.max(lo, Math.min(last.to, asOf));
  const ids = every ? null : services.map((s) => s.id);

  // The plans every service shares (each window whole) and those of one service (measuredSince inside a window).
  const common = seriesPlans(windows, { asOf, measuredSince: null });
  const commonKeys = new Set(common.map((p) => planKey(p.from, p.to)));
  const specific: { plan: Interval; service: string }[] = [];
  for (const s of services) {
    for (const plan of seriesPlans(windows, { asOf, measuredSince: s.measuredSince })) {
      if (!commonKeys.has(planKey(plan.from, plan.to))) specific.push({ plan, service: s.id });
    }
  }
  const rawOf = (plans: Interval[]) => plans.flatMap((p) => planRolled(p.from, p.to).raw);
  const commonRaw = rawOf(common);
  const specificRaw = specific.flatMap(({ plan, service }) => rawOf([plan]).map((r) => ({ ...r, service })));

  const client = await pool().connect();
  let blocked: Set<string>;
  let sums: SumRow[];
  let edges: ImpactRow[];
  let rawRows: ImpactRow[];
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    blocked = new Set((await client.query<[string]>({ text: rollupBlockedSql(), values: [iso(hi), ids], rowMode: "array" })).rows.map(([id]) => id));
    const commonSums = await client.query<SumRow>({ text: rollupSumsSql(false), values: [...planArrays(common.map((plan) => ({ plan }))).slice(0, 7), ids], rowMode: "array" });
    const specificSums = specific.length > 0 ? await client.query<SumRow>({ text: rollupSumsSql(true), values: planArrays(specific), rowMode: "array" }) : { rows: [] };
    sums = [...commonSums.rows, ...specificSums.rows];
    edges = (
      await client.query<ImpactRow>({
        text: rollupEdgesSql(),
        values: [commonRaw.map((r) => iso(r.from)), commonRaw.map((r) => iso(r.to)), specificRaw.map((r) => r.service), specificRaw.map((r) => iso(r.from)), specificRaw.map((r) => iso(r.to)), ids],
        rowMode: "array",
      })
    ).rows;
    const rawIds = services.filter((s) => blocked.has(s.id)).map((s) => s.id);
    rawRows = rawIds.length > 0 && hi > lo ? (await client.query<ImpactRow>({ text: impactsSql(true, false), values: impactsParams(lo, hi, rawIds), rowMode: "array" })).rows : [];
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }

  // Per service: its own plans' sums first, then the shared ones (the SQL added each part; parts add up here).
  const byService = new Map<string, Map<string, Sum>>();
  for (const [serviceId, key, downMs, unplannedMs, maintenanceMs] of sums) {
    let own = byService.get(serviceId);
    if (!own) byService.set(serviceId, (own = new Map()));
    const sum = own.get(key);
    if (sum) own.set(key, { downMs: sum.downMs + downMs, unplannedMs: sum.unplannedMs + unplannedMs, maintenanceMs: sum.maintenanceMs + maintenanceMs });
    else own.set(key, { downMs, unplannedMs, maintenanceMs });
  }
  const edgeImpacts = collectImpacts(edges);
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
