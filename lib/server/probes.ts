import "server-only";
import type { ProbeDto, ProbeRunListDto } from "@/lib/dto/probes";
import { coverageOf, type ProbeHistory } from "@/lib/domain/probe-reads";
import { COVERAGE_SLACK_MS, DEFAULT_FAILURES_TO_OPEN, DEFAULT_TIMEOUT_SECONDS } from "@/lib/domain/probes";
import { incidentReference } from "@/lib/domain/incident-lifecycle";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProbeInput, ProbeRunsQuery, ProbeUpdate } from "@/lib/schemas/probe";
import type { Actor, PersonActor } from "./auth/actor";
import { roleAllows } from "./auth/roles";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "./errors";
import { assertAllowedTarget, ForbiddenTargetError } from "./probe-check";
import { probeHistories } from "./probe-history";
import { versionedEdit } from "./versioned";

const include = { service: { select: { slug: true, name: true } } } satisfies Prisma.ProbeInclude;
type Row = Prisma.ProbeGetPayload<{ include: typeof include }>;
const DAY = 86_400_000;

async function openIncidents(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = ids.filter((i): i is string => i !== null);
  if (!wanted.length) return new Map();
  const rows = await prisma.incident.findMany({ where: { id: { in: wanted } }, select: { id: true, number: true } });
  return new Map(rows.map((r) => [r.id, incidentReference(r.number)]));
}

/**
 * DTOs with what each probe saw over the last 24 hours (its kept hours, and its runs at the edges
 * and since the last closed hour). `coverage: false` (the service page's summary, which shows
 * only state and latency) skips that read.
 */
async function toDtos(rows: Row[], opts: { coverage: boolean } = { coverage: true }, now = Date.now()): Promise<ProbeDto[]> {
  const day = { from: now - DAY, to: now };
  const success = { kind: "success" as const };
  const [histories, refs] = await Promise.all([
    opts.coverage ? probeHistories(rows.map((r) => ({ probeId: r.id, reads: [{ use: "coverage", sli: success, range: day }] }))) : new Map<string, ProbeHistory>(),
    openIncidents(rows.map((r) => r.openIncidentId)),
  ]);
  return rows.map((r) => {
    const history = histories.get(r.id);
    const seen = history ? coverageOf(history, success, day) : null;
    const fresh = r.lastRunAt !== null && now - r.lastRunAt.getTime() <= r.intervalSeconds * 1000 + COVERAGE_SLACK_MS;
    const ref = r.openIncidentId ? refs.get(r.openIncidentId) : undefined;
    return {
      id: r.id,
      service: r.service,
      url: r.url,
      method: r.method,
      intervalSeconds: r.intervalSeconds,
      timeoutSeconds: r.timeoutSeconds,
      expectedStatus: r.expectedStatus,
      expectText: r.expectText,
      failuresToOpen: r.failuresToOpen,
      enabled: r.enabled,
      allowPrivate: r.allowPrivate,
      state: !r.enabled || !fresh ? "unknown" : r.lastOk ? "up" : "down",
      lastRun: r.lastRunAt ? { at: r.lastRunAt.toISOString(), ok: r.lastOk ?? false, status: r.lastStatus, latencyMs: r.lastLatencyMs ?? 0, error: r.lastError } : null,
      consecutiveFailures: r.consecutiveFailures,
      openIncident: r.openIncidentId && ref ? { id: r.openIncidentId, reference: ref } : null,
      nextRunAt: r.nextRunAt.toISOString(),
      last24h: seen ? { upSeconds: seen.upSeconds, downSeconds: seen.downSeconds, unknownSeconds: seen.unknownSeconds, uptime: seen.uptime } : null,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

async function checkTarget(actor: Actor, url: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate && !roleAllows(actor.role, "admin")) throw new ForbiddenError("Only an admin can let a probe reach link-local or metadata addresses");
  await assertAllowedTarget(new URL(url), allowPrivate).catch((err: unknown) => {
    if (err instanceof ForbiddenTargetError) throw ValidationError.field("url", `Must not reach a link-local or cloud-metadata address (${err.message}); an admin can allow it`);
    throw err;
  });
}

export async function listProbes(slug: string, opts: { coverage: boolean } = { coverage: true }): Promise<ProbeDto[]> {
  const service = await prisma.service.findUnique({ where: { slug }, select: { id: true } });
  if (!service) throw new NotFoundError("Service", slug);
  return toDtos(await prisma.probe.findMany({ where: { serviceId: service.id }, include, orderBy: { createdAt: "asc" } }), opts);
}

async function rowOf(id: string, db: Tx | typeof prisma = prisma): Promise<Row> {
  const row = await db.probe.findUnique({ where: { id }, include });
  if (!row) throw new NotFoundError("Probe", id);
  return row;
}

export async function getProbe(id: string): Promise<ProbeDto> {
  return (await toDtos([await rowOf(id)]))[0] as ProbeDto;
}

export async function createProbe(actor: PersonActor, slug: string, input: ProbeInput): Promise<ProbeDto> {
  await checkTarget(actor, input.url, input.allowPrivate ?? false);
  const id = await prisma.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { slug }, select: { id: true } });
    if (!service) throw new NotFoundError("Service", slug);
    const row = await tx.probe.create({
      data: {
        serviceId: service.id,
        url: input.url,
        method: input.method ?? "GET",
        intervalSeconds: input.intervalSeconds,
        timeoutSeconds: Math.min(input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS, input.intervalSeconds),
        expectedStatus: input.expectedStatus ?? "200-299",
        expectText: input.expectText || null,
        failuresToOpen: input.failuresToOpen ?? DEFAULT_FAILURES_TO_OPEN,
        enabled: input.enabled ?? true,
        allowPrivate: input.allowPrivate ?? false,
        createdById: actor.userId,
      },
      include,
    });
    await recordAudit(tx, actor, { action: "create", entityType: "probe", entityId: row.id, after: row });
    return row.id;
  });
  return getProbe(id);
}

export async function updateProbe(actor: Actor, id: string, input: ProbeUpdate): Promise<ProbeDto> {
  const before = await rowOf(id);
  const url = input.url ?? before.url;
  const allowPrivate = input.allowPrivate ?? before.allowPrivate;
  if (input.url !== undefined || input.allowPrivate !== undefined) await checkTarget(actor, url, allowPrivate);
  const interval = input.intervalSeconds ?? before.intervalSeconds;
  if ((input.timeoutSeconds ?? before.timeoutSeconds) > interval) throw ValidationError.field("timeoutSeconds", "Must not be longer than the interval");
  await prisma.$transaction(async (tx) => {
    const edit = await versionedEdit(tx, { entity: "probe", audit: { entityType: "probe", entityId: id }, storedVersion: async () => (await tx.probe.findUnique({ where: { id }, select: { version: true } }))?.version ?? null }, before.version, input.version);
    await edit.write(({ version }) => tx.probe.updateMany({
      where: { id, version },
      data: {
        url: input.url,
        method: input.method,
        intervalSeconds: input.intervalSeconds,
        timeoutSeconds: input.timeoutSeconds,
        expectedStatus: input.expectedStatus,
        expectText: input.expectText === undefined ? undefined : input.expectText || null,
        failuresToOpen: input.failuresToOpen,
        enabled: input.enabled,
        allowPrivate: input.allowPrivate,
        version: { increment: 1 },
      },
    }));
    await recordAudit(tx, actor, { action: "update", entityType: "probe", entityId: id, before, after: await rowOf(id, tx) });
  });
  return getProbe(id);
}

export async function deleteProbe(actor: Actor, id: string): Promise<{ deleted: true; id: string }> {
  return prisma.$transaction(async (tx) => {
    const row = await rowOf(id, tx);
    // An SLO measured by this probe would lose what it measures: archive it first.
    const slos = await tx.slo.findMany({ where: { archivedAt: null, sli: { path: ["probe"], equals: id } }, select: { name: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    if (slos.length) throw new ConflictError(`SLO ${slos.map((s) => `'${s.name}'`).join(", ")} is measured by this probe: archive ${slos.length === 1 ? "it" : "them"} first`, [{ path: "", message: "in use by SLOs" }]);
    await tx.probe.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "delete", entityType: "probe", entityId: id, before: row });
    return { deleted: true, id };
  });
}

/** Newest first, cursor-paged by run id. */
export async function listRuns(id: string, q: ProbeRunsQuery): Promise<ProbeRunListDto> {
  await rowOf(id);
  const limit = q.limit ?? 100;
  const [rows, total] = await Promise.all([
    prisma.probeRun.findMany({ where: { probeId: id, ...(q.cursor ? { id: { lt: BigInt(q.cursor) } } : {}) }, orderBy: { id: "desc" }, take: limit + 1 }),
    prisma.probeRun.count({ where: { probeId: id } }),
  ]);
  const page = rows.slice(0, limit);
  return {
    runs: page.map((r) => ({ id: String(r.id), at: r.at.toISOString(), scheduledAt: r.scheduledAt.toISOString(), lagMs: Math.max(0, r.at.getTime() - r.scheduledAt.getTime()), ok: r.ok, status: r.status, latencyMs: r.latencyMs, textMatched: r.textMatched, error: r.error })),
    nextCursor: rows.length > limit ? String(page.at(-1)?.id) : null,
    total,
  };
}
