/**
 * What OpenSLO objectives change in Nines, as a plan: field changes to existing services, services
 * to create, and everything Nines cannot keep, by document and field. Pure.
 *
 * A service keeps one objective today, computed from its incident record: an objective whose SLI
 * is the incident record (`metricSource.type: Nines`, `source: incidents`) sets the service's
 * target, window and maintenance rule. An objective measured elsewhere (Prometheus, a probe) is
 * named as not imported, never mapped onto the availability objective (a latency target is not an
 * availability target). docs/decisions/0020-openslo-import.md.
 */
import type { ImportedObjective, OpenSloRead, ReadError } from "./openslo-read";

export const MAINTENANCE_ANNOTATION = "nines.dev/maintenance";
export const TIER_ANNOTATION = "nines.dev/tier";
/** The incident record counts seconds; an OpenSLO slice can be no finer than a minute, so up to 1m reads as exact. */
const INCIDENT_SLICE_MAX_SECONDS = 60;

export type ServiceObjective = { sloTarget: number; sloWindow: string; maintenance: "count" | "exclude" };
export type PlannedService = { slug: string; name: string; description: string } & ServiceObjective;
export type TierDefaults = { rank: number; archived: boolean } & ServiceObjective;

export type PlanField = "name" | "description" | "sloTarget" | "sloWindow" | "maintenance";
export type PlanChange = { service: string; field: PlanField; from: string | number; to: string | number };
/** An objective field is null where the new service inherits its tier's. */
export type PlanCreate = { service: string; name: string; description: string; tier: number } & { [K in keyof ServiceObjective]: ServiceObjective[K] | null };
export type OpenSloPlanResult = { changes: PlanChange[]; creates: PlanCreate[]; errors: ReadError[] };

type Wanted = { name?: string; description?: string; sloTarget?: number; sloWindow?: string; maintenance?: "count" | "exclude"; tier?: number; at: { document: number; path: string } };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function describeSli(o: ImportedObjective): string {
  const s = o.sli;
  if (s.source === "prometheus") return `measured by Prometheus (${s.kind === "threshold" ? "a threshold query" : s.kind === "raw" ? "a raw ratio" : "a ratio of queries"})`;
  if (s.source === "probe") return `measured by the probe of ${s.url} (${s.kind === "latency" ? `latency under ${s.thresholdMs} ms` : "success"})`;
  return "from the incident record";
}

export function planOpenSlo(
  read: OpenSloRead,
  services: Map<string, PlannedService>,
  tiers: Map<number, TierDefaults>,
  options: { createServices: boolean; tier?: number },
): OpenSloPlanResult {
  const errors: ReadError[] = [...read.errors];
  const wanted = new Map<string, Wanted>();
  const want = (slug: string, at: Wanted["at"]) => wanted.get(slug) ?? (wanted.set(slug, { at }), wanted.get(slug) as Wanted);
  const known = (slug: string, at: { document: number; path: string }): boolean => {
    if (services.has(slug)) return true;
    if (!options.createServices) return errors.push({ ...at, message: `No service has the slug '${slug}' (?createServices=true creates it)` }), false;
    if (!SLUG.test(slug) || slug.length < 2 || slug.length > 64) return errors.push({ ...at, message: `'${slug}' cannot be a service's slug: 2 to 64 lowercase letters, digits and single hyphens` }), false;
    return true;
  };

  for (const s of read.services) {
    const at = { document: s.document, path: "metadata.name" };
    if (!known(s.slug, at)) continue;
    const w = want(s.slug, at);
    if (s.displayName) w.name = s.displayName;
    if (s.description !== undefined) w.description = s.description;
  }

  const fromRecord = new Map<string, ImportedObjective>();
  for (const o of read.objectives) {
    if (!known(o.service, { document: o.document, path: "spec.service" })) continue;
    if (o.sli.source !== "incidents") {
      errors.push({ document: o.document, path: o.path, message: `'${o.name}' is ${describeSli(o)}: Nines keeps only the objective from the incident record per service for now, so it is not imported (nor mapped onto that one)` });
      continue;
    }
    const b = o.budgeting;
    if (b.method !== "timeslices" || b.sliceTarget !== 1 || b.sliceSeconds > INCIDENT_SLICE_MAX_SECONDS) {
      errors.push({ document: o.document, path: b.method === "timeslices" ? `${o.path}.${b.sliceTarget !== 1 ? "timeSliceTarget" : "timeSliceWindow"}` : "spec.budgetingMethod", message: "The incident record is counted in time, to the second: budgetingMethod Timeslices with timeSliceTarget 1 and a slice of at most 1m" });
      continue;
    }
    const other = fromRecord.get(o.service);
    if (other) {
      errors.push({ document: o.document, path: o.path, message: `Service '${o.service}' already has its objective from the incident record in these documents ('${other.name}', document ${other.document}); a service has one` });
      continue;
    }
    fromRecord.set(o.service, o);
    const w = want(o.service, { document: o.document, path: "spec.service" });
    w.sloTarget = o.target;
    w.sloWindow = o.window;
    const m = o.annotations[MAINTENANCE_ANNOTATION];
    if (m !== undefined && m !== "count" && m !== "exclude") errors.push({ document: o.document, path: `metadata.annotations.${MAINTENANCE_ANNOTATION}`, message: "Must be count or exclude" });
    else if (m !== undefined) w.maintenance = m;
    const t = o.annotations[TIER_ANNOTATION];
    if (t !== undefined) {
      if (/^\d+$/.test(t)) w.tier = Number(t);
      else errors.push({ document: o.document, path: `metadata.annotations.${TIER_ANNOTATION}`, message: "Must be a tier's rank, e.g. \"2\"" });
    }
  }

  const changes: PlanChange[] = [];
  const creates: PlanCreate[] = [];
  for (const [slug, w] of wanted) {
    const now = services.get(slug);
    if (now) {
      for (const field of ["name", "description", "sloTarget", "sloWindow", "maintenance"] as const) {
        const to = w[field];
        if (to !== undefined && to !== now[field]) changes.push({ service: slug, field, from: now[field], to });
      }
      continue;
    }
    const rank = w.tier ?? options.tier;
    const tier = rank === undefined ? undefined : tiers.get(rank);
    if (rank === undefined || !tier || tier.archived) {
      const message = rank === undefined ? `Say which tier the new service '${slug}' is in: ?tier=<rank>, or the annotation ${TIER_ANNOTATION} on its SLO` : !tier ? `No tier has rank ${rank}` : `Tier ${rank} is archived`;
      errors.push({ ...w.at, message });
      continue;
    }
    // A created service inherits what its tier already says, so the tier's later changes reach it.
    const own = <K extends keyof ServiceObjective>(k: K): ServiceObjective[K] | null => {
      const value = w[k] as ServiceObjective[K] | undefined;
      return value !== undefined && value !== tier[k] ? value : null;
    };
    creates.push({ service: slug, name: w.name ?? slug, description: w.description ?? "", tier: rank, sloTarget: own("sloTarget"), sloWindow: own("sloWindow"), maintenance: own("maintenance") });
  }
  errors.sort((a, b) => a.document - b.document);
  return { changes, creates, errors };
}
