import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { formatDuration } from "@/lib/domain/format";
import { isPublicAddress } from "@/lib/domain/probes";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StatusSubscribe } from "@/lib/schemas/status-page";
import { StoredNotificationMessage } from "@/lib/schemas/stored";
import { pool, prisma } from "./db";
import { NotFoundError, TooManyRequestsError, ValidationError } from "./errors";
import { baseUrl } from "./notify";
import { statusPageRow } from "./status-page";

// Readers of the status page who follow it (docs/decisions/0026-status-page-snapshot.md): by
// email once they confirm from the message Nines sends (double opt-in), or by webhook to a public
// address. Their links carry the subscriber's id signed with the app's secret, so nothing secret
// is stored; subscribing is limited per client address.

export const SUBSCRIBE_LIMIT = { points: 10, duration: 3600, blockDuration: 3600 } as const;

const g = globalThis as unknown as { __ninesSubscribeLimit?: RateLimiterPostgres };
const limiter = () => (g.__ninesSubscribeLimit ??= new RateLimiterPostgres({ storeClient: pool(), storeType: "pool", tableName: "rate_limits", tableCreated: true, keyPrefix: "status_subscribe", ...SUBSCRIBE_LIMIT }));

function key(): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return createHash("sha256").update(`nines-status-subscribers:${secret}`).digest();
}

const sign = (purpose: string, id: string) => createHmac("sha256", key()).update(`${purpose}:${id}`).digest("base64url");

const LINK_PATHS = { confirm: "/status/confirm", unsubscribe: "/status/unsubscribe", "one-click": "/status/subscription/unsubscribe" } as const;

/**
 * The links of a subscriber: the pages that confirm or end the subscription (a button each, so a
 * mail scanner that opens links changes nothing), and the one-click unsubscribe (RFC 8058) a mail
 * client POSTs to.
 */
export function subscriberLink(purpose: keyof typeof LINK_PATHS, id: string): string {
  return `${baseUrl()}${LINK_PATHS[purpose]}?token=${id}.${sign(purpose === "confirm" ? "confirm" : "unsubscribe", id)}`;
}

/** The subscriber a link names, if its signature is right. */
export function subscriberOf(purpose: "confirm" | "unsubscribe", token: string): string | null {
  const [id, signature] = token.split(".");
  if (!id || !signature) return null;
  const expected = Buffer.from(sign(purpose, id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

async function takePoint(clientAddress: string): Promise<void> {
  try {
    await limiter().consume(createHash("sha256").update(clientAddress).digest("hex"));
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    throw new TooManyRequestsError(`Too many subscriptions from your address. Try again in ${formatDuration(seconds)}.`, seconds);
  }
}

/** A webhook subscriber's host must resolve, and only to public addresses. */
async function assertPublicHost(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw ValidationError.field("webhook", `${host} does not resolve`);
  }
  const inside = addresses.find((a) => !isPublicAddress(a));
  if (inside !== undefined || addresses.length === 0) throw ValidationError.field("webhook", `Must be a public address: ${host} resolves to ${inside ?? "nothing"}`);
}

export type Subscribed = { kind: "email" | "webhook"; state: "confirmation_sent" | "subscribed" };

/**
 * Subscribes an email address (a confirmation is sent; the same answer whether or not it was
 * subscribed already, so the form does not tell who is) or a webhook (at once).
 */
export async function subscribe(input: StatusSubscribe, clientAddress: string): Promise<Subscribed> {
  if (!(await statusPageRow()).enabled) throw new NotFoundError("Status page", "status");
  await takePoint(clientAddress);
  if ("webhook" in input) {
    await assertPublicHost(new URL(input.webhook));
    await prisma.statusSubscriber.upsert({ where: { kind_address: { kind: "webhook", address: input.webhook } }, create: { kind: "webhook", address: input.webhook, confirmedAt: new Date() }, update: {} });
    return { kind: "webhook", state: "subscribed" };
  }
  await prisma.$transaction(async (tx) => {
    const s = await tx.statusSubscriber.upsert({ where: { kind_address: { kind: "email", address: input.email } }, create: { kind: "email", address: input.email }, update: {} });
    if (s.confirmedAt) return;
    const title = (await statusPageRow(tx)).title;
    const message = {
      event: "subscription.confirm" as const,
      audience: "public" as const,
      title: `Confirm your subscription to ${title}`,
      text: `Someone (we hope you) asked to receive ${title}'s incident updates at this address. To confirm, open:\n${subscriberLink("confirm", s.id)}\n\nIf it was not you, ignore this message: nothing more will be sent.`,
      facts: [],
      link: null,
      reference: null,
      occurredAt: new Date().toISOString(),
      data: {},
    };
    await tx.delivery.create({ data: { subscriberId: s.id, event: message.event, message: StoredNotificationMessage.write(message) as Prisma.InputJsonObject } });
  });
  return { kind: "email", state: "confirmation_sent" };
}

/** Confirms an email subscription from its link; false when the link is not (or no longer) valid. */
export async function confirmSubscriber(token: string): Promise<boolean> {
  const id = subscriberOf("confirm", token);
  if (!id) return false;
  return (await prisma.statusSubscriber.updateMany({ where: { id }, data: { confirmedAt: new Date() } })).count === 1;
}

/** Ends a subscription from its link (its pending messages go with it); false when nothing was subscribed. */
export async function unsubscribe(token: string): Promise<boolean> {
  const id = subscriberOf("unsubscribe", token);
  if (!id) return false;
  return (await prisma.statusSubscriber.deleteMany({ where: { id } })).count === 1;
}
