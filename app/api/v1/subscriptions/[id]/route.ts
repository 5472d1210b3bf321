import { apiRoute } from "@/lib/server/route";
import { deleteSubscription } from "@/lib/server/subscriptions";

export const DELETE = apiRoute<{ id: string }>("admin", ({ params, actor }) => deleteSubscription(actor, params.id));
