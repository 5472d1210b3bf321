import "server-only";
import type { SloDto, SloListDto } from "@/lib/dto/slos";
import { effectiveSlo } from "@/lib/domain/incident-lifecycle";
import { budgetUnit, SERVICE_SLO_NAME, sliceLengthSeconds, type Budgeting, type Sli } from "@/lib/domain/slo";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BudgetingInput, SliInput, SloInput, SloUpdate } from "@/lib/schemas/slo";
import { StoredBudgeting, StoredSli } from "@/lib/schemas/stored";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { resolveDatasource } from "./datasources";
import { checkQueries, prometheusSli } from "./slo-queries";
import { versionedEdit } from "./versioned";

// SLOs of a service (docs/decisions/0021-slo-entity.md). The service's own, "availability", is
// created with the service and cannot be removed or renamed; its objective is the service's, so
// an edit of it moves the service's version too (the service's PATCH and this one see each other).

export const sloInclude = {
  service: { select: { slug: true, name: true, tier: { select: { sloTarget: true, sloWindow: true, maintenanceRule: true } } } },
  datasource: { select: { id: true, name: true } },
} satisfies Prisma.SloInclude;
type SloRow = Prisma.SloGetPayload<{ include: typeof sloInclude }>;

/** The SLO's SLI as stored. */
export function rowSli(row: { id: string; sli: unknown }): Sli {
  return StoredSli.read(row.sli, `SLO ${row.id}`);
}

export function sliDto(sli: Sli, datasource: { id: string; name: string } | null): SloDto["sli"] {
  if (sli.source === "incidents") return sli;
  if (sli.source === "probe") return { ...sli, thresholdMs: sli.thresholdMs ?? null };
  const ds = datasource ?? { id: sli.datasource, name: sli.datasource };
  return sli.kind === "ratio"
    ? { source: "prometheus", datasource: ds, kind: "ratio", good: sli.good ?? null, bad: sli.bad ?? null, total: sli.total, query: null, op: null, threshold: null }
    : { source: "prometheus", datasource: ds, kind: "threshold", good: null, bad: null, total: null, query: sli.query, op: sli.op, threshold: sli.threshold };
}

export function toSloDto(row: SloRow): SloDto {
  const own = { target: row.target, window: row.window, maintenance: row.maintenanceRule };
  const tier = row.service.tier;
  const eff = effectiveSlo({ sloTarget: own.target, sloWindow: own.window, maintenance: own.maintenance }, { sloTarget: tier.sloTarget, sloWindow: tier.sloWindow, maintenance: tier.maintenanceRule });
  const sli = rowSli(row);
  const budgeting = StoredBudgeting.read(row.budgeting, `SLO ${row.id}`);
  return {
    id: row.id,
    service: { slug: row.service.slug, name: row.service.name },
    name: row.name,
    description: row.description,
    isServiceObjective: row.name === SERVICE_SLO_NAME,
    sli: sliDto(sli, row.datasource),
    target: eff.sloTarget,
    window: eff.sloWindow,
    maintenance: eff.maintenance,
    overrides: own,
    budgeting,
    ingestion: sli.source === "prometheus" ? { ingestedTo: row.ingestedTo?.toISOString() ?? null, error: row.ingestError, errorAt: row.ingestErrorAt?.toISOString() ?? null } : null,
    unit: budgetUnit(budgeting),
    archived: row.archivedAt !== null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(cursor);
  if (!m) throw ValidationError.field("cursor", "Not a cursor this list gave out");
  return { createdAt: new Date(Number(m[1])), id: m[2] as string };
}

/** A service's SLOs, its own first, then oldest first; `total` counts every match. */
export async function listSlos(slug: string, q: { archived?: boolean; cursor?: string; limit?: number }): Promise<SloListDto> {
  const service = await prisma.service.findUnique({ where: { slug }, select: { id: true } });
  if (!service) throw new NotFoundError("Service", slug);
  const where: Prisma.SloWhereInput = { serviceId: service.id, archivedAt: q.archived ? { not: null } : null };
  const after: Prisma.SloWhereInput[] = [];
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    after.push({ OR: [{ createdAt: { gt: c.createdAt } }, { createdAt: c.createdAt, id: { gt: c.id } }] });
  }
  const limit = q.limit ?? 100;
  const [rows, total] = await Promise.all([
    prisma.slo.findMany({ where: { AND: [where, ...after] }, include: sloInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit + 1 }),
    prisma.slo.count({ where }),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { slos: page.map(toSloDto), nextCursor: rows.length > limit && last ? `${last.createdAt.getTime()}.${last.id}` : null, total };
}

export async function getSlo(id: string): Promise<SloDto> {
  const row = await prisma.slo.findUnique({ where: { id }, include: sloInclude });
  if (!row) throw new NotFoundError("SLO", id);
  return toSloDto(row);
}

/** What the SLI names exists and belongs to this service; stored as the SLO will read it. */
async function storedSli(tx: Tx, serviceId: string, sli: SliInput): Promise<Sli> {
  if (sli.source === "incidents") return sli;
  if (sli.source === "prometheus") return prometheusSli(sli, (await resolveDatasource(tx, sli.datasource)).id);
  const probe = await tx.probe.findUnique({ where: { id: sli.probe }, select: { serviceId: true } });
  if (!probe) throw ValidationError.field("sli.probe", `No probe has id '${sli.probe}'`);
  if (probe.serviceId !== serviceId) throw ValidationError.field("sli.probe", "That probe watches another service: an SLO measures its own service's probes");
  return sli;
}

function storedBudgeting(sli: Sli, input: BudgetingInput | undefined): Budgeting {
  if (sli.source === "incidents") {
    if (input !== undefined) throw ValidationError.field("budgeting", "The incident record is counted in time, to the second: leave budgeting out");
    return { method: "time" };
  }
  if (sli.source === "prometheus" && sli.kind === "ratio" && input?.method === "timeslices") throw ValidationError.field("budgeting", "A ratio of events is counted as occurrences: leave budgeting out");
  if (sli.source === "prometheus" && sli.kind === "threshold" && input === undefined) return { method: "timeslices", sliceSeconds: 60, sliceTarget: 1 };
  if (sli.source === "prometheus" && sli.kind === "threshold" && input?.method === "occurrences") throw ValidationError.field("budgeting", "A threshold query is counted in time slices: {\"method\": \"timeslices\", \"slice\": \"1m\", \"sliceTarget\": 1}");
  if (!input || input.method === "occurrences") return { method: "occurrences" };
  const sliceSeconds = sliceLengthSeconds(input.slice);
  if (86_400 % sliceSeconds !== 0) throw ValidationError.field("budgeting.slice", "A slice divides a day evenly (e.g. 1m, 5m, 15m, 1h)");
  return { method: "timeslices", sliceSeconds, sliceTarget: input.sliceTarget };
}

const duplicateName = (name: string) => new ConflictError(`This service already has an SLO named '${name}'`, [{ path: "name", message: "already exists" }]);

export async function createSlo(actor: Actor, slug: string, input: SloInput): Promise<SloDto> {
  // Prometheus checks the queries before anything is written (a network call outside the transaction).
  if (input.sli.source === "prometheus") await checkQueries(input.sli);
  return prisma.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { slug }, select: { id: true, archivedAt: true } });
    if (!service) throw new NotFoundError("Service", slug);
    if (await tx.slo.findUnique({ where: { serviceId_name: { serviceId: service.id, name: input.name } }, select: { id: true } })) throw duplicateName(input.name);
    if (service.archivedAt) throw new ConflictError(`Service '${slug}' is archived: restore it to add SLOs`, [{ path: "", message: "the service is archived" }]);
    const sli = await storedSli(tx, service.id, input.sli);
    const row = await tx.slo.create({
      data: {
        serviceId: service.id,
        name: input.name,
        description: input.description ?? "",
        sli: StoredSli.write(sli),
        budgeting: StoredBudgeting.write(storedBudgeting(sli, input.budgeting)),
        ...(sli.source === "prometheus" ? { datasourceId: sli.datasource, nextIngestAt: new Date() } : {}),
        target: input.target ?? null,
        window: input.window ?? null,
        maintenanceRule: input.maintenance ?? null,
      },
      include: sloInclude,
    });
    const dto = toSloDto(row);
    await recordAudit(tx, actor, { action: "create", entityType: "slo", entityId: row.id, after: dto });
    return dto;
  });
}

export async function updateSlo(actor: Actor, id: string, input: Omit<SloUpdate, "version"> & { version?: number }): Promise<SloDto> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.slo.findUnique({ where: { id }, include: sloInclude });
    if (!before) throw new NotFoundError("SLO", id);
    const edit = await versionedEdit(tx, { entity: "SLO", audit: { entityType: "slo", entityId: id }, storedVersion: async () => (await tx.slo.findUnique({ where: { id }, select: { version: true } }))?.version ?? null }, before.version, input.version);
    const own = before.name === SERVICE_SLO_NAME;
    // The service's own objective: its row first, in the order a service edit locks them (no deadlock).
    if (own) await tx.$queryRaw`SELECT 1 FROM "Service" WHERE id = ${before.serviceId} FOR UPDATE`;
    if (own && input.name !== undefined && input.name !== before.name) throw ValidationError.field("name", "The service's own SLO, from its incident record, keeps its name");
    if (own && input.archived === true) throw new ConflictError("The service's own SLO cannot be archived: archive the service instead", [{ path: "archived", message: "the service's own SLO" }]);
    if (input.name !== undefined && input.name !== before.name && (await tx.slo.findUnique({ where: { serviceId_name: { serviceId: before.serviceId, name: input.name } }, select: { id: true } }))) throw duplicateName(input.name);
    const sli = StoredSli.read(before.sli, `SLO ${id}`);
    const budgeting = input.budgeting === undefined ? undefined : StoredBudgeting.write(storedBudgeting(sli, input.budgeting));
    await edit.write(({ version }) => tx.slo.updateMany({
      where: { id, version },
      data: {
        name: input.name,
        description: input.description,
        target: input.target,
        window: input.window,
        maintenanceRule: input.maintenance,
        budgeting,
        ...(input.archived === undefined ? {} : { archivedAt: input.archived ? (before.archivedAt ?? new Date()) : null }),
        version: { increment: 1 },
      },
    }));
    if (own) await tx.service.update({ where: { id: before.serviceId }, data: { version: { increment: 1 } } });
    const after = toSloDto(await tx.slo.findUniqueOrThrow({ where: { id }, include: sloInclude }));
    const action = input.archived === true && !before.archivedAt ? "archive" : input.archived === false && before.archivedAt ? "restore" : "update";
    await recordAudit(tx, actor, { action, entityType: "slo", entityId: id, before: toSloDto(before), after });
    return after;
  });
}

/** DELETE archives, as for services: its figures stay readable with ?archived=true. */
export async function archiveSlo(actor: Actor, id: string): Promise<SloDto> {
  return updateSlo(actor, id, { archived: true });
}
