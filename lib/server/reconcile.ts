import "server-only";
import type { ReconcileDto } from "@/lib/dto/probes";
import { coverageOf, type ProbeHistory } from "@/lib/domain/probe-reads";
import { mergeIntervals, reconcile, subtractIntervals, type Interval } from "@/lib/domain/probes";
import type { AvailabilityQuery } from "@/lib/schemas/availability";
import { serviceAvailability } from "./availability";
import { prisma } from "./db";
import { NotFoundError } from "./errors";
import { probeHistories } from "./probe-history";

const seconds = (list: Interval[]) => list.reduce((s, i) => s + (i.to - i.from), 0) / 1000;

/**
 * For a service and window: the downtime its probes saw beside the downtime its incidents record,
 * and where the two disagree. The incidents' side is the engine's own explanation (the same
 * intervals as the availability API); the probes' side counts down when any probe was down, and
 * leaves time no probe watched as unknown.
 */
export async function reconcileService(slug: string, q: AvailabilityQuery): Promise<ReconcileDto> {
  const service = await prisma.service.findUnique({ where: { slug }, select: { id: true, probes: { select: { id: true } } } });
  if (!service) throw new NotFoundError("Service", slug);
  const summary = await serviceAvailability(slug, q);
  const window = { from: Date.parse(summary.window.from), to: Date.parse(summary.window.end) };
  // Each probe's kept hours where they answer, its runs for the rest.
  const success = { kind: "success" as const };
  const histories = await probeHistories(service.probes.map((p) => ({ probeId: p.id, reads: [{ use: "coverage", sli: success, range: window }] })));
  const seen = service.probes.map((p) => coverageOf(histories.get(p.id) as ProbeHistory, success, window));
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
