// Response schemas of the notifications API: channels (never their secrets, but once), the
// subscriptions that route events to them, and the outbox's deliveries with their attempts.
import { z } from "zod";
import { SEVERITIES } from "@/lib/domain/incident-lifecycle";
import { AUDIENCES, CHANNEL_TYPES, NOTIFICATION_EVENTS } from "@/lib/domain/notifications";
import { Count, InstantText, NextCursor } from "./common";

const DeliveryState = z.enum(["pending", "delivered", "failed"]);

export const ChannelDto = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: z.enum(CHANNEL_TYPES),
  audience: z.enum(AUDIENCES),
  /** A webhook's URL; a Slack webhook's host only (its URL is its credential); null for email. */
  url: z.string().nullable(),
  to: z.array(z.string()),
  /** Deliveries of the last 30 days by state, and the newest failure's error. */
  delivered: Count,
  pending: Count,
  failed: Count,
  lastError: z.string().nullable(),
  lastDeliveredAt: InstantText.nullable(),
  version: z.int(),
  createdAt: InstantText,
  updatedAt: InstantText,
});
export type ChannelDto = z.infer<typeof ChannelDto>;

/** A webhook's answer on creation (and on `rotateSecret`): its signing secret, shown this once. */
export const ChannelWithSecretDto = ChannelDto.extend({ secret: z.string().nullable() });
export type ChannelWithSecretDto = z.infer<typeof ChannelWithSecretDto>;

export const ChannelListDto = z.strictObject({ channels: z.array(ChannelDto), nextCursor: NextCursor, total: Count });
export type ChannelListDto = z.infer<typeof ChannelListDto>;

const Named = z.strictObject({ id: z.string(), name: z.string() });

export const SubscriptionDto = z.strictObject({
  id: z.string(),
  events: z.array(z.enum(NOTIFICATION_EVENTS)),
  /** Empty: every service (likewise tiers and severities). A service or tier removed since is left out. */
  services: z.array(Named.extend({ slug: z.string() })),
  tiers: z.array(Named.extend({ rank: z.int() })),
  severities: z.array(z.enum(SEVERITIES)),
  publicOnly: z.boolean(),
  channels: z.array(Named),
  createdAt: InstantText,
});
export type SubscriptionDto = z.infer<typeof SubscriptionDto>;

export const SubscriptionListDto = z.strictObject({ subscriptions: z.array(SubscriptionDto), nextCursor: NextCursor, total: Count });
export type SubscriptionListDto = z.infer<typeof SubscriptionListDto>;

export const DeliveryAttemptDto = z.strictObject({
  at: InstantText,
  ok: z.boolean(),
  /** The receiver's HTTP status or SMTP reply code, when it answered. */
  status: z.int().nullable(),
  error: z.string().nullable(),
  durationMs: z.int(),
});

export const DeliveryDto = z.strictObject({
  /** Also the idempotency key every attempt carries. */
  id: z.string(),
  channelId: z.string(),
  event: z.enum([...NOTIFICATION_EVENTS, "test", "subscription.confirm"]),
  title: z.string(),
  status: DeliveryState,
  attempts: Count,
  nextAttemptAt: InstantText.nullable(),
  lastError: z.string().nullable(),
  deliveredAt: InstantText.nullable(),
  createdAt: InstantText,
  log: z.array(DeliveryAttemptDto),
});
export type DeliveryDto = z.infer<typeof DeliveryDto>;

export const DeliveryListDto = z.strictObject({ deliveries: z.array(DeliveryDto), nextCursor: NextCursor, total: Count });
export type DeliveryListDto = z.infer<typeof DeliveryListDto>;

/** `POST …/test`: what the receiver answered, at once. */
export const ChannelTestDto = z.strictObject({ delivered: z.boolean(), delivery: DeliveryDto });
export type ChannelTestDto = z.infer<typeof ChannelTestDto>;
