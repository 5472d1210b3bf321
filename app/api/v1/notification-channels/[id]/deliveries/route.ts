import { DeliveryListQuery } from "@/lib/schemas/notification";
import { parse, searchParamsObject } from "@/lib/server/http";
import { listDeliveries } from "@/lib/server/notification-deliveries";
import { apiRoute } from "@/lib/server/route";

/** The channel's delivery log, newest first, each delivery with every attempt. */
export const GET = apiRoute<{ id: string }>("admin", async ({ req, params }) => listDeliveries(params.id, parse(DeliveryListQuery, searchParamsObject(req))));
