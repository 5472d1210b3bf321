import { FreezeLiftInput } from "@/lib/schemas/budget-policy";
import { liftFreeze } from "@/lib/server/freezes";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";

export const POST = apiRoute<{ id: string }>("admin", async ({ req, params, actor }) => liftFreeze(actor, params.id, parse(FreezeLiftInput, await readJson(req))));
