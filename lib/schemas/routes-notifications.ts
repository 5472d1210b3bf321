import { Deleted } from "@/lib/dto/common";
import { ChannelListDto, ChannelTestDto, ChannelWithSecretDto, ChannelDto, DeliveryListDto, SubscriptionDto, SubscriptionListDto } from "@/lib/dto/notifications";
import { ChannelInput, ChannelUpdate, DeliveryListQuery, NotificationListQuery, SubscriptionInput } from "./notification";
import { StatusPageSettingsDto, StatusSnapshotDto, StatusSubscribedDto, SubscriptionLinkDto } from "@/lib/dto/status-page";
import { created, ok } from "./route-replies";
import { StatusPageUpdate, StatusSubscribe, SubscriberLinkQuery } from "./status-page";
import type { RouteDoc } from "./routes";

// The notification routes of the route table (routes.ts): channels, their delivery log, and
// subscriptions. Admin only: channels carry where the organisation's news goes.

export const NOTIFICATION_ROUTES: RouteDoc[] = [
  { method: "get", path: "/api/v1/notification-channels", summary: "Notification channels by name, with their deliveries of the last 30 days (never a secret)", role: "admin", query: NotificationListQuery, responses: ok(ChannelListDto) },
  { method: "post", path: "/api/v1/notification-channels", summary: "Add a channel: a signed webhook, a Slack-compatible webhook or email; a webhook's signing `secret` is in this answer only", role: "admin", body: ChannelInput, responses: created(ChannelWithSecretDto) },
  { method: "get", path: "/api/v1/notification-channels/{id}", summary: "One channel", role: "admin", responses: ok(ChannelDto) },
  { method: "patch", path: "/api/v1/notification-channels/{id}", summary: "Change a channel; `rotateSecret: true` gives a webhook a new signing secret, in this answer only", role: "admin", body: ChannelUpdate, responses: ok(ChannelWithSecretDto) },
  { method: "delete", path: "/api/v1/notification-channels/{id}", summary: "Remove a channel with its pending deliveries and log (a subscription left with no channel goes too)", role: "admin", responses: ok(Deleted) },
  { method: "post", path: "/api/v1/notification-channels/{id}/test", summary: "Send a test message now and say what the receiver answered", role: "admin", responses: ok(ChannelTestDto) },
  { method: "get", path: "/api/v1/notification-channels/{id}/deliveries", summary: "A channel's delivery log, newest first, each delivery with every attempt", role: "admin", query: DeliveryListQuery, responses: ok(DeliveryListDto) },
  { method: "get", path: "/api/v1/subscriptions", summary: "Which events go to which channels", role: "admin", query: NotificationListQuery, responses: ok(SubscriptionListDto) },
  { method: "post", path: "/api/v1/subscriptions", summary: "Route events (filtered by services, tiers, severities) to channels; services and tiers by id, slug or rank, stored by id", role: "admin", body: SubscriptionInput, responses: created(SubscriptionDto) },
  { method: "delete", path: "/api/v1/subscriptions/{id}", summary: "Remove a subscription", role: "admin", responses: ok(Deleted) },
  { method: "get", path: "/api/v1/status-page", summary: "The status page's settings: on or off, its title, its components (public names for services)", role: "admin", responses: ok(StatusPageSettingsDto) },
  { method: "patch", path: "/api/v1/status-page", summary: "Change the status page; `components` replaces the list (services by id or slug, stored by id)", role: "admin", body: StatusPageUpdate, responses: ok(StatusPageSettingsDto) },
  { method: "get", path: "/status.json", summary: "The public status page as JSON, without signing in (public titles and updates only; 404 while it is off; the last snapshot while the database does not answer)", role: "public", responses: ok(StatusSnapshotDto), errors: [404] },
  { method: "post", path: "/status/subscribe", summary: "Follow the status page: `email` (a confirmation is sent; double opt-in) or `webhook` (public addresses only). No session; a form post is answered with a redirect back to /status. Limited per client address", role: "public", body: StatusSubscribe, responses: ok(StatusSubscribedDto), errors: [404, 429] },
  { method: "post", path: "/status/subscription/confirm", summary: "Confirm an email subscription (`token` from the confirmation email's link)", role: "public", query: SubscriberLinkQuery, responses: ok(SubscriptionLinkDto) },
  { method: "post", path: "/status/subscription/unsubscribe", summary: "End a subscription: the List-Unsubscribe address of every email (RFC 8058 one-click: `List-Unsubscribe=One-Click`)", role: "public", query: SubscriberLinkQuery, responses: ok(SubscriptionLinkDto) },
  { method: "get", path: "/status/feed.atom", summary: "The status page's incidents as an Atom feed (404 while the page is off)", role: "public", responses: { 200: { text: ["application/atom+xml; charset=utf-8"] } }, errors: [404] },
];
