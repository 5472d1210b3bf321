import "server-only";
import { formatIsoInstant } from "@/lib/domain/window-labels";
import { mostCostlyIncidents } from "@/lib/domain/incident-lane";
import { incidentReference, type IncidentKind, type Severity } from "@/lib/domain/incident-lifecycle";
import type { IncidentLaneDto } from "@/lib/dto/availability";
import type { SeriesQuery } from "@/lib/schemas/availability";
import { loadServiceSlo, organisationTimeZone } from "./availability-data";
import { laneSql } from "./availability-sql";
import { seriesWindows } from "./availability";
import { pool } from "./db";
import { NotFoundError } from "./errors";

/**
 * A lane beyond this many bars is a solid band no one can read or tab through; a service hit that
 * often in one range gets the ones that cost it the most downtime there by the engine's
 * attribution (so the lane's label is true), and the count of all.
 */
export const LANE_LIMIT = 300;

/**
 * The incidents beneath a service's trend: its impacts overlapping the series' range (the same
 * query resolves the same buckets), each with only what a bar needs: one read of the impact table
 * by (serviceId, effectiveEnd) joined to the incidents' severity, where the incident list would
 * bring every impact's every service and the incidents' texts. A service has one impact per
 * incident, so a bar is an incident.
 */
type LaneRow = { incident_id: string; number: number; title: string; severity: Severity; kind: IncidentKind; start_ms: number; end_ms: number | null; fraction: number; inc_start_ms: number };

export async function incidentLane(slug: string, q: SeriesQuery, limit = LANE_LIMIT): Promise<IncidentLaneDto> {
  const [service, timeZone] = await Promise.all([loadServiceSlo(slug), organisationTimeZone()]);
  if (!service) throw new NotFoundError("Service", slug);
  const asOf = q.asOf?.getTime() ?? Date.now();
  const windows = seriesWindows(q, timeZone, asOf);
  const from = windows[0]?.from ?? asOf;
  const end = windows.at(-1)?.to ?? asOf;
  const to = Math.min(end, asOf);
  const { rows } = await pool().query<LaneRow>(laneSql(), [service.id, new Date(from).toISOString(), new Date(to).toISOString()]);
  const impacts = rows.map((r) => ({ incidentId: r.incident_id, kind: r.kind, fraction: r.fraction, start: r.start_ms, end: r.end_ms, incidentStartedAt: r.inc_start_ms }));
  const drawn = rows.length <= limit ? null : new Set(mostCostlyIncidents(impacts, { from, to: end, asOf }, service.maintenance, limit));
  return {
    asOf: formatIsoInstant(asOf),
    from: formatIsoInstant(from),
    to: formatIsoInstant(to),
    total: rows.length,
    incidents: rows.filter((r) => drawn === null || drawn.has(r.incident_id)).sort((a, b) => a.start_ms - b.start_ms || a.number - b.number).map((r) => ({
      reference: incidentReference(r.number),
      title: r.title,
      severity: r.severity,
      kind: r.kind,
      start: formatIsoInstant(r.start_ms),
      // Resolved after asOf: as of then it was still going on.
      end: r.end_ms !== null && r.end_ms <= asOf ? formatIsoInstant(r.end_ms) : null,
      fraction: r.fraction,
    })),
  };
}
