import { ActionItemInput, ActionItemListQuery } from "@/lib/schemas/action-item";
import { createActionItem, listActionItems } from "@/lib/server/action-items";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { apiRoute, created } from "@/lib/server/route";

export const GET = apiRoute("viewer", ({ req }) => listActionItems(parse(ActionItemListQuery, searchParamsObject(req))));

export const POST = apiRoute("editor", async ({ req, actor }) =>
  created(await createActionItem(actor, parse(ActionItemInput, await readJson(req)))),
);
