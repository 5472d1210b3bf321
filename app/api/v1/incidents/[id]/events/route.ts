import { TimelineEventInput } from "@/lib/schemas/incident";
import { parse, readJson } from "@/lib/server/http";
import { addTimelineEvent } from "@/lib/server/incidents-write";
import { apiRoute, created } from "@/lib/server/route";

export const POST = apiRoute<{ id: string }>("editor", async ({ req, params, actor }) =>
  created(await addTimelineEvent(actor, params.id, parse(TimelineEventInput, await readJson(req)))),
);
