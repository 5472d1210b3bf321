/**
 * The incident lane beneath a service's trend draws at most so many bars; past that, the incidents
 * that cost the service the most downtime in the lane's range. "Cost" is the engine's attribution
 * (docs/domain.md "Attribution"): counted seconds, overlaps given to one incident, maintenance
 * under an `exclude` rule costing nothing. A raw length × fraction would rank an incident that
 * another one fully covered, or excluded maintenance, above ones that did cost downtime. Pure.
 */
import { computeAvailability, type Impact, type MaintenanceRule } from "./availability";

/**
 * The ids of at most `limit` incidents among `impacts` (a service's, overlapping [from, to)), in
 * the engine's attribution order: most counted downtime first, then the earliest start, then the
 * id. Incidents the engine saw no counted second of follow in the same order.
 */
export function mostCostlyIncidents(impacts: readonly Impact[], range: { from: number; to: number; asOf: number }, rule: MaintenanceRule, limit: number): string[] {
  const { incidents } = computeAvailability({ impacts, from: range.from, to: range.to, asOf: range.asOf, maintenance: rule, measuredSince: null });
  const ranked = incidents.map((i) => i.incidentId);
  // Every impact active in the range is in the attribution list; one the timeline dropped (no
  // length within the range) is still a bar the lane could draw, after the others.
  const seen = new Set(ranked);
  const rest = impacts
    .filter((i) => !seen.has(i.incidentId))
    .sort((a, b) => a.incidentStartedAt - b.incidentStartedAt || (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0))
    .map((i) => i.incidentId);
  return [...new Set([...ranked, ...rest])].slice(0, Math.max(0, limit));
}
