/**
 * What an incident cost each service it hit: the downtime attributed to it (docs/domain.md "Attribution":
 * every counted second goes to one incident) over its own span, and its share of the service's
 * error budget in the SLO window it falls in. Pure.
 */
import { computeAvailability, type Impact, type MaintenanceRule } from "./availability";
import { budgetSecondsFor } from "./error-budget";
import type { ResolvedWindow } from "./windows";

export type IncidentCost = {
  /** Counted seconds attributed to the incident over its own span, on this service. */
  downtimeSeconds: number;
  /** The SLO window the budget share is of: the one as of the incident's end (or now). */
  window: ResolvedWindow;
  budgetSeconds: number;
  /** Counted seconds attributed to the incident inside that window. */
  windowSeconds: number;
  /** windowSeconds / budgetSeconds: 0.29 is "29 % of the budget" (may exceed 1). */
  budgetShare: number;
};

/** Counted seconds attributed to each incident in [from, to), by incident id. */
export function attributedSeconds(impacts: readonly Impact[], from: number, to: number, asOf: number, maintenance: MaintenanceRule): Map<string, number> {
  if (!(to > from)) return new Map();
  // An incident's own cost is a fact of the incident, measured or not: the whole span counts.
  const result = computeAvailability({ impacts, from, to, asOf, maintenance, measuredSince: null });
  return new Map(result.incidents.map((i) => [i.incidentId, i.downtimeSeconds]));
}

export function incidentCost(args: {
  impacts: readonly Impact[];
  incidentId: string;
  /** The incident's span: its start, and its end or (ongoing) asOf. */
  span: { from: number; to: number };
  sloWindow: ResolvedWindow;
  target: number;
  maintenance: MaintenanceRule;
  asOf: number;
}): IncidentCost {
  const { impacts, incidentId, span, sloWindow, target, maintenance, asOf } = args;
  const downtimeSeconds = attributedSeconds(impacts, span.from, span.to, asOf, maintenance).get(incidentId) ?? 0;
  const windowSeconds = attributedSeconds(impacts, sloWindow.from, sloWindow.to, asOf, maintenance).get(incidentId) ?? 0;
  const budgetSeconds = budgetSecondsFor(target, (sloWindow.to - sloWindow.from) / 1000);
  return { downtimeSeconds, window: sloWindow, budgetSeconds, windowSeconds, budgetShare: budgetSeconds > 0 ? windowSeconds / budgetSeconds : 0 };
}
