/**
 * What OpenSLO objectives change in Nines, as a plan: services to create, changes to services and
 * to their SLOs, SLOs to add, and everything Nines cannot keep, by document and field. Pure.
 *
 * Each objective is an SLO of its service, by name (`<service>-<slo>` or `<slo>`): the service's
 * own, `availability`, sets the service's target, window and maintenance rule; another name
 * changes that SLO or adds it. An objective Nines cannot compute is named and stops the import,
 * never mapped onto another (a latency target is not an availability target). Decision 0020.
 */
import type { OpenSloRead, ReadError } from "./openslo-read";
import { sameBudgeting, sameSli, sloNameOf, wantedSlo, type WantedSlo } from "./openslo-objective";
import { SERVICE_SLO_NAME, type Budgeting, type Sli } from "./slo";

export const MAINTENANCE_ANNOTATION = "nines.dev/maintenance";
export const TIER_ANNOTATION = "nines.dev/tier";

export type ServiceObjective = { sloTarget: number; sloWindow: string; maintenance: "count" | "exclude" };
/** An SLO as the plan compares with it: its effective objective. */
export type PlannedSlo = { id: string; version: number; name: string; description: string; sli: Sli; budgeting: Budgeting; target: number; window: string; maintenance: "count" | "exclude" };
export type PlannedService = { slug: string; name: string; description: string; slos: ReadonlyMap<string, PlannedSlo>; probesByUrl: ReadonlyMap<string, string>; tierDefaults: ServiceObjective; archivedSloNames?: ReadonlySet<string> } & ServiceObjective;
export type TierDefaults = { rank: number; archived: boolean } & ServiceObjective;

export type PlanField = "name" | "description" | "sloTarget" | "sloWindow" | "maintenance";
export type PlanChange = { service: string; field: PlanField; from: string | number; to: string | number };
/** An objective field is null where the new service inherits its tier's. */
export type PlanCreate = { service: string; name: string; description: string; tier: number } & { [K in keyof ServiceObjective]: ServiceObjective[K] | null };
export type SloField = "description" | "target" | "window" | "maintenance" | "budgeting";
export type SloChange = { service: string; slo: string; field: SloField; from: string | number | Budgeting; to: string | number | Budgeting };
/** An SLO to add; target, window and maintenance null where its tier's default is the same. */
export type SloCreate = { service: string; name: string; description: string; sli: Sli; budgeting: Budgeting; target: number | null; window: string | null; maintenance: "count" | "exclude" | null };
export type OpenSloPlanResult = { changes: PlanChange[]; creates: PlanCreate[]; sloChanges: SloChange[]; sloCreates: SloCreate[]; errors: ReadError[] };

type Wanted = { name?: string; description?: string; sloTarget?: number; sloWindow?: string; maintenance?: "count" | "exclude"; tier?: number; at: { document: number; path: string } };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function planOpenSlo(
  read: OpenSloRead,
  services: Map<string, PlannedService>,
  tiers: Map<number, TierDefaults>,
  options: { createServices: boolean; tier?: number; datasource?: string },
  datasourcesByName: ReadonlyMap<string, string> = new Map(),
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

  const others: { service: string; slo: WantedSlo; maintenance?: "count" | "exclude" }[] = [];
  for (const o of read.objectives) {
    if (!known(o.service, { document: o.document, path: "spec.service" })) continue;
    const existing = services.get(o.service);
    const slo = wantedSlo(o, { probesByUrl: existing?.probesByUrl ?? new Map(), datasourcesByName, defaultDatasource: options.datasource });
    if (Array.isArray(slo)) {
      errors.push(...slo);
      continue;
    }
    const m = o.annotations[MAINTENANCE_ANNOTATION];
    if (m !== undefined && m !== "count" && m !== "exclude") errors.push({ document: o.document, path: `metadata.annotations.${MAINTENANCE_ANNOTATION}`, message: "Must be count or exclude" });
    const maintenance = m === "count" || m === "exclude" ? m : undefined;
    const t = o.annotations[TIER_ANNOTATION];
    if (t !== undefined && !/^\d+$/.test(t)) errors.push({ document: o.document, path: `metadata.annotations.${TIER_ANNOTATION}`, message: "Must be a tier's rank, e.g. \"2\"" });
    else if (t !== undefined) want(o.service, { document: o.document, path: "spec.service" }).tier = Number(t);
    const now = existing?.slos.get(slo.name);
    if (!now && existing?.archivedSloNames?.has(slo.name)) {
      errors.push({ document: o.document, path: "metadata.name", message: `Service '${o.service}' has an archived SLO named '${slo.name}': restore it (PATCH archived: false) or give this objective another name` });
      continue;
    }
    if (now && !sameSli(now.sli, slo.sli)) {
      errors.push({ document: o.document, path: o.path, message: `SLO '${slo.name}' of '${o.service}' measures something else; an SLO's SLI does not change: give this one another name` });
      continue;
    }
    if (slo.name === SERVICE_SLO_NAME) {
      if (slo.sli.source !== "incidents") {
        errors.push({ document: o.document, path: "metadata.name", message: `'${SERVICE_SLO_NAME}' is the service's own SLO, from its incident record: give this objective another name` });
        continue;
      }
      const w = want(o.service, { document: o.document, path: "spec.service" });
      w.sloTarget = slo.target;
      w.sloWindow = slo.window;
      if (maintenance) w.maintenance = maintenance;
      continue;
    }
    others.push({ service: o.service, slo, maintenance });
  }
  const seen = new Set<string>();
  for (const o of read.objectives) {
    const key = `${o.service}/${sloNameOf(o)}`;
    if (seen.has(key)) errors.push({ document: o.document, path: "metadata.name", message: `Two objectives name SLO '${sloNameOf(o)}' of service '${o.service}'` });
    seen.add(key);
  }

  const changes: PlanChange[] = [];
  const creates: PlanCreate[] = [];
  const tierOf = new Map<string, TierDefaults>();
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
      errors.push({ ...w.at, message: rank === undefined ? `Say which tier the new service '${slug}' is in: ?tier=<rank>, or the annotation ${TIER_ANNOTATION} on its SLO` : !tier ? `No tier has rank ${rank}` : `Tier ${rank} is archived` });
      continue;
    }
    tierOf.set(slug, tier);
    // A created service inherits what its tier already says, so the tier's later changes reach it.
    const own = <K extends keyof ServiceObjective>(k: K): ServiceObjective[K] | null => {
      const value = w[k] as ServiceObjective[K] | undefined;
      return value !== undefined && value !== tier[k] ? value : null;
    };
    creates.push({ service: slug, name: w.name ?? slug, description: w.description ?? "", tier: rank, sloTarget: own("sloTarget"), sloWindow: own("sloWindow"), maintenance: own("maintenance") });
  }

  const sloChanges: SloChange[] = [];
  const sloCreates: SloCreate[] = [];
  for (const { service, slo, maintenance } of others) {
    const now = services.get(service)?.slos.get(slo.name);
    if (now) {
      const to = { description: slo.description, target: slo.target, window: slo.window, maintenance: maintenance ?? now.maintenance, budgeting: slo.budgeting };
      if (to.description !== now.description) sloChanges.push({ service, slo: slo.name, field: "description", from: now.description, to: to.description });
      for (const field of ["target", "window", "maintenance"] as const) if (to[field] !== now[field]) sloChanges.push({ service, slo: slo.name, field, from: now[field], to: to[field] });
      if (!sameBudgeting(now.budgeting, slo.budgeting)) sloChanges.push({ service, slo: slo.name, field: "budgeting", from: now.budgeting, to: slo.budgeting });
      continue;
    }
    const defaults = services.get(service)?.tierDefaults ?? tierOf.get(service);
    if (!defaults) continue; // its service could not be created: said above
    sloCreates.push({
      service, name: slo.name, description: slo.description, sli: slo.sli, budgeting: slo.budgeting,
      // Where the tier already says the same, the new SLO inherits it (and the tier's later changes).
      target: slo.target === defaults.sloTarget ? null : slo.target,
      window: slo.window === defaults.sloWindow ? null : slo.window,
      maintenance: maintenance === undefined || maintenance === defaults.maintenance ? null : maintenance,
    });
  }
  errors.sort((a, b) => a.document - b.document);
  return { changes, creates, sloChanges, sloCreates, errors };
}
