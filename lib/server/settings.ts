import "server-only";
import { cache } from "react";
import type { SettingsDto } from "@/lib/dto/settings";
import type { OrganizationSettings } from "@/lib/generated/prisma/client";
import { hourRetentionIssue, type SettingsUpdate } from "@/lib/schemas/settings";
import { RiskReviewCadence } from "@/lib/schemas/stored";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma } from "./db";
import { ValidationError } from "./errors";
import { rescheduleRiskReviews } from "./risk-schedule";
import { versionedEdit } from "./versioned";

const cadenceOf = (s: OrganizationSettings) => RiskReviewCadence.read(s.riskReviewCadence, "The organisation's settings");

function toDto(s: OrganizationSettings): SettingsDto {
  return {
    name: s.name,
    timeZone: s.timeZone,
    riskThreshold: s.riskThreshold,
    riskReviewCadence: { ...cadenceOf(s) },
    probeRetentionDays: s.probeRetentionDays,
    probeHourRetentionDays: s.probeHourRetentionDays,
    metricsPublic: s.metricsPublic,
    incidentRoles: s.incidentRoles,
    version: s.version,
    updatedAt: s.updatedAt.toISOString(),
  };
}

/**
 * The organisation's settings. The row exists from the first start on, so this is one read; the
 * upsert (a transaction of its own) only runs if it was somehow deleted. Once per page render:
 * the layout and the page both ask (React's per-request cache; a plain call in route handlers).
 */
export const getSettings = cache(async (): Promise<SettingsDto> => {
  const row = (await prisma.organizationSettings.findUnique({ where: { id: 1 } })) ?? (await prisma.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} }));
  return toDto(row);
});

export async function updateSettings(actor: Actor, input: SettingsUpdate): Promise<SettingsDto> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
    const cadence = input.riskReviewCadence ? { ...cadenceOf(before), ...input.riskReviewCadence } : null;
    // Hours are kept at least as long as runs, whichever of the two this edit sets.
    const retention = hourRetentionIssue(input.probeRetentionDays ?? before.probeRetentionDays, input.probeHourRetentionDays ?? before.probeHourRetentionDays);
    if (retention) throw input.probeHourRetentionDays !== undefined ? ValidationError.field("probeHourRetentionDays", retention) : ValidationError.field("probeRetentionDays", `Must be at most the days hours are kept (${before.probeHourRetentionDays})`);
    const edit = await versionedEdit(tx, { entity: "setting", audit: { entityType: "settings", entityId: "1" }, storedVersion: async () => (await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { version: true } }))?.version ?? null }, before.version, input.version);
    await edit.write(({ version }) => tx.organizationSettings.updateMany({
      where: { id: 1, version },
      data: {
        timeZone: input.timeZone,
        name: input.name,
        riskThreshold: input.riskThreshold,
        probeRetentionDays: input.probeRetentionDays,
        probeHourRetentionDays: input.probeHourRetentionDays,
        metricsPublic: input.metricsPublic,
        incidentRoles: input.incidentRoles,
        riskReviewCadence: cadence ? RiskReviewCadence.write(cadence) : undefined,
        version: { increment: 1 },
      },
    }));
    // A new cadence moves every open risk's next review, in the same transaction.
    if (cadence) await rescheduleRiskReviews(tx, cadence);
    const after = toDto(await tx.organizationSettings.findUniqueOrThrow({ where: { id: 1 } }));
    await recordAudit(tx, actor, { action: "update", entityType: "settings", entityId: "1", before: toDto(before), after });
    return after;
  });
}
