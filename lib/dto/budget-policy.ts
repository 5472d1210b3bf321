import { z } from "zod";
import { InstantText } from "./common";
import { FreezeFields, FreezeServiceRef } from "./freezes";

// The error-budget policy, states, freezes and the release gate as the API answers them
// (docs/decisions/0031-error-budget-policy.md).

export const PolicyStateText = z.enum(["normal", "caution", "frozen"]);

export const BudgetPolicyDto = z.strictObject({
  cautionBelow: z.number(),
  freezeAtOrBelow: z.number(),
  cautionOnBurn: z.enum(["fast_burn", "any_burn", "never"]),
  freezeOnBurn: z.enum(["fast_burn", "any_burn", "never"]),
  postmortemAbove: z.number(),
  postmortemDays: z.int(),
});
export type BudgetPolicyDto = z.infer<typeof BudgetPolicyDto>;

/** `GET/PUT /tiers/{id}/budget-policy`: `isDefault` while the tier follows Nines' default policy. */
export const TierPolicyDto = z.strictObject({
  tier: z.strictObject({ id: z.string(), name: z.string(), rank: z.int() }),
  policy: BudgetPolicyDto,
  isDefault: z.boolean(),
});
export type TierPolicyDto = z.infer<typeof TierPolicyDto>;

export const FreezeDto = FreezeFields.extend({ service: FreezeServiceRef, sloIds: z.array(z.string()) });
export type FreezeDto = z.infer<typeof FreezeDto>;

export const GateExceptionDto = z.strictObject({
  id: z.string(),
  service: z.string(),
  release: z.string(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: InstantText,
  /** When the gate let the release through (then it is spent); null: not yet. */
  usedAt: InstantText.nullable(),
});
export type GateExceptionDto = z.infer<typeof GateExceptionDto>;

export const PolicySloDto = z.strictObject({
  id: z.string(),
  name: z.string(),
  state: PolicyStateText,
  /** Share of the budget left when last evaluated; null: no data. */
  remainingRatio: z.number().nullable(),
  reasons: z.array(z.string()),
  since: InstantText.nullable(),
});

/** `GET /services/{slug}/budget-policy`: the service's policy, its state and its freezes. */
export const ServicePolicyDto = z.strictObject({
  service: z.strictObject({ slug: z.string(), name: z.string(), tierId: z.string(), tierName: z.string(), tierRank: z.int() }),
  /** The tier's policy, the service's overrides (null: inherited) and what applies. */
  tierPolicy: BudgetPolicyDto,
  overrides: z.strictObject({
    cautionBelow: z.number().nullable(),
    freezeAtOrBelow: z.number().nullable(),
    cautionOnBurn: z.enum(["fast_burn", "any_burn", "never"]).nullable(),
    freezeOnBurn: z.enum(["fast_burn", "any_burn", "never"]).nullable(),
    postmortemAbove: z.number().nullable(),
    postmortemDays: z.int().nullable(),
  }),
  policy: BudgetPolicyDto,
  state: PolicyStateText,
  stateSince: InstantText.nullable(),
  slos: z.array(PolicySloDto),
  /** The freeze holding now, if any. */
  currentFreeze: FreezeDto.nullable(),
  /** Every freeze, newest first (a service's freezes are few), and how many. */
  freezes: z.array(FreezeDto),
  /** Exceptions recorded in the freeze holding now and not yet used (none when not frozen). */
  openExceptions: z.array(GateExceptionDto),
});
export type ServicePolicyDto = z.infer<typeof ServicePolicyDto>;

/** `GET /services/{slug}/gate`: whether a release may ship now. Reading it changes nothing. */
export const GateDto = z.strictObject({
  allowed: z.boolean(),
  state: PolicyStateText,
  reasons: z.array(z.string()),
  slos: z.array(z.strictObject({ id: z.string(), name: z.string(), state: PolicyStateText, remainingRatio: z.number().nullable() })),
  /** While frozen: when the freeze is expected to end if nothing more is spent; null otherwise or not within the window. */
  until: InstantText.nullable(),
  /** When the policy's evaluator last looked at this service; null: not yet. */
  evaluatedAt: InstantText.nullable(),
});
export type GateDto = z.infer<typeof GateDto>;

/** `POST /services/{slug}/gate/deploys`: the deploy recorded, with the gate's answer that let it through. */
export const GateDeployDto = z.strictObject({
  gate: GateDto,
  change: z.strictObject({ id: z.string(), at: InstantText, release: z.string() }),
  /** The exception it used, if the service was frozen. */
  exceptionId: z.string().nullable(),
});
export type GateDeployDto = z.infer<typeof GateDeployDto>;

export const FreezeListDto = z.strictObject({ freezes: z.array(FreezeDto), total: z.int() });
export type FreezeListDto = z.infer<typeof FreezeListDto>;

/** `POST /budget-policy/evaluate`: how many SLO and service states moved and postmortems were required. */
export const PolicyEvaluationDto = z.strictObject({ slos: z.int(), services: z.int(), postmortems: z.int() });
