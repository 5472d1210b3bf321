import { GateExceptionInput } from "@/lib/schemas/budget-policy";
import { parse, readJson } from "@/lib/server/http";
import { createGateException } from "@/lib/server/release-gate";
import { apiRoute, created } from "@/lib/server/route";

export const POST = apiRoute<{ slug: string }>("editor", async ({ req, params, actor }) => created(await createGateException(actor, params.slug, parse(GateExceptionInput, await readJson(req)))));
