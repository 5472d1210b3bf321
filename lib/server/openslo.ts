import "server-only";
import { parseAllDocuments } from "yaml";
import { planOpenSlo, type PlannedService, type PlannedSlo, type TierDefaults } from "@/lib/domain/openslo-plan";
import { readOpenSlo } from "@/lib/domain/openslo-read";
import { SERVICE_SLO_NAME, type Budgeting } from "@/lib/domain/slo";
import type { OpenSloPlanDto } from "@/lib/dto/openslo";
import { StoredBudgeting, StoredSli } from "@/lib/schemas/stored";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { organisationTimeZone } from "./availability-data";
import { prisma, type Tx } from "./db";
import { ConflictError, ValidationError } from "./errors";
import { listServices, resolveTier, serviceInclude, serviceSloData, toServiceDto } from "./services";
import { checkQueries } from "./slo-queries";
import { rowSli, sliDto, sloInclude, toSloDto } from "./slos";

export { exportOpenSlo } from "./openslo-export";

// OpenSLO documents in, as a plan (lib/domain/openslo-read.ts reads them, openslo-plan.ts says what
// they change): a dry run returns it; an apply makes all of it in one transaction, or none of it.

export type ImportOptions = { dryRun: boolean; createServices: boolean; tier?: number; datasource?: string };

async function plan(text: string, options: ImportOptions) {
  const parsed = parseAllDocuments(text);
  const yamlErrors = new Map(parsed.flatMap((d, i) => (d.errors.length ? [[i + 1, d.errors[0]?.message ?? "unreadable"] as const] : [])));
  const docs = parsed.map((d) => (d.errors.length ? null : d.toJS()));
  const [services, slos, probes, tiers, zone, datasources] = await Promise.all([
    listServices(),
    prisma.slo.findMany({ include: sloInclude }),
    prisma.probe.findMany({ select: { id: true, url: true, service: { select: { slug: true } } } }),
    prisma.tier.findMany(),
    organisationTimeZone(),
    prisma.datasource.findMany({ select: { id: true, name: true } }),
  ]);
  const slosOf = new Map<string, Map<string, PlannedSlo>>();
  const archivedOf = new Map<string, Set<string>>();
  for (const row of slos) {
    if (row.archivedAt) {
      archivedOf.set(row.service.slug, (archivedOf.get(row.service.slug) ?? new Set()).add(row.name));
      continue;
    }
    const d = toSloDto(row);
    const sli = rowSli(row);
    const map = slosOf.get(d.service.slug) ?? new Map<string, PlannedSlo>();
    map.set(d.name, { id: d.id, version: d.version, name: d.name, description: d.description, sli, budgeting: d.budgeting, target: d.target, window: d.window, maintenance: d.maintenance });
    slosOf.set(d.service.slug, map);
  }
  const probesOf = new Map<string, Map<string, string>>();
  for (const p of probes) probesOf.set(p.service.slug, (probesOf.get(p.service.slug) ?? new Map()).set(p.url, p.id));
  const planned = new Map<string, PlannedService>(services.map((s) => [s.slug, {
    slug: s.slug, name: s.name, description: s.description, sloTarget: s.sloTarget, sloWindow: s.sloWindow, maintenance: s.maintenance,
    slos: slosOf.get(s.slug) ?? new Map(), probesByUrl: probesOf.get(s.slug) ?? new Map(), archivedSloNames: archivedOf.get(s.slug) ?? new Set(),
    tierDefaults: { sloTarget: s.tier.sloTarget, sloWindow: s.tier.sloWindow, maintenance: s.tier.maintenance },
  }]));
  const defaults = new Map<number, TierDefaults>(tiers.map((t) => [t.rank, { rank: t.rank, archived: t.archivedAt !== null, sloTarget: t.sloTarget, sloWindow: t.sloWindow, maintenance: t.maintenanceRule }]));
  return { services, planned, datasourceNames: new Map(datasources.map((d) => [d.id, d.name])), result: planOpenSlo(readOpenSlo(docs, zone, yamlErrors), planned, defaults, options, new Map(datasources.map((d) => [d.name, d.id]))) };
}

export async function importOpenSlo(actor: Actor, text: string, options: ImportOptions): Promise<OpenSloPlanDto> {
  if (text.length > 5_000_000) throw ValidationError.field("", "At most 5 MB of YAML");
  const { services, planned, datasourceNames, result } = await plan(text, options);
  const { changes, creates, sloChanges, sloCreates, errors } = result;
  const dto = { changes, creates, sloChanges, sloCreates: sloCreates.map((c) => ({ ...c, sli: sliDto(c.sli, c.sli.source === "prometheus" ? { id: c.sli.datasource, name: datasourceNames.get(c.sli.datasource) ?? c.sli.datasource } : null) })) } as Omit<OpenSloPlanDto, "dryRun" | "applied" | "errors">;
  if (options.dryRun) return { dryRun: true, applied: false, ...dto, errors };
  if (errors.length) {
    throw new ValidationError(errors.map((e) => ({ path: `documents.${e.document}${e.path ? `.${e.path}` : ""}`, message: e.message })), "Nothing was imported: fix these documents first");
  }
  // Prometheus checks the new SLOs' queries before anything is written, as for an SLO made through the API.
  for (const c of sloCreates) {
    if (c.sli.source !== "prometheus") continue;
    const { source, datasource, ...rest } = c.sli;
    await checkQueries({ source, datasource, ...rest }).catch((err: unknown) => {
      if (err instanceof ValidationError) throw new ValidationError((err.issues ?? []).map((i) => ({ path: `${c.service}/${c.name}.${i.path}`, message: i.message })), "Nothing was imported: Prometheus refused a query");
      throw err;
    });
  }
  const bySlug = new Map(services.map((s) => [s.slug, s]));
  await prisma.$transaction(async (tx) => {
    const now = new Date();
    const ids = new Map(services.map((s) => [s.slug, s.id]));
    for (const c of creates) {
      const row = await tx.service.create({
        data: { createdAt: now, measuredSince: now, slug: c.service, name: c.name, description: c.description, tierId: await resolveTier(tx, c.tier), slos: { create: serviceSloData({ target: c.sloTarget, window: c.sloWindow, maintenanceRule: c.maintenance }, now) } },
        include: serviceInclude,
      });
      ids.set(c.service, row.id);
      await recordAudit(tx, actor, { action: "create", entityType: "service", entityId: row.id, after: { ...toServiceDto(row), via: "openslo import" } });
    }
    for (const slug of new Set(changes.map((c) => c.service))) {
      const value = (field: string) => changes.find((c) => c.service === slug && c.field === field)?.to;
      const before = bySlug.get(slug);
      // The plan was made from what was read before; an edit since then is not overwritten.
      const written = await tx.service.updateMany({ where: { slug, version: before?.version }, data: { name: value("name") as string | undefined, description: value("description") as string | undefined, version: { increment: 1 } } });
      if (written.count !== 1) throw changedMeanwhile(`Service '${slug}'`);
      const objective = { target: value("sloTarget") as number | undefined, window: value("sloWindow") as string | undefined, maintenanceRule: value("maintenance") as "count" | "exclude" | undefined };
      if (Object.values(objective).some((v) => v !== undefined)) await tx.slo.updateMany({ where: { service: { slug }, name: SERVICE_SLO_NAME }, data: { ...objective, version: { increment: 1 } } });
      const after = toServiceDto(await tx.service.findUniqueOrThrow({ where: { slug }, include: serviceInclude }));
      await recordAudit(tx, actor, { action: "update", entityType: "service", entityId: after.id, before, after: { ...after, via: "openslo import" } });
    }
    await applySloChanges(tx, actor, sloChanges, planned);
    for (const c of sloCreates) {
      const row = await tx.slo.create({
        data: {
          serviceId: ids.get(c.service) as string, name: c.name, description: c.description, sli: StoredSli.write(c.sli), budgeting: StoredBudgeting.write(c.budgeting), target: c.target, window: c.window, maintenanceRule: c.maintenance,
          ...(c.sli.source === "prometheus" ? { datasourceId: c.sli.datasource, nextIngestAt: now } : {}),
        },
        include: sloInclude,
      });
      await recordAudit(tx, actor, { action: "create", entityType: "slo", entityId: row.id, after: { ...toSloDto(row), via: "openslo import" } });
    }
  });
  return { dryRun: false, applied: true, ...dto, errors: [] };
}

const changedMeanwhile = (what: string) => new ConflictError(`${what} changed while the documents were imported; nothing was imported: run the import again`, [{ path: "", message: `${what} changed meanwhile` }]);

async function applySloChanges(tx: Tx, actor: Actor, sloChanges: OpenSloPlanDto["sloChanges"], planned: Map<string, PlannedService>): Promise<void> {
  for (const key of new Set(sloChanges.map((c) => `${c.service}/${c.slo}`))) {
    const mine = sloChanges.filter((c) => `${c.service}/${c.slo}` === key);
    const first = mine[0] as (typeof mine)[number];
    const slo = planned.get(first.service)?.slos.get(first.slo) as PlannedSlo;
    const value = (field: string) => mine.find((c) => c.field === field)?.to;
    const budgeting = value("budgeting") as Budgeting | undefined;
    const before = toSloDto(await tx.slo.findUniqueOrThrow({ where: { id: slo.id }, include: sloInclude }));
    const written = await tx.slo.updateMany({
      where: { id: slo.id, version: slo.version },
      data: { description: value("description") as string | undefined, target: value("target") as number | undefined, window: value("window") as string | undefined, maintenanceRule: value("maintenance") as "count" | "exclude" | undefined, budgeting: budgeting && StoredBudgeting.write(budgeting), version: { increment: 1 } },
    });
    if (written.count !== 1) throw changedMeanwhile(`SLO '${first.slo}' of '${first.service}'`);
    const after = toSloDto(await tx.slo.findUniqueOrThrow({ where: { id: slo.id }, include: sloInclude }));
    await recordAudit(tx, actor, { action: "update", entityType: "slo", entityId: slo.id, before, after: { ...after, via: "openslo import" } });
  }
}
