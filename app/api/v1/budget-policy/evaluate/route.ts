import { evaluatePolicyOnce } from "@/lib/server/policy-evaluator";
import { apiRoute } from "@/lib/server/route";

// The evaluator runs once a minute; an admin who just changed a policy need not wait for it.
export const POST = apiRoute("admin", () => evaluatePolicyOnce());
