import "server-only";
import type { ReconcileDto } from "@/lib/dto/probes";
import { mergeIntervals, probeCoverage, reconcile, subtractIntervals, type Interval } from "@/lib/domain/probes";
import type { AvailabilityQuery } from "@/lib/schemas/availability";
import { serviceAvailability } from "./availability";
import { prisma } from "./db";
import { NotFoundError } from "./errors";

const seconds = (list: Interval[]) => list.reduce((s, i) => s + (i.to - i.from), 0) / 1000;

/**
 * For a service and window: the downtime its probes saw beside the downtime its incidents record,
 * and where the two disagree. The incidents' side is the engine's own explanation (the same
 * intervals as the availability API); the probes' side counts down when any probe was down, and
 * leaves time no probe watched as unknown.
 */
export async function reconcileService(slug: string, q: AvailabilityQuery): Promise<ReconcileDto> {
  const service = await prisma.service.findUnique({ where: { slug }, select: { id: true, probes: { select: { id: true, intervalSeconds: true } } } });
  if (!service) throw new NotFoundError("Service", slug);
  const summary = await serviceAvailability(slug, q);
  const window = { from: Date.parse(summary.window.from), to: Date.parse(summary.window.end) };
  const longest = Math.max(0, ...service.probes.map((p) => p.intervalSeconds)) * 1000;
  const runs = service.probes.length
    ? await prisma.probeRun.findMany({ where: { probeId: { in: service.probes.map((p) => p.id) }, at: { gte: new Date(window.from - longest), lt: new Date(window.to) } }, select: { probeId: true, at: true, ok: true }, orderBy: { at: "asc" } })
    : [];
  const seen = service.probes.map((p) => probeCoverage(runs.filter((r) => r.probeId === p.id).map((r) => ({ at: r.at.getTime(), ok: r.ok })), p.intervalSeconds, window));
  const down = mergeIntervals(seen.flatMap((s) => s.down));
  const up = subtractIntervals(mergeIntervals(seen.flatMap((s) => s.up)), down);
  const unknown = subtractIntervals([window], mergeIntervals([...up, ...down]));
  const recorded = mergeIntervals((summary.explanation?.intervals ?? []).filter((i) => i.unplanned > 0).map((i) => ({ from: Date.parse(i.from), to: Date.parse(i.to) })));
  return {
    service: slug,
    window: { label: summary.window.label, from: summary.window.from, to: summary.window.end },
    probes: service.probes.length,
    probe: { upSeconds: seconds(up), downSeconds: seconds(down), unknownSeconds: seconds(unknown) },
    incidentDowntimeSeconds: summary.unplannedSeconds,
    disagreements: reconcile(down, up, recorded).map((d) => ({ from: new Date(d.from).toISOString(), to: new Date(d.to).toISOString(), seconds: (d.to - d.from) / 1000, kind: d.kind })),
  };
}
