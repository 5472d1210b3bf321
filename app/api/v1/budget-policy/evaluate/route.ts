import { PolicyEvaluateQuery } from "@/lib/schemas/budget-policy";
import { parse, searchParamsObject } from "@/lib/server/http";
import { evaluatePolicyOnce } from "@/lib/server/policy-evaluator";
import { apiRoute } from "@/lib/server/route";

// The evaluator runs once a minute; an admin who just changed a policy need not wait for it.
export const POST = apiRoute("admin", ({ req }) => evaluatePolicyOnce(Date.now(), parse(PolicyEvaluateQuery, searchParamsObject(req)).service));
