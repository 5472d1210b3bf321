import "server-only";
import { Gauge, Registry } from "prom-client";
import { isServiceFailure } from "@/lib/dto/availability";
import { AvailabilityListQuery } from "@/lib/schemas/availability";
import { allAvailability } from "./availability-fleet";
import { pool } from "./db";

// Prometheus exposition of every active service's figures in its SLO window, from ONE
// all-services computation (the same as GET /api/v1/availability) and one count of ongoing
// incidents. A registry per scrape: a service archived since the last scrape simply disappears.

const FLEET_QUERY = AvailabilityListQuery.parse({ incidents: "0" });

/** Ongoing incidents per service id: the impact rows carry their incident's resolution. */
async function ongoingByService(): Promise<Map<string, number>> {
  const { rows } = await pool().query<{ slug: string; n: string }>(`
    SELECT s.slug, count(DISTINCT i."incidentId") AS n
      FROM "Impact" i JOIN "Service" s ON s.id = i."serviceId"
     WHERE i."incidentResolvedAt" IS NULL AND s."archivedAt" IS NULL
     GROUP BY s.slug`);
  return new Map(rows.map((r) => [r.slug, Number(r.n)]));
}

export async function metricsText(): Promise<{ body: string; contentType: string }> {
  const [fleet, ongoing] = await Promise.all([allAvailability(FLEET_QUERY), ongoingByService()]);
  const registry = new Registry();
  const labels = ["service", "tier", "window"] as const;
  const gauge = (name: string, help: string, extra: string[] = []) => new Gauge({ name, help, labelNames: [...labels, ...extra], registers: [registry] });
  const availability = gauge("nines_availability_ratio", "Availability in the service's SLO window so far (1 = no downtime)");
  const target = gauge("nines_slo_target_ratio", "The service's SLO target");
  const remaining = gauge("nines_error_budget_remaining_ratio", "Error budget left in the SLO window, as a share of the budget (negative when overspent)");
  const budget = gauge("nines_error_budget_seconds", "The SLO window's whole error budget");
  const remainingSeconds = gauge("nines_error_budget_remaining_seconds", "Error budget left in the SLO window");
  const consumed = gauge("nines_error_budget_consumed_seconds", "Error budget spent in the SLO window");
  const burn = gauge("nines_burn_rate", "Burn rate over the lookback (1 = spending the budget exactly by the window's end)", ["lookback"]);
  const incidents = new Gauge({ name: "nines_ongoing_incidents", help: "Incidents hitting the service that are not resolved", labelNames: ["service", "tier"], registers: [registry] });
  const measuredSince = new Gauge({ name: "nines_measured_since_seconds", help: "Unix time from which the service's incident record counts: no figure covers time before it", labelNames: ["service", "tier"], registers: [registry] });
  const failed = new Gauge({ name: "nines_computation_failed", help: "1 when the service's figures could not be computed (the server's log has the reference)", labelNames: ["service", "tier"], registers: [registry] });
  for (const entry of fleet.services) {
    const service = entry.service.slug;
    const tier = String(entry.service.tier.rank);
    incidents.set({ service, tier }, ongoing.get(service) ?? 0);
    if (isServiceFailure(entry)) {
      failed.set({ service, tier }, 1);
      continue;
    }
    failed.set({ service, tier }, 0);
    const l = { service, tier, window: entry.slo.window };
    target.set(l, entry.slo.target);
    // Before measuredSince there is no figure: the series are left out (absent, not 1), and the
    // measured-since gauge says from when the service has any.
    measuredSince.set({ service, tier }, Date.parse(entry.measuredSince) / 1000);
    const b = entry.errorBudget;
    if (entry.availability === null || b === null) continue;
    availability.set(l, entry.availability);
    remaining.set(l, b.remainingRatio);
    budget.set(l, b.budgetSeconds);
    remainingSeconds.set(l, b.remainingSeconds);
    consumed.set(l, b.consumedSeconds);
    for (const [lookback, rate] of Object.entries(b.burnRates)) burn.set({ ...l, lookback }, rate);
  }
  return { body: await registry.metrics(), contentType: registry.contentType };
}
