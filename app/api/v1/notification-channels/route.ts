import { ChannelInput, NotificationListQuery } from "@/lib/schemas/notification";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { createChannel, listChannels } from "@/lib/server/notification-channels";
import { apiRoute, created } from "@/lib/server/route";

/** The notification channels, by name, with their deliveries of the last 30 days (never a secret). */
export const GET = apiRoute("admin", async ({ req }) => listChannels(parse(NotificationListQuery, searchParamsObject(req))));

/** Adds a channel; a webhook's answer carries its signing secret, this once. */
export const POST = apiRoute("admin", async ({ req, actor }) => created(await createChannel(actor, parse(ChannelInput, await readJson(req)))));
