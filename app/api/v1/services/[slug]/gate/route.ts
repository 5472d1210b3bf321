import { GateQuery } from "@/lib/schemas/budget-policy";
import { parse, searchParamsObject } from "@/lib/server/http";
import { getGate } from "@/lib/server/release-gate";
import { apiRoute } from "@/lib/server/route";

// Read by pipelines before they ship; reading changes nothing (docs/decisions/0031-error-budget-policy.md).
export const GET = apiRoute<{ slug: string }>("viewer", ({ req, params }) => getGate(params.slug, parse(GateQuery, searchParamsObject(req)).release));
