"use client";

import { useState, type FormEvent } from "react";
import { SelectField, TextField } from "@/components/forms/field";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { percentText } from "@/lib/domain/format";
import { parsePercentText } from "@/lib/domain/percent-input";
import type { TierPolicyDto } from "@/lib/dto/budget-policy";
import { useSetTierPolicy } from "@/lib/query/policy";
import { BudgetPolicyInput } from "@/lib/schemas/budget-policy";

const FIELDS = ["cautionBelow", "freezeAtOrBelow", "cautionOnBurn", "freezeOnBurn", "postmortemAbove", "postmortemDays"] as const;
const SHARES = ["cautionBelow", "freezeAtOrBelow", "postmortemAbove"] as const;
const TRIGGERS = [
  ["never", "Never"],
  ["fast_burn", "While burning fast"],
  ["any_burn", "While burning fast or slowly"],
] as const;

type Values = Record<(typeof FIELDS)[number], string>;
const valuesOf = (p: TierPolicyDto["policy"]): Values => ({
  cautionBelow: percentText(p.cautionBelow),
  freezeAtOrBelow: percentText(p.freezeAtOrBelow),
  cautionOnBurn: p.cautionOnBurn,
  freezeOnBurn: p.freezeOnBurn,
  postmortemAbove: percentText(p.postmortemAbove),
  postmortemDays: String(p.postmortemDays),
});

/** An admin sets what a tier's services do as their budgets run down; shares typed in percent. */
export function TierPolicyForm({ tier }: { tier: TierPolicyDto }) {
  const [values, setValues] = useState<Values>(valuesOf(tier.policy));
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, fieldId, showIssues, showZod, showApi, clear } = useFormErrors("tier-policy", FIELDS);
  const mutation = useSetTierPolicy(tier.tier.id);
  const set = (key: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const shares = Object.fromEntries(SHARES.map((k) => [k, parsePercentText(values[k])]));
    const wrong = SHARES.filter((k) => shares[k] === null || Number.isNaN(shares[k]) || (shares[k] as number) > 1);
    if (wrong.length > 0) return showIssues(wrong.map((k) => ({ path: k, message: "Enter a percentage from 0 to 100, such as 25" })), null);
    const parsed = BudgetPolicyInput.safeParse({ ...values, ...shares, postmortemDays: Number(values.postmortemDays) });
    if (!parsed.success) return showZod(parsed.error);
    mutation.mutate(parsed.data, { onError: showApi, onSuccess: () => setSaved("Saved. Services move to their new states at the next evaluation (within a minute).") });
  }

  function reset() {
    clear();
    mutation.mutate(null, { onError: showApi, onSuccess: (t) => { setValues(valuesOf(t.policy)); setSaved("Back on the default policy."); } });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={saved} />
      <div className="form-grid">
        <TextField id={fieldId("cautionBelow")} label="Caution under (% of budget left)" inputMode="decimal" value={values.cautionBelow} onChange={set("cautionBelow")} error={errors.fields.cautionBelow} hint="Changes still ship, small and watched." />
        <TextField id={fieldId("freezeAtOrBelow")} label="Frozen at or under (% left)" inputMode="decimal" value={values.freezeAtOrBelow} onChange={set("freezeAtOrBelow")} error={errors.fields.freezeAtOrBelow} hint="0: frozen once the budget is spent. Only urgent fixes with an exception ship." />
        <SelectField id={fieldId("cautionOnBurn")} label="Caution whatever is left" value={values.cautionOnBurn} onChange={set("cautionOnBurn")} error={errors.fields.cautionOnBurn}>
          {TRIGGERS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </SelectField>
        <SelectField id={fieldId("freezeOnBurn")} label="Frozen whatever is left" value={values.freezeOnBurn} onChange={set("freezeOnBurn")} error={errors.fields.freezeOnBurn}>
          {TRIGGERS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </SelectField>
        <TextField id={fieldId("postmortemAbove")} label="Postmortem when an incident costs over (% of a budget)" inputMode="decimal" value={values.postmortemAbove} onChange={set("postmortemAbove")} error={errors.fields.postmortemAbove} />
        <TextField id={fieldId("postmortemDays")} label="Postmortem due within (days of resolution)" inputMode="numeric" value={values.postmortemDays} onChange={set("postmortemDays")} error={errors.fields.postmortemDays} />
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
