import "server-only";
import { parseAllDocuments } from "yaml";
import { planOpenSlo, type PlannedService, type TierDefaults } from "@/lib/domain/openslo-plan";
import { readOpenSlo } from "@/lib/domain/openslo-read";
import type { OpenSloChangeDto, OpenSloPlanDto } from "@/lib/dto/openslo";
import { SERVICE_SLO_NAME } from "@/lib/domain/slo";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { organisationTimeZone } from "./availability-data";
import { prisma } from "./db";
import { ConflictError, ValidationError } from "./errors";
import { listServices, resolveTier, serviceInclude, serviceSloData, toServiceDto } from "./services";

export { exportOpenSlo } from "./openslo-export";

// OpenSLO documents in, as a plan (lib/domain/openslo-read.ts reads them, openslo-plan.ts says what
// they change): a dry run returns it; an apply makes all of it in one transaction, or none of it.

export type ImportOptions = { dryRun: boolean; createServices: boolean; tier?: number };

async function plan(text: string, options: ImportOptions) {
  const parsed = parseAllDocuments(text);
  const yamlErrors = new Map(parsed.flatMap((d, i) => (d.errors.length ? [[i + 1, d.errors[0]?.message ?? "unreadable"] as const] : [])));
  const docs = parsed.map((d) => (d.errors.length ? null : d.toJS()));
  const [services, tiers, zone] = await Promise.all([listServices(), prisma.tier.findMany(), organisationTimeZone()]);
  const planned = new Map<string, PlannedService>(services.map((s) => [s.slug, { slug: s.slug, name: s.name, description: s.description, sloTarget: s.sloTarget, sloWindow: s.sloWindow, maintenance: s.maintenance }]));
  const defaults = new Map<number, TierDefaults>(
    tiers.map((t) => [t.rank, { rank: t.rank, archived: t.archivedAt !== null, sloTarget: t.sloTarget, sloWindow: t.sloWindow, maintenance: t.maintenanceRule }]),
  );
  return { services, result: planOpenSlo(readOpenSlo(docs, zone, yamlErrors), planned, defaults, options) };
}

export async function importOpenSlo(actor: Actor, text: string, options: ImportOptions): Promise<OpenSloPlanDto> {
  if (text.length > 5_000_000) throw ValidationError.field("", "At most 5 MB of YAML");
  const { services, result } = await plan(text, options);
  const { changes, creates, errors } = result;
  if (options.dryRun) return { dryRun: true, applied: false, changes, creates, errors };
  if (errors.length) {
    throw new ValidationError(errors.map((e) => ({ path: `documents.${e.document}${e.path ? `.${e.path}` : ""}`, message: e.message })), "Nothing was imported: fix these documents first");
  }
  const bySlug = new Map(services.map((s) => [s.slug, s]));
  await prisma.$transaction(async (tx) => {
    const now = new Date();
    for (const c of creates) {
      const row = await tx.service.create({
        data: { createdAt: now, measuredSince: now, slug: c.service, name: c.name, description: c.description, tierId: await resolveTier(tx, c.tier), slos: { create: serviceSloData({ target: c.sloTarget, window: c.sloWindow, maintenanceRule: c.maintenance }, now) } },
        include: serviceInclude,
      });
      await recordAudit(tx, actor, { action: "create", entityType: "service", entityId: row.id, after: { ...toServiceDto(row), via: "openslo import" } });
    }
    for (const slug of new Set(changes.map((c) => c.service))) {
      const mine = changes.filter((c) => c.service === slug);
      const value = (field: OpenSloChangeDto["field"]) => mine.find((c) => c.field === field)?.to;
      const before = bySlug.get(slug);
      // The plan was made from what was read before; an edit since then is not overwritten.
      const written = await tx.service.updateMany({ where: { slug, version: before?.version }, data: { name: value("name") as string | undefined, description: value("description") as string | undefined, version: { increment: 1 } } });
      if (written.count !== 1) throw new ConflictError(`Service '${slug}' changed while the documents were imported; nothing was imported: run the import again`, [{ path: "", message: `'${slug}' changed meanwhile` }]);
      const objective = { target: value("sloTarget") as number | undefined, window: value("sloWindow") as string | undefined, maintenanceRule: value("maintenance") as "count" | "exclude" | undefined };
      if (Object.values(objective).some((v) => v !== undefined)) await tx.slo.updateMany({ where: { service: { slug }, name: SERVICE_SLO_NAME }, data: { ...objective, version: { increment: 1 } } });
      const after = toServiceDto(await tx.service.findUniqueOrThrow({ where: { slug }, include: serviceInclude }));
      await recordAudit(tx, actor, { action: "update", entityType: "service", entityId: after.id, before, after: { ...after, via: "openslo import" } });
    }
  });
  return { dryRun: false, applied: true, changes, creates, errors: [] };
}
