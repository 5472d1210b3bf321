import { BudgetPolicyInput, BudgetPolicyOverrideInput, FreezeLiftInput, FreezeListQuery, GateDeployInput, GateExceptionInput, GateQuery, PolicyEvaluateQuery } from "./budget-policy";
import { FreezeDto, FreezeListDto, GateDeployDto, GateDto, GateExceptionDto, PolicyEvaluationDto, ServicePolicyDto, TierPolicyDto } from "@/lib/dto/budget-policy";
import { created, ok } from "./route-replies";
import type { RouteDoc } from "./routes";

// The error-budget policy's routes (docs/decisions/0031-error-budget-policy.md): policies, the
// release gate for pipelines, its exceptions, and freezes.

export const BUDGET_POLICY_ROUTES: RouteDoc[] = [
  { method: "get", path: "/api/v1/tiers/{id}/budget-policy", summary: "A tier's error-budget policy (`isDefault` while it follows Nines' default)", role: "viewer", responses: ok(TierPolicyDto) },
  { method: "put", path: "/api/v1/tiers/{id}/budget-policy", summary: "Replace a tier's error-budget policy: shares as ratios (0.25 = 25 %)", role: "admin", body: BudgetPolicyInput, responses: ok(TierPolicyDto) },
  { method: "delete", path: "/api/v1/tiers/{id}/budget-policy", summary: "Put a tier back on the default policy", role: "admin", responses: ok(TierPolicyDto) },
  { method: "get", path: "/api/v1/services/{slug}/budget-policy", summary: "A service's policy (its tier's with its overrides), its state per SLO, its freezes and open gate exceptions", role: "viewer", responses: ok(ServicePolicyDto) },
  { method: "patch", path: "/api/v1/services/{slug}/budget-policy", summary: "Set (a value) or clear (null) some of a service's overrides of its tier's policy", role: "admin", body: BudgetPolicyOverrideInput, responses: ok(ServicePolicyDto) },
  { method: "get", path: "/api/v1/services/{slug}/gate", summary: "The release gate: whether a release may ship now (`allowed`), the policy state and why; `?release=` counts an exception recorded for it. Reading changes nothing; an unknown service is a 404", role: "viewer", query: GateQuery, responses: ok(GateDto) },
  { method: "post", path: "/api/v1/services/{slug}/gate/exceptions", summary: "Let one urgent release through a freeze: the gate then allows that release once", role: "editor", body: GateExceptionInput, responses: created(GateExceptionDto) },
  { method: "post", path: "/api/v1/services/{slug}/gate/deploys", summary: "Ship a release through the gate: recorded as a deploy (a 409 with the reasons when the gate does not allow it); a frozen service's exception is spent", role: "editor", body: GateDeployInput, responses: created(GateDeployDto), errors: [409] },
  { method: "get", path: "/api/v1/freezes", summary: "Freezes, oldest first: of one service and/or overlapping [from, to)", role: "viewer", query: FreezeListQuery, responses: ok(FreezeListDto) },
  { method: "post", path: "/api/v1/freezes/{id}/lift", summary: "End a freeze early, with the reason (audited); the service is then in caution until its SLOs change", role: "admin", body: FreezeLiftInput, responses: ok(FreezeDto), errors: [409] },
  { method: "post", path: "/api/v1/budget-policy/evaluate", summary: "Evaluate every service's policy state now, or one's (`?service=`); it runs once a minute anyway", role: "admin", query: PolicyEvaluateQuery, responses: ok(PolicyEvaluationDto), errors: [404] },
];

/** Their response schemas by the names the OpenAPI document gives them (openapi.ts). */
export const BUDGET_POLICY_SCHEMAS = {
  TierBudgetPolicy: TierPolicyDto,
  ServiceBudgetPolicy: ServicePolicyDto,
  Gate: GateDto,
  GateException: GateExceptionDto,
  GateDeploy: GateDeployDto,
  Freeze: FreezeDto,
  FreezeList: FreezeListDto,
  PolicyEvaluation: PolicyEvaluationDto,
};
