import { testChannel } from "@/lib/server/notification-channels";
import { apiRoute } from "@/lib/server/route";

/** Sends a test message now; the answer says what the receiver answered. */
export const POST = apiRoute<{ id: string }>("admin", ({ params, actor }) => testChannel(actor, params.id));
