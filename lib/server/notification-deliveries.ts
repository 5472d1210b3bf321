import "server-only";
import type { DeliveryDto, DeliveryListDto } from "@/lib/dto/notifications";
import type { Prisma } from "@/lib/generated/prisma/client";
import { StoredNotificationMessage } from "@/lib/schemas/stored";
import { prisma } from "./db";
import { NotFoundError, ValidationError } from "./errors";

// The delivery log: each message in the outbox for a channel, newest first, with every attempt.

const include = { attemptLog: { orderBy: { at: "asc" } } } satisfies Prisma.DeliveryInclude;
type Row = Prisma.DeliveryGetPayload<{ include: typeof include }>;

function toDto(d: Row): DeliveryDto {
  const message = StoredNotificationMessage.read(d.message, `Delivery ${d.id}`);
  return {
    id: d.id,
    channelId: d.channelId ?? "",
    event: message.event,
    title: message.title,
    status: d.status === "delivered" || d.status === "failed" ? d.status : "pending",
    attempts: d.attempts,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    log: d.attemptLog.map((a) => ({ at: a.at.toISOString(), ok: a.ok, status: a.status, error: a.error, durationMs: a.durationMs })),
  };
}

export async function getDelivery(id: string): Promise<DeliveryDto> {
  const row = await prisma.delivery.findUnique({ where: { id }, include });
  if (!row) throw new NotFoundError("Delivery", id);
  return toDto(row);
}

/** A channel's deliveries, newest first; `status` keeps one state (failed: what needs a look). */
export async function listDeliveries(channelId: string, q: { cursor?: string; limit?: number; status?: "pending" | "delivered" | "failed" }): Promise<DeliveryListDto> {
  if (!(await prisma.notificationChannel.findUnique({ where: { id: channelId }, select: { id: true } }))) throw new NotFoundError("Notification channel", channelId);
  const limit = q.limit ?? 50;
  const where: Prisma.DeliveryWhereInput = { channelId, ...(q.status ? { status: q.status } : {}) };
  if (q.cursor && !(await prisma.delivery.findFirst({ where: { ...where, id: q.cursor }, select: { id: true } }))) throw ValidationError.field("cursor", "No delivery of this list has this id: start from the first page");
  const [rows, total] = await Promise.all([
    prisma.delivery.findMany({ where, include, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit + 1, ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}) }),
    prisma.delivery.count({ where }),
  ]);
  const page = rows.slice(0, limit);
  return { deliveries: page.map(toDto), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null, total };
}
