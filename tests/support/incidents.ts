import * as incidents from "@/app/api/v1/incidents/route";
import * as services from "@/app/api/v1/services/route";
import * as tiers from "@/app/api/v1/tiers/route";
import { MIN_INSTANT_ISO } from "@/lib/domain/instant-range";
import { call, unique } from "./api";
import { prisma } from "@/lib/server/db";
import { freeTierRank } from "./fixtures";

/**
 * A service on a tier with the given SLO; returns its slug. Tier ranks run from 1 to 99, so the
 * services with the same SLO share one tier (named after it) across the run; `ownTier` gives the
 * service a tier of its own, for a test that counts a tier's services. The tests log history of
 * any age (April 2026, 1970, …) for it, so it is measured from the earliest instant Nines accepts
 * unless `measuredSince` says otherwise; null leaves it to the service's default, its creation
 * (tests of measuredSince itself: measured-since.test.ts).
 */
export async function makeService(
  token: string,
  adminToken: string,
  slo: { sloTarget?: number; sloWindow?: string; maintenance?: "count" | "exclude"; measuredSince?: string | null; ownTier?: boolean } = {},
): Promise<string> {
  const rank = await tierFor(adminToken, { sloTarget: slo.sloTarget ?? 0.999, sloWindow: slo.sloWindow ?? "month", maintenance: slo.maintenance ?? "count" }, slo.ownTier === true);
  const slug = unique("svc");
  const res = await call(services.POST, { method: "POST", token, body: { slug, name: slug, tier: rank, ...(slo.measuredSince === null ? {} : { measuredSince: slo.measuredSince ?? MIN_INSTANT_ISO }) } });
  if (res.status !== 201) throw new Error(`service: ${JSON.stringify(res.body)}`);
  return slug;
}

/** The rank of the shared tier with this SLO (made on first use), or of a new tier of its own. */
async function tierFor(adminToken: string, slo: { sloTarget: number; sloWindow: string; maintenance: "count" | "exclude" }, own: boolean): Promise<number> {
  const name = own ? unique("tier") : `Test tier ${slo.sloTarget} ${slo.sloWindow} ${slo.maintenance}`;
  if (!own) {
    const shared = await prisma.tier.findFirst({ where: { name }, select: { rank: true } });
    if (shared) return shared.rank;
  }
  const rank = await freeTierRank();
  const tier = await call(tiers.POST, { method: "POST", token: adminToken, body: { rank, name, ...slo } });
  if (tier.status !== 201) throw new Error(`tier: ${JSON.stringify(tier.body)}`);
  return rank;
}

export async function logIncident(token: string, body: Record<string, unknown>) {
  return call(incidents.POST, { method: "POST", token, body: { title: unique("incident"), severity: "SEV2", ...body } });
}
