"use client";

import { useState, type FormEvent } from "react";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { BUDGET_POLICY_KEYS, type BudgetPolicyKey } from "@/lib/domain/budget-policy";
import { policyText, policyValues, sharePercentIssues, type PolicyText } from "@/lib/domain/policy-input";
import type { TierPolicyDto } from "@/lib/dto/budget-policy";
import { useSetTierPolicy } from "@/lib/query/policy";
import { BudgetPolicyInput } from "@/lib/schemas/budget-policy";
import { POLICY_HINTS, PolicyInput } from "./policy-fields";

/** An admin sets what a tier's services do as their budgets run down; shares typed in percent. */
export function TierPolicyForm({ tier }: { tier: TierPolicyDto }) {
  const [values, setValues] = useState<PolicyText>(policyText(tier.policy));
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, fieldId, showIssues, showZod, showApi, clear } = useFormErrors("tier-policy", BUDGET_POLICY_KEYS);
  const mutation = useSetTierPolicy(tier.tier.id);
  const set = (key: BudgetPolicyKey) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const typed = policyValues(values);
    const wrong = sharePercentIssues(typed, true);
    if (wrong.length > 0) return showIssues(wrong, null);
    const parsed = BudgetPolicyInput.safeParse(typed);
    if (!parsed.success) return showZod(parsed.error);
    mutation.mutate(parsed.data, { onError: showApi, onSuccess: () => setSaved("Saved. Services move to their new states at the next evaluation (within a minute).") });
  }

  function reset() {
    clear();
    mutation.mutate(null, { onError: showApi, onSuccess: (t) => { setValues(policyText(t.policy)); setSaved("Back on the default policy."); } });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={saved} />
      <div className="form-grid">
        {BUDGET_POLICY_KEYS.map((key) => (
          <PolicyInput key={key} field={key} id={fieldId(key)} value={values[key]} onChange={set(key)} error={errors.fields[key]} hint={POLICY_HINTS[key]} />
        ))}
      </div>
      <div className="button-row">
        <SubmitButton pending={mutation.isPending}>Save policy</SubmitButton>
        {!tier.isDefault && (
          <button type="button" className="btn btn-secondary" onClick={reset} disabled={mutation.isPending}>Use the default policy</button>
        )}
      </div>
    </form>
  );
}
