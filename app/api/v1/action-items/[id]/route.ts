import { ActionItemUpdate } from "@/lib/schemas/action-item";
import { deleteActionItem, getActionItem, updateActionItem } from "@/lib/server/action-items";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";

type P = { id: string };

export const GET = apiRoute<P>("viewer", ({ params }) => getActionItem(params.id));

export const PATCH = apiRoute<P>("editor", async ({ req, params, actor }) =>
  updateActionItem(actor, params.id, parse(ActionItemUpdate, await readJson(req))),
);

export const DELETE = apiRoute<P>("editor", ({ params, actor }) => deleteActionItem(actor, params.id));
