import "server-only";
import type { DatasourceDto } from "@/lib/dto/datasources";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DatasourceInput, DatasourceUpdate } from "@/lib/schemas/datasource";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { ping, PrometheusRejected, PrometheusUnreachable, type Connection } from "./prometheus";
import { seal } from "./secret-box";
import { versionedEdit } from "./versioned";

// Prometheus servers an admin registers (docs/decisions/0022-prometheus-slis.md). Credentials are
// sealed like the PagerDuty secret and never shown again; every role reads names and state.

const include = { _count: { select: { slos: true } } } satisfies Prisma.DatasourceInclude;
type Row = Prisma.DatasourceGetPayload<{ include: typeof include }>;

export function toDatasourceDto(r: Row): DatasourceDto {
  const down = r.lastErrorAt !== null && (r.lastOkAt === null || r.lastErrorAt > r.lastOkAt);
  return {
    id: r.id,
    name: r.name,
    type: "prometheus",
    url: r.url,
    auth: r.authType === "bearer" || r.authType === "basic" ? r.authType : "none",
    username: r.authType === "basic" ? r.username : null,
    state: down ? "down" : r.lastOkAt ? "up" : "unknown",
    lastOkAt: r.lastOkAt?.toISOString() ?? null,
    lastError: down ? r.lastError : null,
    lastErrorAt: r.lastErrorAt?.toISOString() ?? null,
    sloCount: r._count.slos,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listDatasources(): Promise<DatasourceDto[]> {
  return (await prisma.datasource.findMany({ include, orderBy: { name: "asc" } })).map(toDatasourceDto);
}

export async function getDatasource(id: string): Promise<DatasourceDto> {
  const row = await prisma.datasource.findUnique({ where: { id }, include });
  if (!row) throw new NotFoundError("Datasource", id);
  return toDatasourceDto(row);
}

/** A datasource by id or by name (editors pick one by name), in a transaction. */
export async function resolveDatasource(tx: Tx | typeof prisma, ref: string): Promise<Connection & { id: string; name: string }> {
  const row = (await tx.datasource.findUnique({ where: { id: ref } })) ?? (await tx.datasource.findUnique({ where: { name: ref } }));
  if (!row) throw ValidationError.field("sli.datasource", `No datasource has the id or name '${ref}'`);
  return row;
}

function credentials(input: { bearerToken?: string | null; basicAuth?: { username: string; password: string } | null }): { authType: string; username: string | null; secretSealed: string | null } | undefined {
  if (input.bearerToken) return { authType: "bearer", username: null, secretSealed: seal(input.bearerToken) };
  if (input.basicAuth) return { authType: "basic", username: input.basicAuth.username, secretSealed: seal(input.basicAuth.password) };
  if (input.bearerToken === null || input.basicAuth === null) return { authType: "none", username: null, secretSealed: null };
  return undefined;
}

const duplicate = (name: string) => new ConflictError(`A datasource named '${name}' already exists`, [{ path: "name", message: "already exists" }]);

export async function createDatasource(actor: Actor, input: DatasourceInput): Promise<DatasourceDto> {
  const dto = await prisma.$transaction(async (tx) => {
    if (await tx.datasource.findUnique({ where: { name: input.name } })) throw duplicate(input.name);
    const row = await tx.datasource.create({ data: { name: input.name, type: "prometheus", url: input.url, ...(credentials(input) ?? {}) }, include });
    const out = toDatasourceDto(row);
    await recordAudit(tx, actor, { action: "create", entityType: "datasource", entityId: row.id, after: out });
    return out;
  });
  // Asked once now, so Settings says at once whether Nines can reach it (never blocks the create).
  return checkDatasource(dto.id);
}

export async function updateDatasource(actor: Actor, id: string, input: DatasourceUpdate): Promise<DatasourceDto> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.datasource.findUnique({ where: { id }, include });
    if (!before) throw new NotFoundError("Datasource", id);
    const edit = await versionedEdit(tx, { entity: "datasource", audit: { entityType: "datasource", entityId: id }, storedVersion: async () => (await tx.datasource.findUnique({ where: { id }, select: { version: true } }))?.version ?? null }, before.version, input.version);
    if (input.name && input.name !== before.name && (await tx.datasource.findUnique({ where: { name: input.name } }))) throw duplicate(input.name);
    // A credential goes to the URL it was given for: a new URL needs it given again (or removed).
    if (input.url && input.url !== before.url && before.authType !== "none" && input.bearerToken === undefined && input.basicAuth === undefined) {
      throw ValidationError.field("url", "Give the credentials again with a new URL (bearerToken or basicAuth), or null to send none: the stored ones are not sent to another server");
    }
    await edit.write(({ version }) => tx.datasource.updateMany({ where: { id, version }, data: { name: input.name, url: input.url, ...(credentials(input) ?? {}), version: { increment: 1 } } }));
    const after = await tx.datasource.findUniqueOrThrow({ where: { id }, include });
    await recordAudit(tx, actor, { action: "update", entityType: "datasource", entityId: id, before: toDatasourceDto(before), after: toDatasourceDto(after) });
  });
  return checkDatasource(id);
}

export async function deleteDatasource(actor: Actor, id: string): Promise<{ deleted: true; id: string }> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.datasource.findUnique({ where: { id }, include });
    if (!row) throw new NotFoundError("Datasource", id);
    const live = await tx.slo.count({ where: { datasourceId: id, archivedAt: null } });
    if (live > 0) throw new ConflictError(`${live} SLO(s) read from '${row.name}': archive them first`, [{ path: "", message: "in use by SLOs" }]);
    // Archived SLOs keep the figures they stored; they no longer name a server to read from.
    await tx.slo.updateMany({ where: { datasourceId: id }, data: { datasourceId: null } });
    await tx.datasource.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "delete", entityType: "datasource", entityId: id, before: toDatasourceDto(row) });
    return { deleted: true as const, id };
  });
}

/** Records what a request to the server found: it answered, or why not (shown in Settings). */
export async function noteDatasource(id: string, outcome: { ok: true } | { ok: false; error: string }): Promise<void> {
  const now = new Date();
  await prisma.datasource.updateMany({ where: { id }, data: outcome.ok ? { lastOkAt: now } : { lastError: outcome.error.slice(0, 1000), lastErrorAt: now } });
}

/** Asks the server whether it answers, records the outcome, and returns the datasource as it is now. */
export async function checkDatasource(id: string): Promise<DatasourceDto> {
  const row = await prisma.datasource.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("Datasource", id);
  try {
    await ping(row);
    await noteDatasource(id, { ok: true });
  } catch (err) {
    if (!(err instanceof PrometheusUnreachable || err instanceof PrometheusRejected)) throw err;
    await noteDatasource(id, { ok: false, error: err.message });
  }
  return getDatasource(id);
}
