import "server-only";
import { ServiceInput } from "@/lib/schemas/service";
import { DEFAULT_TIERS, TierInput } from "@/lib/schemas/tier";
import { prisma } from "../../db";
import { createService } from "../../services";
import { createTier } from "../../tiers";
import { as, type DemoContext } from "../context";
import { SERVICES } from "../data/organisation";

/** The twelve services, on the default tiers 1–3 (recreated if someone archived one). */
export async function fillServices(ctx: DemoContext): Promise<number> {
  for (const rank of new Set(SERVICES.map((s) => s.tier))) {
    if (await prisma.tier.findFirst({ where: { rank, archivedAt: null } })) continue;
    const tier = DEFAULT_TIERS.find((t) => t.rank === rank);
    if (!tier) throw new Error(`no default tier of rank ${rank}`);
    await createTier(as("priya"), TierInput.parse({ ...tier, sloWindow: "rolling:30d" }));
  }
  for (const service of SERVICES) {
    const input = ServiceInput.parse({
      slug: service.slug,
      name: service.name,
      tier: service.tier,
      owner: service.owner,
      description: service.description,
      sloTarget: service.sloTarget,
      sloWindow: service.sloWindow,
      maintenance: service.maintenance,
      dependsOn: service.dependsOn,
      // Its record covers the demo's six months: figures before them are no data.
      measuredSince: new Date(ctx.recordStart).toISOString(),
    });
    await createService(as("priya"), input);
  }
  return SERVICES.length;
}
