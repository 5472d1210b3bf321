/**
 * The error-budget policy (docs/decisions/0031-error-budget-policy.md): what follows from a budget's
 * state. Each SLO is `normal`, `caution` or `frozen` by the budget it has left and how fast it
 * burns; a service takes the worst of its SLOs'. While a service is frozen, changes stop but for
 * urgent fixes let through the release gate by a recorded exception. An incident that cost more
 * than a set share of a budget requires a postmortem within a set number of days. Pure.
 */
import type { BurnState } from "./burn-state";

export const POLICY_STATES = ["normal", "caution", "frozen"] as const;
export type PolicyState = (typeof POLICY_STATES)[number];

export const POLICY_STATE_LABELS: Record<PolicyState, string> = { normal: "Normal", caution: "Caution", frozen: "Frozen" };

/** Which burn states put an SLO in a state regardless of the budget left. */
export type BurnTrigger = "fast_burn" | "any_burn" | "never";

/** The triggers in the order forms offer them, in words. */
export const BURN_TRIGGER_LABELS: Record<BurnTrigger, string> = { never: "Never", fast_burn: "While burning fast", any_burn: "While burning fast or slowly" };

export type BudgetPolicy = {
  /** Caution when the share of the budget left is below this (0.25 = under 25 % left). */
  cautionBelow: number;
  /** Frozen when the share left is at or below this (0 = the budget is spent). */
  freezeAtOrBelow: number;
  /** Burning that means caution whatever is left. */
  cautionOnBurn: BurnTrigger;
  /** Burning that freezes whatever is left. */
  freezeOnBurn: BurnTrigger;
  /** An incident that cost more than this share of a budget (0.2 = 20 %) requires a postmortem… */
  postmortemAbove: number;
  /** …due this many days after it was resolved. */
  postmortemDays: number;
};

/** The policy's fields in the order forms and pages show them. */
export const BUDGET_POLICY_KEYS = ["cautionBelow", "freezeAtOrBelow", "cautionOnBurn", "freezeOnBurn", "postmortemAbove", "postmortemDays"] as const satisfies readonly (keyof BudgetPolicy)[];
export type BudgetPolicyKey = (typeof BUDGET_POLICY_KEYS)[number];

/** What a tier's services follow until an admin says otherwise: the SRE workbook's example policy. */
export const DEFAULT_BUDGET_POLICY: BudgetPolicy = {
  cautionBelow: 0.25,
  freezeAtOrBelow: 0,
  cautionOnBurn: "any_burn",
  freezeOnBurn: "never",
  postmortemAbove: 0.2,
  postmortemDays: 5,
};

/** A service's own policy: the tier's, with the fields it overrides. */
export function effectivePolicy(tier: BudgetPolicy | null, override: Partial<BudgetPolicy> | null): BudgetPolicy {
  return { ...(tier ?? DEFAULT_BUDGET_POLICY), ...stripUndefined(override ?? {}) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Why a policy is not coherent (a caution threshold at or below the freezing one never shows), or null. */
export function policyProblem(policy: BudgetPolicy): { field: keyof BudgetPolicy; message: string } | null {
  if (policy.cautionBelow <= policy.freezeAtOrBelow) return { field: "cautionBelow", message: "The caution threshold must be above the freezing threshold" };
  if (policy.freezeOnBurn === "any_burn" && policy.cautionOnBurn === "fast_burn") return { field: "cautionOnBurn", message: "Slow burning freezes, so it cannot be only a caution for fast burning" };
  return null;
}

const fires = (trigger: BurnTrigger, burn: BurnState | null) =>
  burn !== null && burn !== "ok" && (trigger === "any_burn" || (trigger === "fast_burn" && burn === "fast_burn"));

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10} %`;
const BURN_WORDS: Record<Exclude<BurnState, "ok">, string> = { fast_burn: "burning fast", slow_burn: "burning slowly" };

export type SloFigures = {
  /** Share of the budget left in the SLO's current window; null: no data. */
  remainingRatio: number | null;
  burnState: BurnState | null;
};

export type SloPolicyState = { state: PolicyState; reasons: string[] };

/** One SLO's state under `policy`, with each reason as a sentence ("budget spent: 0 % left"). */
export function sloPolicyState(figures: SloFigures, policy: BudgetPolicy): SloPolicyState {
  const frozen: string[] = [];
  const caution: string[] = [];
  const { remainingRatio: left, burnState: burn } = figures;
  if (left !== null) {
    if (left <= policy.freezeAtOrBelow) frozen.push(left <= 0 ? `budget spent: ${percent(1 - left)} of it used` : `${percent(left)} of the budget left, at or below ${percent(policy.freezeAtOrBelow)}`);
    else if (left < policy.cautionBelow) caution.push(`${percent(left)} of the budget left, below ${percent(policy.cautionBelow)}`);
  }
  if (burn && burn !== "ok") {
    if (fires(policy.freezeOnBurn, burn)) frozen.push(BURN_WORDS[burn]);
    else if (fires(policy.cautionOnBurn, burn)) caution.push(BURN_WORDS[burn]);
  }
  if (frozen.length > 0) return { state: "frozen", reasons: frozen };
  if (caution.length > 0) return { state: "caution", reasons: caution };
  return { state: "normal", reasons: [] };
}

const RANK: Record<PolicyState, number> = { normal: 0, caution: 1, frozen: 2 };

/** The worst of some states (normal when there are none). */
export function worstState(states: Iterable<PolicyState>): PolicyState {
  let worst: PolicyState = "normal";
  for (const s of states) if (RANK[s] > RANK[worst]) worst = s;
  return worst;
}

/**
 * Whether an admin's early lift still holds: it does while every SLO frozen now has been frozen
 * since before the lift. An SLO that left frozen and froze again (or froze for the first time
 * after the lift) freezes the service anew.
 */
export function liftHolds(liftedAt: number, frozenSince: readonly (number | null)[]): boolean {
  return frozenSince.length > 0 && frozenSince.every((since) => since !== null && since <= liftedAt);
}

/**
 * When a frozen budget is back above `aboveRatio` of `budgetSeconds` if nothing more is spent.
 * A calendar window starts afresh at its end. A rolling window of length `windowMs` forgets the
 * oldest spending first: with `consumed(t)` the seconds spent from the window's start to t (a
 * non-decreasing curve drawn exactly by the burn-down's points), at a later T the window holds
 * consumed(asOf) − consumed(T − windowMs); the budget recovers at the first T where that is below
 * (1 − aboveRatio) × budget. null: no such instant within the window (nothing to forget).
 */
export function recoveryAt(args: {
  window: { kind: "rolling" | "calendar"; from: number; to: number };
  asOf: number;
  budgetSeconds: number;
  aboveRatio: number;
  /** The burn-down: remaining budget seconds at instants from the window's start to asOf. */
  burnDown: readonly { at: number; remainingSeconds: number }[];
}): number | null {
  const { window, asOf, budgetSeconds, aboveRatio, burnDown } = args;
  if (window.kind === "calendar") return window.to;
  if (burnDown.length === 0 || !(budgetSeconds > 0)) return null;
  const consumedAt = (i: number) => budgetSeconds - (burnDown[i]?.remainingSeconds ?? budgetSeconds);
  const total = consumedAt(burnDown.length - 1);
  // Spending that must leave the window: the window may hold less than (1 − aboveRatio) × budget.
  const mustForget = total - (1 - aboveRatio) * budgetSeconds;
  if (mustForget < 0) return asOf;
  const length = window.to - window.from;
  for (let i = 1; i < burnDown.length; i += 1) {
    const [a, b] = [consumedAt(i - 1), consumedAt(i)];
    if (b <= mustForget) continue;
    // Between two points the curve is a straight line: the instant it passes mustForget.
    const [ta, tb] = [burnDown[i - 1]?.at ?? asOf, burnDown[i]?.at ?? asOf];
    const s = b === a ? ta : ta + ((mustForget - a) / (b - a)) * (tb - ta);
    return Math.max(asOf, Math.ceil(s + length));
  }
  return null;
}

/** The postmortem an incident requires under `policy`, if its worst budget share is above the policy's. */
export function requiredPostmortem(
  costs: readonly { serviceName: string; windowLabel: string; budgetShare: number; policy: BudgetPolicy }[],
  resolvedAt: number,
): { dueAt: number; reason: string } | null {
  let worst: (typeof costs)[number] | null = null;
  for (const c of costs) if (c.budgetShare > c.policy.postmortemAbove && (!worst || c.budgetShare / c.policy.postmortemAbove > worst.budgetShare / worst.policy.postmortemAbove)) worst = c;
  if (!worst) return null;
  return {
    dueAt: resolvedAt + worst.policy.postmortemDays * 86_400_000,
    reason: `It cost ${percent(worst.budgetShare)} of ${worst.serviceName}'s ${worst.windowLabel} budget (more than ${percent(worst.policy.postmortemAbove)}): a postmortem is due within ${worst.policy.postmortemDays} days of its resolution`,
  };
}

/** What an incident's cost to a budget depends on. */
export type CostInputs = { kind: string; startedAt: number; resolvedAt: number | null; impactsChanged: boolean };

/**
 * Whether an edit sends an incident back to be checked for a required postmortem: it was checked
 * and needed none ("" reason), and what its cost depends on changed (its kind, its start, its end,
 * what it hit). A requirement already made stands: an edit that makes it cheaper does not take
 * back the postmortem the team was told to write.
 */
export function postmortemCheckAgain(checkedReason: string | null, before: CostInputs, after: CostInputs): boolean {
  if (checkedReason !== "") return false;
  return after.impactsChanged || before.kind !== after.kind || before.startedAt !== after.startedAt || before.resolvedAt !== after.resolvedAt;
}
