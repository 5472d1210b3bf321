import { GateDeployInput } from "@/lib/schemas/budget-policy";
import { parse, readJson } from "@/lib/server/http";
import { recordGateDeploy } from "@/lib/server/release-gate";
import { apiRoute, created } from "@/lib/server/route";

export const POST = apiRoute<{ slug: string }>("editor", async ({ req, params, actor }) => created(await recordGateDeploy(actor, params.slug, parse(GateDeployInput, await readJson(req)))));
