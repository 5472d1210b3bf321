import "server-only";
import type { TierDto } from "@/lib/dto/tiers";
import type { Tier } from "@/lib/generated/prisma/client";
import type { TierInput, TierUpdate } from "@/lib/schemas/tier";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma } from "./db";
import { ConflictError, NotFoundError } from "./errors";
import { versionedEdit } from "./versioned";

export function toTierDto(tier: Tier, activeServiceCount = 0): TierDto {
  return {
    id: tier.id,
    rank: tier.rank,
    name: tier.name,
    description: tier.description,
    sloTarget: tier.sloTarget,
    sloWindow: tier.sloWindow,
    maintenance: tier.maintenanceRule,
    archived: tier.archivedAt !== null,
    archivedAt: tier.archivedAt?.toISOString() ?? null,
    activeServiceCount,
    version: tier.version,
    createdAt: tier.createdAt.toISOString(),
    updatedAt: tier.updatedAt.toISOString(),
  };
}

async function activeCounts(ids: string[]): Promise<Map<string, number>> {
  const rows = await prisma.service.groupBy({
    by: ["tierId"],
    where: { tierId: { in: ids }, archivedAt: null },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.tierId, r._count._all]));
}

export async function listTiers(opts: { includeArchived?: boolean } = {}): Promise<TierDto[]> {
  const tiers = await prisma.tier.findMany({
    where: opts.includeArchived ? {} : { archivedAt: null },
    orderBy: { rank: "asc" },
  });
  const counts = await activeCounts(tiers.map((t) => t.id));
  return tiers.map((t) => toTierDto(t, counts.get(t.id) ?? 0));
}

export async function getTier(id: string): Promise<TierDto> {
  const tier = await prisma.tier.findUnique({ where: { id } });
  if (!tier) throw new NotFoundError("Tier", id);
  const counts = await activeCounts([id]);
  return toTierDto(tier, counts.get(id) ?? 0);
}

export async function createTier(actor: Actor, input: TierInput): Promise<TierDto> {
  return prisma.$transaction(async (tx) => {
    const tier = await tx.tier.create({
      data: {
        rank: input.rank,
        name: input.name,
        description: input.description ?? "",
        sloTarget: input.sloTarget,
        sloWindow: input.sloWindow ?? "rolling:30d",
        maintenanceRule: input.maintenance ?? "count",
      },
    });
    const dto = toTierDto(tier);
    await recordAudit(tx, actor, { action: "create", entityType: "tier", entityId: tier.id, after: dto });
    return dto;
  });
}

/** An edit through the API carries the version it read; the archive action acts on the latest. */
type TierChange = Omit<TierUpdate, "version"> & { version?: number };

export async function updateTier(actor: Actor, id: string, input: TierChange): Promise<TierDto> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.tier.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("Tier", id);
    const edit = await versionedEdit(tx, { entity: "tier", audit: { entityType: "tier", entityId: id }, storedVersion: async () => (await tx.tier.findUnique({ where: { id }, select: { version: true } }))?.version ?? null }, before.version, input.version);
    if (input.archived === true && before.archivedAt === null) {
      await assertNoActiveServices(tx, id);
    }
    await edit.write(({ version }) => tx.tier.updateMany({
      where: { id, version },
      data: {
        rank: input.rank,
        name: input.name,
        description: input.description,
        sloTarget: input.sloTarget,
        sloWindow: input.sloWindow,
        maintenanceRule: input.maintenance,
        ...(input.archived === undefined
          ? {}
          : { archivedAt: input.archived ? (before.archivedAt ?? new Date()) : null }),
        version: { increment: 1 },
      },
    }));
    const after = await tx.tier.findUniqueOrThrow({ where: { id } });
    const dto = toTierDto(after, await tx.service.count({ where: { tierId: id, archivedAt: null } }));
    const action =
      input.archived === true && !before.archivedAt ? "archive"
      : input.archived === false && before.archivedAt ? "restore"
      : "update";
    await recordAudit(tx, actor, { action, entityType: "tier", entityId: id, before: toTierDto(before), after: dto });
    return dto;
  });
}

async function assertNoActiveServices(
  tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0],
  tierId: string,
): Promise<void> {
  const active = await tx.service.count({ where: { tierId, archivedAt: null } });
  if (active > 0) {
    throw new ConflictError(
      `This tier still has ${active} active service${active === 1 ? "" : "s"}; move or archive them first`,
      [{ path: "archived", message: `${active} active services use this tier` }],
    );
  }
}

/** DELETE archives: incidents and history keep pointing at the tier's services. */
export async function archiveTier(actor: Actor, id: string): Promise<TierDto> {
  return updateTier(actor, id, { archived: true });
}
