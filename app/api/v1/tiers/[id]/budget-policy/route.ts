import { BudgetPolicyInput } from "@/lib/schemas/budget-policy";
import { getTierPolicy, setTierPolicy } from "@/lib/server/budget-policy";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";

type P = { id: string };

export const GET = apiRoute<P>("viewer", ({ params }) => getTierPolicy(params.id));

export const PUT = apiRoute<P>("admin", async ({ req, params, actor }) => setTierPolicy(actor, params.id, parse(BudgetPolicyInput, await readJson(req))));

/** Back to Nines' default policy. */
export const DELETE = apiRoute<P>("admin", ({ params, actor }) => setTierPolicy(actor, params.id, null));
