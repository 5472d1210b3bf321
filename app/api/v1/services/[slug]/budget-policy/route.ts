import { BudgetPolicyOverrideInput } from "@/lib/schemas/budget-policy";
import { getServicePolicy, setServiceOverrides } from "@/lib/server/budget-policy";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";

type P = { slug: string };

export const GET = apiRoute<P>("viewer", ({ params }) => getServicePolicy(params.slug));

export const PATCH = apiRoute<P>("admin", async ({ req, params, actor }) => setServiceOverrides(actor, params.slug, parse(BudgetPolicyOverrideInput, await readJson(req))));
