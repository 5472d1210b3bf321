import "server-only";
import type { StatusPageSettingsDto } from "@/lib/dto/status-page";
import type { StatusPage } from "@/lib/generated/prisma/client";
import type { StatusPageUpdate } from "@/lib/schemas/status-page";
import { StoredStatusComponents } from "@/lib/schemas/stored";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import { ValidationError } from "./errors";
import { versionedEdit } from "./versioned";

// The status page's settings (admin): whether it is on, its title, and its components, each a
// public name for services stored by id.

export type StatusComponent = { name: string; serviceIds: string[] };

export const componentsOf = (row: StatusPage): StatusComponent[] => StoredStatusComponents.read(row.components, "The status page's settings");

export async function statusPageRow(tx: Tx | typeof prisma = prisma): Promise<StatusPage> {
  return (await tx.statusPage.findUnique({ where: { id: 1 } })) ?? tx.statusPage.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
}

async function toDto(row: StatusPage): Promise<StatusPageSettingsDto> {
  const components = componentsOf(row);
  const [services, confirmed, unconfirmed] = await Promise.all([
    prisma.service.findMany({ where: { id: { in: components.flatMap((c) => c.serviceIds) } }, select: { id: true, slug: true, name: true } }),
    prisma.statusSubscriber.count({ where: { confirmedAt: { not: null } } }),
    prisma.statusSubscriber.count({ where: { confirmedAt: null } }),
  ]);
  const byId = new Map(services.map((s) => [s.id, s]));
  return {
    enabled: row.enabled,
    title: row.title,
    components: components.map((c) => ({ name: c.name, services: c.serviceIds.flatMap((id) => byId.get(id) ?? []) })),
    subscribers: { confirmed, unconfirmed },
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getStatusPageSettings(): Promise<StatusPageSettingsDto> {
  return toDto(await statusPageRow());
}

export async function updateStatusPage(actor: Actor, input: StatusPageUpdate): Promise<StatusPageSettingsDto> {
  const row = await prisma.$transaction(async (tx) => {
    const before = await statusPageRow(tx);
    const edit = await versionedEdit(tx, { entity: "status page", audit: { entityType: "status_page", entityId: "1" }, storedVersion: async () => (await tx.statusPage.findUnique({ where: { id: 1 }, select: { version: true } }))?.version ?? null }, before.version, input.version);
    let components: StatusComponent[] | undefined;
    if (input.components) {
      const refs = [...new Set(input.components.flatMap((c) => c.services))];
      const found = await tx.service.findMany({ where: { OR: [{ id: { in: refs } }, { slug: { in: refs } }] }, select: { id: true, slug: true } });
      const idOf = (ref: string) => found.find((s) => s.id === ref || s.slug === ref)?.id;
      const issues = input.components.flatMap((c, i) => c.services.flatMap((ref, j) => (idOf(ref) ? [] : [{ path: `components.${i}.services.${j}`, message: `No service has the id or slug '${ref}'` }])));
      if (issues.length) throw new ValidationError(issues);
      components = input.components.map((c) => ({ name: c.name, serviceIds: [...new Set(c.services.map((ref) => idOf(ref) as string))] }));
    }
    if (input.enabled && (components ?? componentsOf(before)).length === 0) throw ValidationError.field("enabled", "Add at least one component before turning the status page on");
    await edit.write(({ version }) =>
      tx.statusPage.updateMany({
        where: { id: 1, version },
        data: { enabled: input.enabled, title: input.title, ...(components ? { components: StoredStatusComponents.write({ components }) } : {}), version: { increment: 1 } },
      }),
    );
    const after = await tx.statusPage.findUniqueOrThrow({ where: { id: 1 } });
    await recordAudit(tx, actor, { action: "update", entityType: "status_page", entityId: "1", before: { enabled: before.enabled, title: before.title, components: componentsOf(before) }, after: { enabled: after.enabled, title: after.title, components: componentsOf(after) } });
    return after;
  });
  return toDto(row);
}
