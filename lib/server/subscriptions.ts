import "server-only";
import type { NotificationEventType } from "@/lib/domain/notifications";
import { NOTIFICATION_EVENTS } from "@/lib/domain/notifications";
import type { Severity } from "@/lib/domain/incident-lifecycle";
import type { SubscriptionDto, SubscriptionListDto } from "@/lib/dto/notifications";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SubscriptionInput } from "@/lib/schemas/notification";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import { NotFoundError, ValidationError } from "./errors";

// Subscriptions: which events go to which channels. Filters are stored by id (a service renamed
// or a tier re-ranked keeps them); services and tiers removed since are left out of the answer.

const include = { channels: { include: { channel: { select: { id: true, name: true } } } } } satisfies Prisma.SubscriptionInclude;
type Row = Prisma.SubscriptionGetPayload<{ include: typeof include }>;

async function toDtos(rows: Row[]): Promise<SubscriptionDto[]> {
  const serviceIds = [...new Set(rows.flatMap((r) => r.serviceIds))];
  const tierIds = [...new Set(rows.flatMap((r) => r.tierIds))];
  const [services, tiers] = await Promise.all([
    prisma.service.findMany({ where: { id: { in: serviceIds } }, select: { id: true, name: true, slug: true } }),
    prisma.tier.findMany({ where: { id: { in: tierIds } }, select: { id: true, name: true, rank: true } }),
  ]);
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const tierById = new Map(tiers.map((t) => [t.id, t]));
  const known = new Set<string>(NOTIFICATION_EVENTS);
  return rows.map((r) => ({
    id: r.id,
    events: r.events.filter((e): e is NotificationEventType => known.has(e)),
    services: r.serviceIds.flatMap((id) => serviceById.get(id) ?? []),
    tiers: r.tierIds.flatMap((id) => tierById.get(id) ?? []),
    severities: r.severities as Severity[],
    publicOnly: r.publicOnly,
    channels: r.channels.map((c) => c.channel).sort((a, b) => a.name.localeCompare(b.name)),
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listSubscriptions(q: { cursor?: string; limit?: number }): Promise<SubscriptionListDto> {
  const limit = q.limit ?? 100;
  if (q.cursor && !(await prisma.subscription.findUnique({ where: { id: q.cursor }, select: { id: true } }))) throw ValidationError.field("cursor", "No subscription has this id: start from the first page");
  const [rows, total] = await Promise.all([
    prisma.subscription.findMany({ include, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit + 1, ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}) }),
    prisma.subscription.count(),
  ]);
  const page = rows.slice(0, limit);
  return { subscriptions: await toDtos(page), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null, total };
}

/** Ids for refs that may be ids or another key (slug, rank); each unknown one is named by its place. */
async function resolveRefs<K extends string | number>(refs: readonly (string | number)[], field: string, find: (ids: string[], keys: K[]) => Promise<{ id: string; key: K }[]>, toKey: (ref: string | number) => K | null, what: string): Promise<string[]> {
  const found = await find(refs.map(String), refs.flatMap((r) => toKey(r) ?? []));
  const issues = refs.flatMap((ref, n) => (found.some((f) => f.id === String(ref) || f.key === toKey(ref)) ? [] : [{ path: `${field}.${n}`, message: `No ${what} has the id or ${field === "tiers" ? "rank" : "slug"} '${ref}'` }]));
  if (issues.length) throw new ValidationError(issues);
  return [...new Set(refs.map((ref) => (found.find((f) => f.id === String(ref) || f.key === toKey(ref)) as { id: string }).id))];
}

async function resolve(tx: Tx, input: SubscriptionInput) {
  const serviceIds = await resolveRefs<string>(input.services ?? [], "services", async (ids, slugs) => (await tx.service.findMany({ where: { OR: [{ id: { in: ids } }, { slug: { in: slugs } }] }, select: { id: true, slug: true } })).map((s) => ({ id: s.id, key: s.slug })), (r) => String(r), "service");
  const tierIds = await resolveRefs<number>(input.tiers ?? [], "tiers", async (ids, ranks) => (await tx.tier.findMany({ where: { OR: [{ id: { in: ids } }, { rank: { in: ranks } }] }, select: { id: true, rank: true } })).map((t) => ({ id: t.id, key: t.rank })), (r) => (typeof r === "number" ? r : /^\d+$/.test(r) ? Number(r) : null), "tier");
  const channels = await tx.notificationChannel.findMany({ where: { id: { in: input.channels } }, select: { id: true } });
  const missing = input.channels.findIndex((id) => !channels.some((c) => c.id === id));
  if (missing >= 0) throw ValidationError.field(`channels.${missing}`, `No channel has the id '${input.channels[missing]}'`);
  return { serviceIds, tierIds, channelIds: [...new Set(input.channels)] };
}

export async function createSubscription(actor: Actor, input: SubscriptionInput): Promise<SubscriptionDto> {
  const row = await prisma.$transaction(async (tx) => {
    const { serviceIds, tierIds, channelIds } = await resolve(tx, input);
    const created = await tx.subscription.create({
      data: { events: input.events, serviceIds, tierIds, severities: [...new Set(input.severities ?? [])], publicOnly: input.publicOnly ?? false, channels: { create: channelIds.map((channelId) => ({ channelId })) } },
      include,
    });
    await recordAudit(tx, actor, { action: "create", entityType: "subscription", entityId: created.id, after: { events: created.events, serviceIds, tierIds, severities: created.severities, publicOnly: created.publicOnly, channelIds } });
    return created;
  });
  return (await toDtos([row]))[0] as SubscriptionDto;
}

export async function deleteSubscription(actor: Actor, id: string): Promise<{ deleted: true; id: string }> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.subscription.findUnique({ where: { id }, include });
    if (!row) throw new NotFoundError("Subscription", id);
    await tx.subscription.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "delete", entityType: "subscription", entityId: id, before: { events: row.events, serviceIds: row.serviceIds, tierIds: row.tierIds, severities: row.severities, publicOnly: row.publicOnly, channelIds: row.channels.map((c) => c.channel.id) } });
    return { deleted: true as const, id };
  });
}
