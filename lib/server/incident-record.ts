import "server-only";
import { formatIsoInstant, incidentDurations, incidentReference, } from "@/lib/domain";
import type { IncidentRecordDto } from "@/lib/dto/incident-record";
import type { Incident } from "@/lib/generated/prisma/client";

/** The columns of an incident row a period's record reads (with its services' slugs). */
export type IncidentRecordRow = Pick<Incident, "id" | "number" | "title" | "severity" | "kind" | "status" | "startedAt" | "detectedAt" | "acknowledgedAt" | "resolvedAt" | "postmortem"> & {
  impacts: { service: { slug: string } }[];
};

/** A scheduled maintenance's planned end still to come at asOf is no resolution yet. */
export const resolvedBy = (r: Pick<IncidentRecordRow, "resolvedAt">, asOf: number): Date | null => (r.resolvedAt && r.resolvedAt.getTime() <= asOf ? r.resolvedAt : null);

/**
 * One incident of a review's week or a report's period, as of `asOf`, with its durations (the
 * review and the report list the same incident alike). `durations` also carries the time to
 * acknowledge, which the report shows.
 */
export function incidentRecord(r: IncidentRecordRow, asOf: number): { record: IncidentRecordDto; durations: ReturnType<typeof incidentDurations> } {
  const resolvedAt = resolvedBy(r, asOf);
  const durations = incidentDurations({ startedAt: r.startedAt.getTime(), detectedAt: r.detectedAt?.getTime() ?? null, acknowledgedAt: r.acknowledgedAt?.getTime() ?? null, resolvedAt: resolvedAt?.getTime() ?? null });
  const record: IncidentRecordDto = {
    id: r.id,
    reference: incidentReference(r.number),
    title: r.title,
    severity: r.severity,
    kind: r.kind,
    status: r.status,
    services: r.impacts.map((i) => i.service.slug).sort(),
    startedAt: formatIsoInstant(r.startedAt.getTime()),
    resolvedAt: resolvedAt === null ? null : formatIsoInstant(resolvedAt.getTime()),
    ttdSeconds: durations.ttdSeconds,
    ttrSeconds: durations.ttrSeconds,
    postmortemWritten: r.postmortem.trim() !== "",
  };
  return { record, durations };
}
