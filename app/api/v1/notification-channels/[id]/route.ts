import { ChannelUpdate } from "@/lib/schemas/notification";
import { parse, readJson } from "@/lib/server/http";
import { deleteChannel, getChannel, updateChannel } from "@/lib/server/notification-channels";
import { apiRoute } from "@/lib/server/route";

type P = { id: string };

export const GET = apiRoute<P>("admin", ({ params }) => getChannel(params.id));

/** `rotateSecret: true` gives a webhook a new signing secret, in this answer only. */
export const PATCH = apiRoute<P>("admin", async ({ req, params, actor }) => updateChannel(actor, params.id, parse(ChannelUpdate, await readJson(req))));

/** Removes the channel, its pending deliveries and its log; a subscription left with no channel goes too. */
export const DELETE = apiRoute<P>("admin", ({ params, actor }) => deleteChannel(actor, params.id));
