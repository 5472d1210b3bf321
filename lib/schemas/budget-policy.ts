import { z } from "zod";
import { Instant, PlainString, Text } from "./common";

// The error-budget policy as requests carry it and as it is stored (Tier.budgetPolicy, and a
// service's overrides in Service.budgetPolicy): shares as ratios, like SLO targets.

const Share = (what: string) =>
  z.number({ error: `${what} must be a share from 0 to 1 (0.25 = 25 %)` }).min(0, { error: `${what} must be at least 0` }).max(1, { error: `${what} must be at most 1 (100 %)` });
const Trigger = z.enum(["fast_burn", "any_burn", "never"], { error: 'Must be "fast_burn", "any_burn" or "never"' });

export const BudgetPolicyFields = {
  cautionBelow: Share("The caution threshold"),
  freezeAtOrBelow: Share("The freezing threshold"),
  cautionOnBurn: Trigger,
  freezeOnBurn: Trigger,
  postmortemAbove: Share("The postmortem share").refine((v) => v > 0, { error: "The postmortem share must be above 0" }),
  postmortemDays: z.number({ error: "Must be a whole number of days" }).int({ error: "Must be a whole number of days" }).min(1, { error: "Must be at least 1 day" }).max(90, { error: "Must be at most 90 days" }),
};

/** A tier's whole policy (PUT replaces it). */
export const BudgetPolicyInput = z.strictObject(BudgetPolicyFields);
export type BudgetPolicyInput = z.infer<typeof BudgetPolicyInput>;

/** A service's overrides: the fields it sets differently from its tier; null clears one. */
export const BudgetPolicyOverrideInput = z.strictObject({
  cautionBelow: BudgetPolicyFields.cautionBelow.nullable().optional(),
  freezeAtOrBelow: BudgetPolicyFields.freezeAtOrBelow.nullable().optional(),
  cautionOnBurn: Trigger.nullable().optional(),
  freezeOnBurn: Trigger.nullable().optional(),
  postmortemAbove: BudgetPolicyFields.postmortemAbove.nullable().optional(),
  postmortemDays: BudgetPolicyFields.postmortemDays.nullable().optional(),
});
export type BudgetPolicyOverrideInput = z.infer<typeof BudgetPolicyOverrideInput>;

const Reason = Text(2000).refine((t) => t.length > 0, { error: "Say why" });

/** POST /services/{slug}/gate/exceptions: an urgent release allowed through a freeze, once. */
export const GateExceptionInput = z.strictObject({
  reason: Reason,
  release: PlainString("Name the release (a version, a commit)").trim().min(1, { error: "Name the release (a version, a commit)" }).max(200, { error: "Must be at most 200 characters" }),
});
export type GateExceptionInput = z.infer<typeof GateExceptionInput>;

/** GET /services/{slug}/gate?release=: the release about to ship (an exception is for one release). */
export const GateQuery = z.strictObject({ release: GateExceptionInput.shape.release.optional() });
export type GateQuery = z.infer<typeof GateQuery>;

/** POST /services/{slug}/gate/deploys: a pipeline ships a release the gate allows; recorded as a change. */
export const GateDeployInput = z.strictObject({
  release: GateExceptionInput.shape.release,
  summary: Text(500).optional(),
  url: z.url({ error: "Must be an http(s) address", protocol: /^https?$/ }).max(2000, { error: "Must be at most 2000 characters" }).optional(),
});
export type GateDeployInput = z.infer<typeof GateDeployInput>;

/** POST /freezes/{id}/lift (admin): ends a freeze early, with the reason on record. */
export const FreezeLiftInput = z.strictObject({ reason: Reason });
export type FreezeLiftInput = z.infer<typeof FreezeLiftInput>;

/** GET /freezes: of one service (slug) and/or overlapping [from, to). */
export const FreezeListQuery = z.strictObject({
  service: PlainString().trim().min(1, { error: "Name a service by its slug" }).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
});

/** POST /budget-policy/evaluate: every service, or one by slug. */
export const PolicyEvaluateQuery = z.strictObject({ service: FreezeListQuery.shape.service });
