import "server-only";
import { DELIVERY_LOG_DAYS, nextAttemptAt } from "@/lib/domain/notifications";
import type { NotificationMessage } from "@/lib/domain/notification-message";
import { StoredDataError, StoredIntegrations, StoredNotificationMessage } from "@/lib/schemas/stored";
import { pool, prisma } from "./db";
import { withDeadline } from "./db-probe";
import { onceAMinute, startClaimLoop, type ClaimLoop } from "./claim-loop";
import { send, SEND_TIMEOUT_MS, type ChannelTarget, type SendOutcome, type SmtpTarget } from "./notification-send";
import { open } from "./secret-box";
import { subscriberLink } from "./status-subscribers";

// Delivers the outbox (docs/decisions/0025-notification-outbox.md). Like the probe scheduler,
// every process runs it: a tick claims due deliveries in ONE statement (FOR UPDATE SKIP LOCKED),
// moving their next attempt a lease ahead, so two processes never send the same attempt, and one
// killed mid-delivery leaves it to be claimed again when the lease ends, with the same id (the
// idempotency key). Delivery is therefore at least once: a receiver that took a message and was
// killed before saying so gets it again, under the same key.

/** An attempt's deadline, from claim to outcome (the send's own timeout, plus reading the channel and resolving its host). */
const ATTEMPT_DEADLINE_MS = SEND_TIMEOUT_MS + 5_000;
/** An attempt's lease: its deadline and 5 s more, so a live attempt is never claimed twice. */
const LEASE_SECONDS = (ATTEMPT_DEADLINE_MS + 5_000) / 1000;

export type Claimed = { id: string; channelId: string | null; subscriberId: string | null; message: unknown; attempts: number; createdAtMs: number };

// Only each channel's oldest pending message (its head) is due: a channel receives its messages
// in the order they were written, and one that is down holds its queue until it is back (or its
// head has failed for 24 h). The conditions on the row itself are checked again after its lock,
// so a head another process claimed meanwhile is not claimed twice.
const CLAIM_SQL = `
  WITH heads AS (
    SELECT DISTINCT ON (COALESCE("channelId", "subscriberId")) id FROM "Delivery"
     WHERE status = 'pending'
     ORDER BY COALESCE("channelId", "subscriberId"), seq
  ), due AS (
    SELECT d.id FROM "Delivery" d JOIN heads h ON h.id = d.id
     WHERE d.status = 'pending' AND d."nextAttemptAt" <= (now() AT TIME ZONE 'UTC')
     ORDER BY d."nextAttemptAt" LIMIT $1
     FOR UPDATE OF d SKIP LOCKED
  )
  UPDATE "Delivery" d
     SET "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${LEASE_SECONDS}), attempts = d.attempts + 1
    FROM due WHERE d.id = due.id
  RETURNING d.id, d."channelId", d."subscriberId", d.message, d.attempts, (extract(epoch FROM d."createdAt") * 1000)::float8 AS "createdAtMs"`;

export async function claimDueDeliveries(limit: number): Promise<Claimed[]> {
  return (await pool().query<Claimed>(CLAIM_SQL, [limit])).rows;
}

async function smtpTarget(): Promise<SmtpTarget | null> {
  const row = await prisma.organizationSettings.findUnique({ where: { id: 1 }, select: { integrations: true } });
  const smtp = StoredIntegrations.read(row?.integrations ?? null, "The organisation's settings").smtp;
  if (!smtp) return null;
  return { host: smtp.host, port: smtp.port, secure: smtp.secure, user: smtp.user, password: smtp.sealedPassword ? open(smtp.sealedPassword) : null, from: smtp.from };
}

/** Where a status page subscriber's messages go: their address, or their (public) webhook. */
async function subscriberTarget(subscriberId: string): Promise<ChannelTarget | string> {
  const s = await prisma.statusSubscriber.findUnique({ where: { id: subscriberId } });
  if (!s) return "the subscriber unsubscribed";
  return s.kind === "email" ? { type: "email", to: [s.address], smtp: await smtpTarget(), unsubscribe: { page: subscriberLink("unsubscribe", s.id), oneClick: subscriberLink("one-click", s.id) } } : { type: "webhook", url: s.address, secret: null, publicOnly: true };
}

/** Where a delivery goes, with secrets opened; a string says why it cannot be sent. */
export async function deliveryTarget(d: { channelId: string | null; subscriberId: string | null }): Promise<ChannelTarget | string> {
  return d.subscriberId ? subscriberTarget(d.subscriberId) : channelTarget(d.channelId ?? "");
}

/** Where a channel's messages go, with its secret opened; a string says why it cannot be sent to. */
async function channelTarget(channelId: string): Promise<ChannelTarget | string> {
  const c = await prisma.notificationChannel.findUnique({ where: { id: channelId } });
  if (!c) return "the channel was removed";
  const audience = c.audience === "public" ? "public" : "internal";
  if (c.type === "email") return { type: "email", to: c.to, smtp: await smtpTarget(), audience };
  const secret = c.secretSealed ? open(c.secretSealed) : null;
  if (secret === null) return "its secret cannot be read (the app's secret changed): set the channel's URL or secret again";
  if (c.type === "slack") return { type: "slack", url: secret, audience };
  return { type: "webhook", url: c.url ?? "", secret, audience };
}

async function prepareAndSend(d: Claimed): Promise<SendOutcome> {
  const target = await deliveryTarget(d);
  if (typeof target === "string") return { ok: false, status: null, error: target };
  let message: NotificationMessage;
  try {
    message = StoredNotificationMessage.read(d.message, `Delivery ${d.id}`);
  } catch (err) {
    if (err instanceof StoredDataError) return { ok: false, status: null, error: err.message, final: true };
    throw err;
  }
  // A message written for the team never goes to a channel made public since.
  if (message.audience === "internal" && target.audience === "public") return { ok: false, status: null, error: "written for the team before the channel was made public: not sent", final: true };
  return send(target, message, d.id);
}

/**
 * One attempt at a claimed delivery, and what follows from it, in one transaction: the attempt
 * logged; delivered, or due again after a backoff, or failed once 24 h have passed (`retry`:
 * false for a test, which is failed at once). Only the claim that made this attempt records it:
 * one whose lease ran out and was claimed again leaves the later claim to decide.
 */
export async function attempt(d: Claimed, opts: { retry: boolean } = { retry: true }): Promise<SendOutcome> {
  const started = performance.now();
  // Whatever goes wrong before an answer (a channel whose data cannot be read, a host that does
  // not resolve, the deadline) is this attempt's outcome: logged, retried, failed after 24 h,
  // never a row that holds its channel's queue forever.
  const outcome: SendOutcome = await withDeadline(prepareAndSend(d), ATTEMPT_DEADLINE_MS, "the attempt").catch((err: unknown) => ({ ok: false, status: null, error: err instanceof Error ? err.message : String(err) }));
  const durationMs = Math.round(performance.now() - started);
  const now = Date.now();
  const next = outcome.ok || !opts.retry || outcome.final ? null : nextAttemptAt(d.createdAtMs, now, d.attempts);
  await prisma.$transaction(async (tx) => {
    const current = await tx.delivery.updateMany({
      where: { id: d.id, status: "pending", attempts: d.attempts },
      data: outcome.ok
        ? { status: "delivered", deliveredAt: new Date(now), lastError: null }
        : next === null
          ? { status: "failed", lastError: outcome.error }
          : { nextAttemptAt: new Date(next), lastError: outcome.error },
    });
    if (current.count === 0 && !(await tx.delivery.findUnique({ where: { id: d.id }, select: { id: true } }))) return; // channel or subscriber removed meanwhile
    await tx.deliveryAttempt.create({ data: { deliveryId: d.id, at: new Date(now - durationMs), ok: outcome.ok, status: outcome.status, error: outcome.error?.slice(0, 1000) ?? null, durationMs } });
  });
  return outcome;
}

/** A status page subscription by email not confirmed within this long is forgotten. */
const UNCONFIRMED_DAYS = 7;

/** Deletes the delivery log past its 30 days (finished deliveries and their attempts), and subscriptions never confirmed. */
export async function pruneDeliveries(): Promise<number> {
  const before = new Date(Date.now() - DELIVERY_LOG_DAYS * 86_400_000);
  await prisma.statusSubscriber.deleteMany({ where: { confirmedAt: null, createdAt: { lt: new Date(Date.now() - UNCONFIRMED_DAYS * 86_400_000) } } });
  await prisma.deliveryAttempt.deleteMany({ where: { at: { lt: before } } });
  return (await prisma.delivery.deleteMany({ where: { status: { in: ["delivered", "failed"] }, createdAt: { lt: before } } })).count;
}

/** Ticks every `tickMs` (500 ms): claims what is due and sends it, at most `concurrency` at once. */
export function startNotificationScheduler(opts: { tickMs?: number; concurrency?: number; log?: (m: string) => void } = {}): ClaimLoop {
  return startClaimLoop({
    tickMs: opts.tickMs ?? 500,
    concurrency: opts.concurrency ?? 50,
    log: opts.log ?? onceAMinute("notifications", (m) => m.replace(/delivery \S+/, "delivery")),
    claim: claimDueDeliveries,
    run: async (d) => void (await attempt(d)),
    name: (d) => `delivery ${d.id}`,
    tickAfterEachJob: true, // the channel's next message may be due now
    housekeeping: { everyMs: 5 * 60_000, what: "pruning the delivery log", run: pruneDeliveries },
  });
}
