import "server-only";
import { Gauge, Registry } from "prom-client";
import { isServiceFailure } from "@/lib/dto/availability";
import type { SloAvailabilityDto } from "@/lib/dto/slos";
import { currentFleetSummary } from "./availability-fleet";
import { pool, prisma } from "./db";
import { ongoingSql } from "./incident-phase";
import { SERVICE_SLO_NAME } from "@/lib/domain/slo";
import { figuresWhere, sloAvailability } from "./slo-availability";

// Prometheus exposition of every active service's figures in its SLO window, from ONE
// all-services computation (the same as GET /api/v1/availability) and one count of ongoing
// incidents, labelled slo="availability"; then each other SLO of an active service over its own
// window (slo="<name>"). A registry per scrape: anything archived since the last one disappears.


/** Ongoing incidents per service slug. */
async function ongoingByService(): Promise<Map<string, number>> {
  const { rows } = await pool().query<{ slug: string; n: string }>(`
    SELECT s.slug, count(DISTINCT m."incidentId") AS n
      FROM "Impact" m JOIN "Incident" i ON i.id = m."incidentId" JOIN "Service" s ON s.id = m."serviceId"
     WHERE ${ongoingSql("i")} AND s."archivedAt" IS NULL
     GROUP BY s.slug`);
  return new Map(rows.map((r) => [r.slug, Number(r.n)]));
}

export async function metricsText(): Promise<{ body: string; contentType: string }> {
  // The all-services summary is shared for a few seconds by every process and the overview (figure-cache.ts).
  const [{ fleet, computedAt }, ongoing] = await Promise.all([currentFleetSummary(), ongoingByService()]);
  const registry = new Registry();
  const labels = ["service", "tier", "slo", "window"] as const;
  const gauge = (name: string, help: string, extra: string[] = []) => new Gauge({ name, help, labelNames: [...labels, ...extra], registers: [registry] });
  const availability = gauge("nines_availability_ratio", "Availability in the service's SLO window so far (1 = no downtime)");
  const target = gauge("nines_slo_target_ratio", "The service's SLO target");
  const remaining = gauge("nines_error_budget_remaining_ratio", "Error budget left in the SLO window, as a share of the budget (negative when overspent)");
  const budget = gauge("nines_error_budget_seconds", "The SLO window's whole error budget");
  const remainingSeconds = gauge("nines_error_budget_remaining_seconds", "Error budget left in the SLO window");
  const consumed = gauge("nines_error_budget_consumed_seconds", "Error budget spent in the SLO window");
  const burn = gauge("nines_burn_rate", "Burn rate over the lookback (1 = spending the budget exactly by the window's end)", ["lookback"]);
  const incidents = new Gauge({ name: "nines_ongoing_incidents", help: "Incidents hitting the service that are ongoing (scheduled maintenance between its planned start and end)", labelNames: ["service", "tier"], registers: [registry] });
  const measuredSince = new Gauge({ name: "nines_measured_since_seconds", help: "Unix time from which the service's incident record counts: no figure covers time before it", labelNames: ["service", "tier"], registers: [registry] });
  new Gauge({ name: "nines_figures_age_seconds", help: "How old the availability and error-budget figures below are: computed once per few seconds for every scraper and process", registers: [registry] }).set(Math.max(0, (Date.now() - computedAt) / 1000));
  const failed = new Gauge({ name: "nines_computation_failed", help: "1 when the SLO's figures could not be computed (the server's log has the reference)", labelNames: ["service", "tier", "slo"], registers: [registry] });
  const sli = gauge("nines_sli_ratio", "The SLO's SLI over its window so far: availability, good events over all, or good slices over known ones", ["unit"]);
  const unknown = gauge("nines_unknown_seconds", "Time in the SLO's window nothing measured (never counted good or bad)");
  for (const entry of fleet.services) {
    const service = entry.service.slug;
    const tier = String(entry.service.tier.rank);
    incidents.set({ service, tier }, ongoing.get(service) ?? 0);
    if (isServiceFailure(entry)) {
      failed.set({ service, tier, slo: SERVICE_SLO_NAME }, 1);
      continue;
    }
    failed.set({ service, tier, slo: SERVICE_SLO_NAME }, 0);
    const l = { service, tier, slo: SERVICE_SLO_NAME, window: entry.slo.window };
    target.set(l, entry.slo.target);
    // Before measuredSince there is no figure: the series are left out (absent, not 1), and the
    // measured-since gauge says from when the service has any.
    measuredSince.set({ service, tier }, Date.parse(entry.measuredSince) / 1000);
    const b = entry.errorBudget;
    if (entry.availability === null || b === null) continue;
    availability.set(l, entry.availability);
    sli.set({ ...l, unit: "seconds" }, entry.availability);
    remaining.set(l, b.remainingRatio);
    budget.set(l, b.budgetSeconds);
    remainingSeconds.set(l, b.remainingSeconds);
    consumed.set(l, b.consumedSeconds);
    for (const [lookback, rate] of Object.entries(b.burnRates)) burn.set({ ...l, lookback }, rate);
  }
  // Every other SLO of an active service, each over its own window in its own unit.
  const where = { archivedAt: null, name: { not: SERVICE_SLO_NAME }, service: { archivedAt: null } };
  const others = await prisma.slo.findMany({ where, select: { id: true, name: true, service: { select: { slug: true, tier: { select: { rank: true } } } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const sloLabels = new Map(others.map((o) => [o.id, { service: o.service.slug, tier: String(o.service.tier.rank), slo: o.name }]));
  const put = (f: SloAvailabilityDto) => {
    const base = sloLabels.get(f.slo.id);
    if (!base) return; // made since the list was read: the next scrape has it
    failed.set(base, 0);
    const l = { ...base, window: f.slo.window };
    target.set(l, f.slo.target);
    unknown.set(l, f.unknownSeconds);
    if (f.sli !== null) sli.set({ ...l, unit: f.unit }, f.sli);
    if (f.errorBudget) remaining.set(l, f.errorBudget.remainingRatio);
    for (const [lookback, rate] of Object.entries(f.burnRates)) if (rate !== null) burn.set({ ...l, lookback }, rate);
  };
  try {
    // Every other SLO of an active service at once, each over its own window in its own unit.
    for (const f of await figuresWhere(where, {})) put(f);
  } catch (batchErr) {
    // One at a time, so that an SLO that cannot be computed is the only one marked failed.
    console.error("[metrics] the SLOs could not be computed together; one at a time:", batchErr);
    for (const o of others) {
      const base = sloLabels.get(o.id) as { service: string; tier: string; slo: string };
      try {
        put(await sloAvailability(o.id, {}));
      } catch (err) {
        console.error(`[metrics] SLO ${o.id} (${o.service.slug}/${o.name}) could not be computed:`, err);
        failed.set(base, 1);
      }
    }
  }
  return { body: await registry.metrics(), contentType: registry.contentType };
}
