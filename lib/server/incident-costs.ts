import "server-only";
import type { ImpactCostDto } from "@/lib/dto/incidents";
import { attributedSeconds, currentWindowForSlo, incidentCost, parseSloWindow, type ResolvedWindow } from "@/lib/domain";
import { loadImpactRows, loadServiceSlos, organisationTimeZone, type ServiceSlo } from "./availability-data";
import { collectImpacts } from "./impact-rows";

// What incidents cost the services they hit, computed by the engine from the impact rows: the
// incident page shows each impact's downtime and budget share, the list each incident's downtime.

type IncidentSpan = { id: string; startedAt: string; resolvedAt: string | null; impacts: readonly { service: string }[] };

const spanOf = (incident: IncidentSpan, now: number) => ({ from: Date.parse(incident.startedAt), to: incident.resolvedAt ? Date.parse(incident.resolvedAt) : now });

function sloWindowOf(service: ServiceSlo, timeZone: string, asOf: number): ResolvedWindow {
  return currentWindowForSlo(parseSloWindow(service.sloWindow) ?? { kind: "rolling", days: 30 }, { timeZone, asOf });
}

/** Each impact's cost, in the incident's order of impacts. */
export async function incidentCosts(incident: IncidentSpan, now = Date.now()): Promise<ImpactCostDto[]> {
  if (incident.impacts.length === 0) return [];
  const [services, timeZone] = await Promise.all([loadServiceSlos({ slugs: incident.impacts.map((i) => i.service) }), organisationTimeZone()]);
  const span = spanOf(incident, now);
  const windows = new Map(services.map((s) => [s.id, sloWindowOf(s, timeZone, Math.min(now, span.to))]));
  let from = span.from;
  let to = span.to;
  for (const w of windows.values()) {
    from = Math.min(from, w.from);
    to = Math.max(to, Math.min(w.to, now));
  }
  const loaded = collectImpacts(await loadImpactRows(services.map((s) => s.id), from, to, false));
  const bySlug = new Map(services.map((s) => [s.slug, s]));
  return incident.impacts.flatMap(({ service: slug }) => {
    const service = bySlug.get(slug);
    if (!service) return [];
    const window = windows.get(service.id) as ResolvedWindow;
    const cost = incidentCost({
      impacts: loaded.byService.get(service.id)?.impacts ?? [],
      incidentId: incident.id,
      span,
      sloWindow: window,
      target: service.target,
      maintenance: service.maintenance,
      asOf: now,
    });
    return [{
      service: slug,
      serviceName: service.name,
      downtimeSeconds: cost.downtimeSeconds,
      sloTarget: service.target,
      window: { label: window.label, from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() },
      budgetSeconds: cost.budgetSeconds,
      windowSeconds: cost.windowSeconds,
      budgetShare: cost.budgetShare,
    }];
  });
}

/**
 * The downtime each listed incident cost each service it hit, over its own span: one read of the
 * impacts of every service hit over the page's whole span, one sweep per service.
 */
export async function listCosts(incidents: readonly IncidentSpan[], now = Date.now()): Promise<Map<string, { service: string; downtimeSeconds: number }[]>> {
  const out = new Map<string, { service: string; downtimeSeconds: number }[]>();
  const slugs = [...new Set(incidents.flatMap((i) => i.impacts.map((x) => x.service)))];
  if (slugs.length === 0) return out;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const incident of incidents) {
    const span = spanOf(incident, now);
    from = Math.min(from, span.from);
    to = Math.max(to, span.to);
  }
  const services = await loadServiceSlos({ slugs });
  const loaded = collectImpacts(await loadImpactRows(services.map((s) => s.id), from, to, false));
  // An incident is only ever attributed seconds while it is active, so one sweep over the
  // page's whole span gives each incident's attribution over its own.
  const perService = new Map(services.map((s) => [s.slug, attributedSeconds(loaded.byService.get(s.id)?.impacts ?? [], from, to, now, s.maintenance)]));
  for (const incident of incidents) {
    out.set(incident.id, incident.impacts.map(({ service }) => ({ service, downtimeSeconds: perService.get(service)?.get(incident.id) ?? 0 })));
  }
  return out;
}
