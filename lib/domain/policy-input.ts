/**
 * The error-budget policy as people type it in forms: a tier's whole policy, or a service's
 * overrides of it, where an empty field leaves the tier's value. Shares are typed in percent
 * (percent-input.ts) and become ratios here; the API's schemas check the rest and name the field.
 * Also each value as a page shows it ("25 %", "5 days"). Pure.
 */
import { BUDGET_POLICY_KEYS, BURN_TRIGGER_LABELS, type BudgetPolicy, type BudgetPolicyKey, type BurnTrigger } from "./budget-policy";
import { formatPercent, percentText } from "./format";
import { parsePercentText } from "./percent-input";

/** The fields typed in percent. */
export const POLICY_SHARE_KEYS = ["cautionBelow", "freezeAtOrBelow", "postmortemAbove"] as const satisfies readonly BudgetPolicyKey[];
const isShare = (key: BudgetPolicyKey): key is (typeof POLICY_SHARE_KEYS)[number] => (POLICY_SHARE_KEYS as readonly string[]).includes(key);

/** Each field as typed: "" is empty (a service's field then follows its tier). */
export type PolicyText = Record<BudgetPolicyKey, string>;

/** Each field as the API takes it; null: empty (a service's override cleared). */
export type PolicyValues = { [K in BudgetPolicyKey]: BudgetPolicy[K] | null };

export const SHARE_PERCENT_MESSAGE = "Enter a percentage from 0 to 100, such as 25";

/** A policy, or a service's overrides (null: none), as a form shows it. */
export function policyText(policy: Partial<PolicyValues>): PolicyText {
  const text = (key: BudgetPolicyKey): string => {
    const value = policy[key];
    if (value === null || value === undefined) return "";
    return typeof value === "number" && isShare(key) ? percentText(value) : String(value);
  };
  return Object.fromEntries(BUDGET_POLICY_KEYS.map((k) => [k, text(k)])) as PolicyText;
}

/**
 * What was typed as the API's values: 25 → 0.25 for shares, days as a number, "" → null. Text
 * that is not a number becomes NaN, which the schemas refuse with the field's own message.
 */
export function policyValues(text: PolicyText): PolicyValues {
  const days = text.postmortemDays.trim();
  const trigger = (value: string) => (value === "" ? null : (value as BurnTrigger));
  return {
    cautionBelow: parsePercentText(text.cautionBelow),
    freezeAtOrBelow: parsePercentText(text.freezeAtOrBelow),
    cautionOnBurn: trigger(text.cautionOnBurn),
    freezeOnBurn: trigger(text.freezeOnBurn),
    postmortemAbove: parsePercentText(text.postmortemAbove),
    postmortemDays: days === "" ? null : /^\d+$/.test(days) ? Number(days) : Number.NaN,
  };
}

/** The shares typed as something other than a percentage from 0 to 100 (an empty one too, when `required`), as field issues. */
export function sharePercentIssues(values: PolicyValues, required: boolean): { path: BudgetPolicyKey; message: string }[] {
  return POLICY_SHARE_KEYS.filter((k) => {
    const ratio = values[k];
    return ratio === null ? required : Number.isNaN(ratio) || ratio < 0 || ratio > 1;
  }).map((path) => ({ path, message: SHARE_PERCENT_MESSAGE }));
}

/** The overrides a form changed from those saved: only these are sent, so another admin's change to another field stays. */
export function changedOverrides(saved: PolicyValues, typed: PolicyValues): Partial<PolicyValues> {
  return Object.fromEntries(BUDGET_POLICY_KEYS.filter((k) => !Object.is(saved[k], typed[k])).map((k) => [k, typed[k]])) as Partial<PolicyValues>;
}

/** One field's value as a page shows it: "25 %", "While burning fast", "5 days". */
export function policyValueText<K extends BudgetPolicyKey>(key: K, value: BudgetPolicy[K]): string {
  if (key === "cautionOnBurn" || key === "freezeOnBurn") return BURN_TRIGGER_LABELS[value as BurnTrigger];
  if (key === "postmortemDays") return value === 1 ? "1 day" : `${String(value)} days`;
  return formatPercent(value as number);
}
