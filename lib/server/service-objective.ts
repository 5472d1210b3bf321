import "server-only";
import { effectiveSlo, type SloSettings } from "@/lib/domain/incident-lifecycle";
import { SERVICE_SLO_NAME } from "@/lib/domain/slo";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What a service's effective objective is read from: its SLO from the incident record, and its tier's defaults. */
export const serviceObjectiveSelect = {
  slug: true,
  name: true,
  tier: { select: { sloTarget: true, sloWindow: true, maintenanceRule: true } },
  slos: { where: { name: SERVICE_SLO_NAME }, select: { target: true, window: true, maintenanceRule: true } },
} satisfies Prisma.ServiceSelect;
type ObjectiveRow = Prisma.ServiceGetPayload<{ select: typeof serviceObjectiveSelect }>;

/** The service's objective: its own setting where it has one, else its tier's. */
export function serviceObjective(s: ObjectiveRow): SloSettings {
  const own = s.slos[0];
  return effectiveSlo({ sloTarget: own?.target ?? null, sloWindow: own?.window ?? null, maintenance: own?.maintenanceRule ?? null }, { sloTarget: s.tier.sloTarget, sloWindow: s.tier.sloWindow, maintenance: s.tier.maintenanceRule });
}
