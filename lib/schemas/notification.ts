import { z } from "zod";
import { SEVERITIES } from "@/lib/domain/incident-lifecycle";
import { AUDIENCES, CHANNEL_TYPES, isReportEvent, NOTIFICATION_EVENTS } from "@/lib/domain/notifications";
import { HttpUrl, Name, PlainString, QueryInt, Version } from "./common";
import { Email } from "./user";

const ChannelUrl = HttpUrl("https://hooks.example.com/nines", {
  credentials: "Must not carry a user name or password; a webhook is signed with its secret instead",
  extra: (url, ctx) => {
    if (url.hash) ctx.addIssue({ code: "custom", message: "Must not have a fragment" });
  },
});

const ChannelName = Name.max(80, { error: "Must be at most 80 characters" });
const Recipients = z.array(Email, { error: "Must be a list of e-mail addresses" }).min(1, { error: "Give at least one address" }).max(50, { error: "At most 50 addresses" });
const Audience = z.enum(AUDIENCES, { error: "Must be internal or public" });

/**
 * A notification channel: a webhook or a Slack incoming webhook takes `url`, email takes `to`
 * (sent through the SMTP server in the integrations' settings). A public channel only ever
 * receives public titles and public updates.
 */
export const ChannelInput = z
  .strictObject({
    name: ChannelName,
    type: z.enum(CHANNEL_TYPES, { error: "Must be webhook, slack or email" }),
    audience: Audience.default("internal"),
    url: ChannelUrl.optional(),
    to: Recipients.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.type === "email") {
      if (!c.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Required for an email channel: the addresses to send to" });
      if (c.url) ctx.addIssue({ code: "custom", path: ["url"], message: "An email channel has no URL" });
    } else {
      if (!c.url) ctx.addIssue({ code: "custom", path: ["url"], message: `Required for a ${c.type} channel` });
      if (c.to) ctx.addIssue({ code: "custom", path: ["to"], message: `A ${c.type} channel has no addresses` });
    }
  });
export type ChannelInput = z.infer<typeof ChannelInput>;

/** `rotateSecret`: a webhook gets a new signing secret, shown once in the answer. */
export const ChannelUpdate = z.strictObject({
  name: ChannelName.optional(),
  audience: Audience.optional(),
  url: ChannelUrl.optional(),
  to: Recipients.optional(),
  rotateSecret: z.literal(true, { error: "Must be true" }).optional(),
  version: Version,
});
export type ChannelUpdate = z.infer<typeof ChannelUpdate>;

const Ref = PlainString("Must be text").trim().min(1, { error: "Must not be empty" }).max(200, { error: "Must be at most 200 characters" });

/** Events × filters → channels. Services by id or slug and tiers by id or rank are stored by id. */
export const SubscriptionInput = z.strictObject({
  events: z
    .array(z.enum(NOTIFICATION_EVENTS, { error: `Must be one of ${NOTIFICATION_EVENTS.join(", ")}` }), { error: "Must be a list of events" })
    .min(1, { error: "Choose at least one event" })
    .transform((e) => [...new Set(e)]),
  services: z.array(Ref, { error: "Must be a list of service ids or slugs" }).max(500).optional(),
  tiers: z.array(z.union([Ref, z.int().positive()]), { error: "Must be a list of tier ids or ranks" }).max(50).optional(),
  severities: z.array(z.enum(SEVERITIES, { error: "Must be SEV1 to SEV5" }), { error: "Must be a list of severities" }).optional(),
  publicOnly: z.boolean({ error: "Must be true or false" }).optional(),
  channels: z.array(Ref, { error: "Must be a list of channel ids" }).min(1, { error: "Choose at least one channel" }).max(50),
}).superRefine((s, ctx) => {
  // A report is about no one incident and is the team's: these filters would let none through, silently.
  if (!s.events.some(isReportEvent)) return;
  if (s.severities?.length) ctx.addIssue({ code: "custom", path: ["severities"], message: "Reports pass no severity filter: subscribe to them without one" });
  if (s.publicOnly) ctx.addIssue({ code: "custom", path: ["publicOnly"], message: "Reports are for the team: they pass no “public updates only” filter" });
});
export type SubscriptionInput = z.infer<typeof SubscriptionInput>;

/** Pages of a list: `cursor` is the last id of the page before. */
export const NotificationListQuery = z.strictObject({ cursor: PlainString().trim().max(200).optional(), limit: QueryInt(1, 500).optional() });
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const DeliveryListQuery = z.strictObject({
  cursor: PlainString().trim().max(200).optional(),
  limit: QueryInt(1, 500).optional(),
  status: z.enum(["pending", "delivered", "failed"], { error: "Must be pending, delivered or failed" }).optional(),
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;

/** The SMTP server email channels send through (`PATCH /api/v1/integrations`, `smtp`; null removes it). */
export const SmtpSettings = z.strictObject({
  host: PlainString("Must be a host name").trim().min(1, { error: "Required" }).max(253, { error: "Must be at most 253 characters" }).regex(/^[a-zA-Z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/, { error: "Must be a host name or address, e.g. smtp.example.com" }),
  port: z.int({ error: "Must be a port number" }).min(1, { error: "Must be 1 to 65535" }).max(65535, { error: "Must be 1 to 65535" }),
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  secure: z.boolean({ error: "Must be true or false" }),
  user: PlainString().trim().min(1, { error: "Must not be empty" }).max(200).nullish(),
  /** Write-only: stored sealed, never shown again; absent keeps the stored one. */
  password: PlainString().min(1, { error: "Must not be empty" }).max(1000).nullish(),
  from: Email,
});
export type SmtpSettings = z.infer<typeof SmtpSettings>;
