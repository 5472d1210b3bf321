import "server-only";
import { measuredIntervalsWithSpans } from "@/lib/domain/measured-sli";
import { coverageOf, type ProbeHistory } from "@/lib/domain/probe-reads";
import { mergeIntervals, reconcile, subtractIntervals, type Interval } from "@/lib/domain/probes";
import type { ServiceAvailabilityDto } from "@/lib/dto/availability";
import type { SloDto, SloReconcileDto } from "@/lib/dto/slos";
import type { AvailabilityQuery } from "@/lib/schemas/availability";
import { serviceAvailability } from "./availability";
import { prisma } from "./db";
import { ConflictError } from "./errors";
import { probeHistories } from "./probe-history";
import { getSlo } from "./slos";

// Logged against measured: what a measured SLO saw beside what the incident record says, over the
// service's window (as GET /services/{slug}/reconcile does for all of its probes). Time the SLI
// did not measure is left out of both sides: it proves nothing either way.

const seconds = (list: readonly Interval[]) => list.reduce((s, i) => s + (i.to - i.from), 0) / 1000;

export async function reconcileSlo(id: string, q: AvailabilityQuery): Promise<SloReconcileDto> {
  const slo = await getSlo(id);
  if (slo.sli.source === "incidents") throw new ConflictError("This SLO is the incident record itself: set a measured SLO beside it", [{ path: "", message: "not measured" }]);
  return beside(slo, await serviceAvailability(slo.service.slug, q));
}

/** Measured SLOs (probe or Prometheus), each beside its service's incident record: one summary per service. */
export async function reconcileSlos(slos: SloDto[], q: AvailabilityQuery): Promise<SloReconcileDto[]> {
  const measured = slos.filter((s) => s.sli.source !== "incidents");
  const slugs = [...new Set(measured.map((s) => s.service.slug))];
  const summaries = new Map(await Promise.all(slugs.map(async (slug) => [slug, await serviceAvailability(slug, q)] as const)));
  return Promise.all(measured.map((slo) => beside(slo, summaries.get(slo.service.slug) as ServiceAvailabilityDto)));
}

async function beside(slo: SloDto, summary: ServiceAvailabilityDto): Promise<SloReconcileDto> {
  const id = slo.id;
  const window = { from: Date.parse(summary.window.from), to: Date.parse(summary.window.end) };
  let bad: Interval[];
  let good: Interval[];
  if (slo.sli.source === "probe") {
    const sli = slo.sli;
    const kind = sli.kind === "latency" ? { kind: "latency" as const, thresholdMs: sli.thresholdMs ?? 0 } : { kind: "success" as const };
    // A run that misses the SLI (failed, or too slow) stands for the time until the next run: the
    // kept hours say where that was, the runs for the rest.
    const history = (await probeHistories([{ probeId: sli.probe, reads: [{ use: "coverage", sli: kind, range: window }] }])).get(sli.probe) as ProbeHistory;
    const seen = coverageOf(history, kind, window);
    bad = seen.down;
    good = seen.up;
  } else {
    // Minutes as they are; merged hours and days with the spans kept when they were merged
    // (slo-compaction.ts): where their minutes saw bad, and where they read nothing.
    const reach = 2 * 86_400_000; // a merged day starts before a window that begins inside it
    const [rows, spans] = await Promise.all([
      prisma.sloBucket.findMany({ where: { sloId: id, start: { gte: new Date(window.from - reach), lt: new Date(window.to) } }, orderBy: { start: "asc" }, select: { start: true, seconds: true, good: true, total: true } }),
      prisma.sloSpan.findMany({ where: { sloId: id, end: { gt: new Date(window.from) }, start: { lt: new Date(window.to) } }, select: { start: true, end: true, kind: true } }),
    ]);
    const spanList = (kind: string) => spans.filter((x) => x.kind === kind).map((x) => ({ from: x.start.getTime(), to: x.end.getTime() }));
    const buckets = rows.map((r) => ({ start: r.start.getTime(), seconds: r.seconds, good: r.good, total: r.total }));
    const seen = measuredIntervalsWithSpans(buckets, slo.target, window, { bad: spanList("bad"), gaps: spanList("gap") });
    bad = mergeIntervals(seen.bad);
    good = subtractIntervals(mergeIntervals(seen.good), bad);
  }
  const unknown = subtractIntervals([window], mergeIntervals([...bad, ...good]));
  const recorded = mergeIntervals((summary.explanation?.intervals ?? []).filter((i) => i.unplanned > 0).map((i) => ({ from: Date.parse(i.from), to: Date.parse(i.to) })));
  const disagreements = reconcile(bad, good, recorded).map((d) => ({ from: new Date(d.from).toISOString(), to: new Date(d.to).toISOString(), seconds: (d.to - d.from) / 1000, kind: d.kind === "probe_only" ? ("measured_only" as const) : ("incident_only" as const) }));
  return {
    slo: { id: slo.id, name: slo.name, service: slo.service.slug },
    window: { label: summary.window.label, from: summary.window.from, to: summary.window.end },
    measured: { badSeconds: seconds(bad), goodSeconds: seconds(good), unknownSeconds: seconds(unknown) },
    incidentDowntimeSeconds: summary.unplannedSeconds,
    disagreements,
    measuredOnlySeconds: disagreements.filter((d) => d.kind === "measured_only").reduce((s, d) => s + d.seconds, 0),
    incidentOnlySeconds: disagreements.filter((d) => d.kind === "incident_only").reduce((s, d) => s + d.seconds, 0),
  };
}
