import "server-only";
import { randomBytes } from "node:crypto";
import { testMessage } from "@/lib/domain/notification-message";
import { DELIVERY_LOG_DAYS, type Audience } from "@/lib/domain/notifications";
import type { ChannelDto, ChannelListDto, ChannelTestDto, ChannelWithSecretDto } from "@/lib/dto/notifications";
import type { NotificationChannel, Prisma } from "@/lib/generated/prisma/client";
import type { ChannelInput, ChannelUpdate } from "@/lib/schemas/notification";
import { StoredNotificationMessage } from "@/lib/schemas/stored";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { getDelivery } from "./notification-deliveries";
import { attempt } from "./notification-scheduler";
import { assertAllowedTarget, ForbiddenTargetError } from "./probe-check";
import { seal } from "./secret-box";
import { versionedEdit } from "./versioned";

// Notification channels (admin). A webhook's signing secret is made here and shown once; a Slack
// webhook's URL is its credential, so it is sealed like a secret and only its host is shown.

type Counts = { delivered: number; pending: number; failed: number; lastError: string | null; lastDeliveredAt: Date | null };

async function countsOf(ids: string[]): Promise<Map<string, Counts>> {
  const since = new Date(Date.now() - DELIVERY_LOG_DAYS * 86_400_000);
  const [groups, lastDelivered, lastFailed] = await Promise.all([
    prisma.delivery.groupBy({ by: ["channelId", "status"], where: { channelId: { in: ids }, createdAt: { gte: since } }, _count: { _all: true } }),
    prisma.delivery.groupBy({ by: ["channelId"], where: { channelId: { in: ids }, status: "delivered" }, _max: { deliveredAt: true } }),
    prisma.delivery.findMany({ where: { channelId: { in: ids }, lastError: { not: null }, status: { in: ["pending", "failed"] } }, orderBy: { createdAt: "desc" }, distinct: ["channelId"], select: { channelId: true, lastError: true } }),
  ]);
  const out = new Map<string, Counts>(ids.map((id) => [id, { delivered: 0, pending: 0, failed: 0, lastError: null, lastDeliveredAt: null }]));
  for (const g of groups) {
    const c = g.channelId ? out.get(g.channelId) : undefined;
    if (c && (g.status === "delivered" || g.status === "pending" || g.status === "failed")) c[g.status] = g._count._all;
  }
  for (const g of lastDelivered) {
    const c = g.channelId ? out.get(g.channelId) : undefined;
    if (c) c.lastDeliveredAt = g._max.deliveredAt;
  }
  for (const f of lastFailed) {
    const c = f.channelId ? out.get(f.channelId) : undefined;
    if (c) c.lastError = f.lastError;
  }
  return out;
}

function toDto(c: NotificationChannel, counts: Counts): ChannelDto {
  return {
    id: c.id,
    name: c.name,
    type: c.type === "slack" || c.type === "email" ? c.type : "webhook",
    audience: c.audience === "public" ? "public" : "internal",
    url: c.type === "webhook" ? c.url : c.type === "slack" ? c.url : null,
    to: c.to,
    delivered: counts.delivered,
    pending: counts.pending,
    failed: counts.failed,
    lastError: counts.lastError,
    lastDeliveredAt: counts.lastDeliveredAt?.toISOString() ?? null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

async function dtoOf(c: NotificationChannel): Promise<ChannelDto> {
  return toDto(c, (await countsOf([c.id])).get(c.id) as Counts);
}

export async function listChannels(q: { cursor?: string; limit?: number }): Promise<ChannelListDto> {
  const limit = q.limit ?? 100;
  if (q.cursor && !(await prisma.notificationChannel.findUnique({ where: { id: q.cursor }, select: { id: true } }))) throw ValidationError.field("cursor", "No channel has this id: start from the first page");
  const [rows, total] = await Promise.all([
    prisma.notificationChannel.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], take: limit + 1, ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}) }),
    prisma.notificationChannel.count(),
  ]);
  const page = rows.slice(0, limit);
  const counts = await countsOf(page.map((c) => c.id));
  return { channels: page.map((c) => toDto(c, counts.get(c.id) as Counts)), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null, total };
}

export async function getChannel(id: string): Promise<ChannelDto> {
  const c = await prisma.notificationChannel.findUnique({ where: { id } });
  if (!c) throw new NotFoundError("Notification channel", id);
  return dtoOf(c);
}

/** A link-local or metadata address is refused beside the field, as for probes. */
async function assertReachable(url: string | undefined): Promise<void> {
  if (!url) return;
  try {
    await assertAllowedTarget(new URL(url), false);
  } catch (err) {
    if (err instanceof ForbiddenTargetError) throw ValidationError.field("url", `Not allowed: ${err.message}`);
    throw err;
  }
}

const duplicate = (name: string) => new ConflictError(`A channel named '${name}' already exists`, [{ path: "name", message: "already exists" }]);
const newSecret = () => `nsec_${randomBytes(24).toString("base64url")}`;
/** What a Slack URL shows: its host (the path is the credential). */
const slackShown = (url: string) => `${new URL(url).host}/…`;

export async function createChannel(actor: Actor, input: ChannelInput): Promise<ChannelWithSecretDto> {
  await assertReachable(input.url);
  const secret = input.type === "webhook" ? newSecret() : null;
  const row = await prisma.$transaction(async (tx) => {
    if (await tx.notificationChannel.findUnique({ where: { name: input.name } })) throw duplicate(input.name);
    const data: Prisma.NotificationChannelCreateInput =
      input.type === "email"
        ? { name: input.name, type: "email", audience: input.audience, to: input.to ?? [] }
        : input.type === "slack"
          ? { name: input.name, type: "slack", audience: input.audience, url: slackShown(input.url ?? ""), secretSealed: seal(input.url ?? "") }
          : { name: input.name, type: "webhook", audience: input.audience, url: input.url ?? "", secretSealed: seal(secret ?? "") };
    const created = await tx.notificationChannel.create({ data });
    await recordAudit(tx, actor, { action: "create", entityType: "notification_channel", entityId: created.id, after: toDto(created, emptyCounts) });
    return created;
  });
  return { ...(await dtoOf(row)), secret };
}

const emptyCounts: Counts = { delivered: 0, pending: 0, failed: 0, lastError: null, lastDeliveredAt: null };

export async function updateChannel(actor: Actor, id: string, input: ChannelUpdate): Promise<ChannelWithSecretDto> {
  await assertReachable(input.url);
  let secret: string | null = null;
  const row = await prisma.$transaction(async (tx) => {
    const before = await tx.notificationChannel.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("Notification channel", id);
    const edit = await versionedEdit(tx, { entity: "notification channel", audit: { entityType: "notification_channel", entityId: id }, storedVersion: async () => (await tx.notificationChannel.findUnique({ where: { id }, select: { version: true } }))?.version ?? null }, before.version, input.version);
    if (input.name && input.name !== before.name && (await tx.notificationChannel.findUnique({ where: { name: input.name } }))) throw duplicate(input.name);
    if (input.to && before.type !== "email") throw ValidationError.field("to", `A ${before.type} channel has no addresses`);
    if (input.url && before.type === "email") throw ValidationError.field("url", "An email channel has no URL");
    if (input.rotateSecret && before.type !== "webhook") throw ValidationError.field("rotateSecret", "Only a webhook has a signing secret");
    if (input.rotateSecret) secret = newSecret();
    const data: Prisma.NotificationChannelUpdateManyMutationInput = { name: input.name, audience: input.audience, to: input.to, version: { increment: 1 } };
    if (input.url && before.type === "slack") Object.assign(data, { url: slackShown(input.url), secretSealed: seal(input.url) });
    if (input.url && before.type === "webhook") data.url = input.url;
    if (secret) data.secretSealed = seal(secret);
    await edit.write(({ version }) => tx.notificationChannel.updateMany({ where: { id, version }, data }));
    const after = await tx.notificationChannel.findUniqueOrThrow({ where: { id } });
    await recordAudit(tx, actor, { action: "update", entityType: "notification_channel", entityId: id, before: toDto(before, emptyCounts), after: { ...toDto(after, emptyCounts), ...(secret ? { secret: "replaced" } : {}) } });
    return after;
  });
  return { ...(await dtoOf(row)), secret };
}

export async function deleteChannel(actor: Actor, id: string): Promise<{ deleted: true; id: string }> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.notificationChannel.findUnique({ where: { id } });
    if (!row) throw new NotFoundError("Notification channel", id);
    // Its subscriptions lose it (one left with no channel is removed); its deliveries go with it.
    await tx.notificationChannel.delete({ where: { id } });
    await tx.subscription.deleteMany({ where: { channels: { none: {} } } });
    await recordAudit(tx, actor, { action: "delete", entityType: "notification_channel", entityId: id, before: toDto(row, emptyCounts) });
    return { deleted: true as const, id };
  });
}

/** Sends a test message now and says what the receiver answered (a failed test is not retried). */
export async function testChannel(actor: Actor, id: string): Promise<ChannelTestDto> {
  const channel = await prisma.notificationChannel.findUnique({ where: { id } });
  if (!channel) throw new NotFoundError("Notification channel", id);
  const message = testMessage(channel.name, channel.audience as Audience, new Date().toISOString());
  // Written as claimed (one attempt, leased an hour ahead) so the scheduler leaves it to this request.
  const d = await prisma.$transaction(async (tx: Tx) => {
    const row = await tx.delivery.create({ data: { channelId: id, event: "test", message: StoredNotificationMessage.write(message) as Prisma.InputJsonObject, attempts: 1, nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    await recordAudit(tx, actor, { action: "create", entityType: "notification_test", entityId: row.id, after: { channelId: id } });
    return row;
  });
  const outcome = await attempt({ id: d.id, channelId: id, subscriberId: null, message: d.message, attempts: 1, createdAtMs: d.createdAt.getTime() }, { retry: false });
  return { delivered: outcome.ok, delivery: await getDelivery(d.id) };
}
