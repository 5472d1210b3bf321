import "server-only";
import type { ServiceDto, ServiceOption } from "@/lib/dto/services";
import { effectiveSlo } from "@/lib/domain/incident-lifecycle";
import { SERVICE_SLO_NAME } from "@/lib/domain/slo";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ServiceInput, ServiceListQuery, ServiceUpdate } from "@/lib/schemas/service";
import { StoredBudgeting, StoredSli } from "@/lib/schemas/stored";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { assertNoCycle } from "./service-graph";
import { versionedEdit } from "./versioned";

export const serviceInclude = {
  tier: true,
  dependsOn: { include: { dependsOn: { select: { slug: true } } } },
  dependedOnBy: { include: { service: { select: { slug: true } } } },
  // The service's own objective lives on its SLO from the incident record.
  slos: { where: { name: SERVICE_SLO_NAME }, select: { id: true, target: true, window: true, maintenanceRule: true } },
} satisfies Prisma.ServiceInclude;
type ServiceRow = Prisma.ServiceGetPayload<{ include: typeof serviceInclude }>;

/** A new service's SLO from its incident record: its own objective (null fields inherit the tier's). */
export function serviceSloData(own: { target: number | null; window: string | null; maintenanceRule: "count" | "exclude" | null }, now: Date) {
  return { name: SERVICE_SLO_NAME, sli: StoredSli.write({ source: "incidents" }), budgeting: StoredBudgeting.write({ method: "time" }), ...own, createdAt: now };
}

export function toServiceDto(s: ServiceRow): ServiceDto {
  const first = s.slos[0];
  if (!first) throw new Error(`Service ${s.slug} has no '${SERVICE_SLO_NAME}' SLO: every service is created with it`);
  const own = { sloTarget: first.target, sloWindow: first.window, maintenance: first.maintenanceRule };
  const slo = effectiveSlo(own, { sloTarget: s.tier.sloTarget, sloWindow: s.tier.sloWindow, maintenance: s.tier.maintenanceRule });
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    description: s.description,
    owner: s.ownerTeam,
    tier: { id: s.tier.id, rank: s.tier.rank, name: s.tier.name, sloTarget: s.tier.sloTarget, sloWindow: s.tier.sloWindow, maintenance: s.tier.maintenanceRule },
    ...slo,
    overrides: own,
    dependsOn: s.dependsOn.map((d) => d.dependsOn.slug).sort(),
    dependedOnBy: s.dependedOnBy.map((d) => d.service.slug).sort(),
    measuredSince: s.measuredSince.toISOString(),
    archived: s.archivedAt !== null,
    archivedAt: s.archivedAt?.toISOString() ?? null,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export async function listServices(query: ServiceListQuery = {}): Promise<ServiceDto[]> {
  const tierFilter = query.tier ? { tier: query.tier } : {};
  const rows = await prisma.service.findMany({
    where: {
      ...tierFilter,
      ...(query.archived === undefined ? { archivedAt: null } : query.archived ? { archivedAt: { not: null } } : { archivedAt: null }),
      ...(query.q
        ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { slug: { contains: query.q.toLowerCase() } }] }
        : {}),
    },
    include: serviceInclude,
    orderBy: [{ tier: { rank: "asc" } }, { name: "asc" }],
  });
  return rows.map(toServiceDto);
}

export async function getService(slug: string): Promise<ServiceDto> {
  return getServiceIn(prisma, slug);
}

/** getService inside the caller's transaction. */
export async function getServiceIn(tx: Tx | typeof prisma, slug: string): Promise<ServiceDto> {
  const row = await tx.service.findUnique({ where: { slug }, include: serviceInclude });
  if (!row) throw new NotFoundError("Service", slug);
  return toServiceDto(row);
}

export async function resolveTier(tx: Tx, ref: number | string): Promise<string> {
  const tier =
    typeof ref === "number"
      ? await tx.tier.findUnique({ where: { rank: ref } })
      : await tx.tier.findUnique({ where: { id: ref } });
  if (!tier) {
    throw ValidationError.field("tier", typeof ref === "number" ? `No tier has rank ${ref}` : `No tier has id '${ref}'`);
  }
  if (tier.archivedAt) throw ValidationError.field("tier", `Tier '${tier.name}' is archived`);
  return tier.id;
}

/** Nothing is measured ahead of time: a measuredSince after now would hide the present. */
function assertMeasuredSince(at: Date | undefined, now: Date): void {
  if (at !== undefined && at.getTime() > now.getTime()) throw ValidationError.field("measuredSince", "Must not be in the future: nothing has been measured there yet");
}

async function resolveDependencies(tx: Tx, slugs: string[], selfSlug: string): Promise<string[]> {
  const unique = [...new Set(slugs)];
  const self = unique.indexOf(selfSlug);
  if (self >= 0) throw ValidationError.field(`dependsOn.${slugs.indexOf(selfSlug)}`, "A service cannot depend on itself");
  const rows = await tx.service.findMany({ where: { slug: { in: unique } }, select: { id: true, slug: true } });
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  const issues = slugs.flatMap((slug, i) =>
    bySlug.has(slug) ? [] : [{ path: `dependsOn.${i}`, message: `No service has slug '${slug}'` }],
  );
  if (issues.length) throw new ValidationError(issues);
  return unique.map((slug) => bySlug.get(slug) as string);
}

async function replaceDependencies(tx: Tx, serviceId: string, dependsOnIds: string[]): Promise<void> {
  await assertNoCycle(tx, serviceId, dependsOnIds);
  await tx.serviceDependency.deleteMany({ where: { serviceId } });
  if (dependsOnIds.length) {
    await tx.serviceDependency.createMany({ data: dependsOnIds.map((dependsOnId) => ({ serviceId, dependsOnId })) });
  }
}

export async function createService(actor: Actor, input: ServiceInput): Promise<ServiceDto> {
  return prisma.$transaction(async (tx) => {
    if (await tx.service.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
      throw new ConflictError(`A service with slug '${input.slug}' already exists`, [
        { path: "slug", message: "already exists" },
      ]);
    }
    const tierId = await resolveTier(tx, input.tier);
    const deps = await resolveDependencies(tx, input.dependsOn ?? [], input.slug);
    const now = new Date();
    assertMeasuredSince(input.measuredSince, now);
    const service = await tx.service.create({
      data: {
        createdAt: now,
        measuredSince: input.measuredSince ?? now,
        slug: input.slug,
        name: input.name,
        description: input.description ?? "",
        ownerTeam: input.owner ?? "",
        tierId,
        slos: { create: serviceSloData({ target: input.sloTarget ?? null, window: input.sloWindow ?? null, maintenanceRule: input.maintenance ?? null }, now) },
      },
    });
    await replaceDependencies(tx, service.id, deps);
    const dto = toServiceDto(await tx.service.findUniqueOrThrow({ where: { id: service.id }, include: serviceInclude }));
    await recordAudit(tx, actor, { action: "create", entityType: "service", entityId: service.id, after: dto });
    return dto;
  });
}

/** An edit through the API carries the version it read; the archive action acts on the latest. */
type ServiceChange = Omit<ServiceUpdate, "version"> & { version?: number };

export async function updateService(actor: Actor, slug: string, input: ServiceChange): Promise<ServiceDto> {
  return prisma.$transaction(async (tx) => {
    const beforeRow = await tx.service.findUnique({ where: { slug }, include: serviceInclude });
    if (!beforeRow) throw new NotFoundError("Service", slug);
    const id = beforeRow.id;
    const edit = await versionedEdit(tx, { entity: "service", audit: { entityType: "service", entityId: id }, storedVersion: async () => (await tx.service.findUnique({ where: { id }, select: { version: true } }))?.version ?? null }, beforeRow.version, input.version);
    if (input.slug && input.slug !== slug && (await tx.service.findUnique({ where: { slug: input.slug } }))) {
      throw new ConflictError(`A service with slug '${input.slug}' already exists`, [
        { path: "slug", message: "already exists" },
      ]);
    }
    const tierId = input.tier === undefined ? undefined : await resolveTier(tx, input.tier);
    assertMeasuredSince(input.measuredSince, new Date());
    if (input.dependsOn) {
      const ids = await resolveDependencies(tx, input.dependsOn, input.slug ?? slug);
      await replaceDependencies(tx, beforeRow.id, ids);
    }
    await edit.write(({ version }) => tx.service.updateMany({
      where: { id, version },
      data: {
        slug: input.slug,
        name: input.name,
        description: input.description,
        ownerTeam: input.owner,
        tierId,
        measuredSince: input.measuredSince,
        ...(input.archived === undefined
          ? {}
          : { archivedAt: input.archived ? (beforeRow.archivedAt ?? new Date()) : null }),
        version: { increment: 1 },
      },
    }));
    if (input.sloTarget !== undefined || input.sloWindow !== undefined || input.maintenance !== undefined) {
      // Written under the service's version check above: the service's edit and its objective's are one.
      await tx.slo.update({ where: { id: beforeRow.slos[0]?.id }, data: { target: input.sloTarget, window: input.sloWindow, maintenanceRule: input.maintenance, version: { increment: 1 } } });
    }
    const dto = toServiceDto(await tx.service.findUniqueOrThrow({ where: { id: beforeRow.id }, include: serviceInclude }));
    const action =
      input.archived === true && !beforeRow.archivedAt ? "archive"
      : input.archived === false && beforeRow.archivedAt ? "restore"
      : "update";
    await recordAudit(tx, actor, {
      action,
      entityType: "service",
      entityId: beforeRow.id,
      before: toServiceDto(beforeRow),
      after: dto,
    });
    return dto;
  });
}

/** DELETE archives: past incidents keep their impacts on the service. */
export async function archiveService(actor: Actor, slug: string): Promise<ServiceDto> {
  return updateService(actor, slug, { archived: true });
}

export async function listServiceOptions(): Promise<ServiceOption[]> {
  const [services, edges] = await Promise.all([
    prisma.service.findMany({ where: { archivedAt: null }, select: { id: true, slug: true, name: true, tier: { select: { rank: true } } }, orderBy: [{ tier: { rank: "asc" } }, { name: "asc" }] }),
    prisma.serviceDependency.findMany({ select: { serviceId: true, dependsOnId: true } }),
  ]);
  const slugOf = new Map(services.map((s) => [s.id, s.slug]));
  const dependents = new Map<string, string[]>();
  for (const e of edges) {
    const dependent = slugOf.get(e.serviceId);
    if (dependent) dependents.set(e.dependsOnId, [...(dependents.get(e.dependsOnId) ?? []), dependent]);
  }
  return services.map((s) => ({ slug: s.slug, name: s.name, tier: s.tier.rank, dependedOnBy: (dependents.get(s.id) ?? []).sort() }));
}
