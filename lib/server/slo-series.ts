import "server-only";
import { countBuckets, type Bucket } from "@/lib/domain/measured-sli";
import { countProbe, type ProbeHistory } from "@/lib/domain/probe-reads";
import { meetsTarget } from "@/lib/domain/error-budget";
import type { SloSeriesDto } from "@/lib/dto/slos";
import type { SeriesQuery } from "@/lib/schemas/availability";
import { seriesFor, seriesWindows } from "./availability";
import { loadServiceSlo, organisationTimeZone } from "./availability-data";
import { prisma } from "./db";
import { NotFoundError } from "./errors";
import { probeHistories } from "./probe-history";
import { getSlo } from "./slos";

// One SLO per day, week or month (the buckets of the service series, in the organisation's zone),
// in its own unit: the incident record through the engine, a probe's runs and Prometheus's
// buckets counted per bucket as its figures are.

const iso = (ms: number) => new Date(ms).toISOString();

export async function sloSeries(id: string, q: SeriesQuery): Promise<SloSeriesDto> {
  const slo = await getSlo(id);
  const asOf = q.asOf?.getTime() ?? Date.now();
  const base = { slo, asOf: iso(asOf), bucket: q.bucket, unit: slo.unit };
  if (slo.sli.source === "incidents") {
    const service = await loadServiceSlo(slo.service.slug);
    if (!service) throw new NotFoundError("Service", slo.service.slug);
    const s = await seriesFor({ ...service, target: slo.target, sloWindow: slo.window, maintenance: slo.maintenance }, q);
    return { ...base, timeZone: s.timeZone, entries: s.entries.map((e) => ({ label: e.label, from: e.from, to: e.to, sli: e.availability, good: null, total: null, unknownSeconds: 0, metTarget: e.metTarget })) };
  }
  const timeZone = await organisationTimeZone();
  const windows = seriesWindows(q, timeZone, asOf);
  const from = windows[0]?.from ?? asOf;
  const to = Math.min(windows.at(-1)?.to ?? asOf, asOf);
  const count = (w: { from: number; to: number }) => ({ from: w.from, to: Math.max(w.from, Math.min(w.to, asOf)) });
  if (slo.sli.source === "probe") {
    const sli = slo.sli;
    const kind = sli.kind === "latency" ? { kind: "latency" as const, thresholdMs: sli.thresholdMs ?? 0 } : { kind: "success" as const };
    const reads = windows.map((w) => ({ use: "count" as const, sli: kind, budgeting: slo.budgeting, range: count(w) }));
    const history = (await probeHistories([{ probeId: sli.probe, reads }])).get(sli.probe) as ProbeHistory;
    return {
      ...base,
      timeZone,
      entries: windows.map((w) => {
        const c = countProbe(history, kind, slo.budgeting, count(w), w.from);
        const value = c.total > 0 ? c.good / c.total : null;
        return { label: w.label, from: iso(w.from), to: iso(w.to), sli: value, good: c.good, total: c.total, unknownSeconds: c.unknownSeconds, metTarget: meetsTarget(value, slo.target) };
      }),
    };
  }
  const rows = await prisma.sloBucket.findMany({ where: { sloId: id, start: { gte: new Date(from), lt: new Date(to) } }, orderBy: { start: "asc" }, select: { start: true, seconds: true, good: true, total: true, covered: true } });
  const buckets: Bucket[] = rows.map((r) => ({ start: r.start.getTime(), seconds: r.seconds, good: r.good, total: r.total, covered: r.covered }));
  return {
    ...base,
    timeZone,
    entries: windows.map((w) => {
      const c = countBuckets(buckets, slo.budgeting, count(w), w.from);
      const value = c.total > 0 ? c.good / c.total : null;
      return { label: w.label, from: iso(w.from), to: iso(w.to), sli: value, good: c.good, total: c.total, unknownSeconds: c.unknownSeconds, metTarget: meetsTarget(value, slo.target) };
    }),
  };
}
