import { NotificationListQuery, SubscriptionInput } from "@/lib/schemas/notification";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { apiRoute, created } from "@/lib/server/route";
import { createSubscription, listSubscriptions } from "@/lib/server/subscriptions";

/** Which events go to which channels, oldest first. */
export const GET = apiRoute("admin", async ({ req }) => listSubscriptions(parse(NotificationListQuery, searchParamsObject(req))));

export const POST = apiRoute("admin", async ({ req, actor }) => created(await createSubscription(actor, parse(SubscriptionInput, await readJson(req)))));
