"use client";

import { useState, type FormEvent } from "react";
import { tierLabel } from "@/components/format";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { BUDGET_POLICY_KEYS, type BudgetPolicyKey } from "@/lib/domain/budget-policy";
import { changedOverrides, policyText, policyValueText, policyValues, sharePercentIssues, type PolicyText, type PolicyValues } from "@/lib/domain/policy-input";
import type { ServicePolicyDto } from "@/lib/dto/budget-policy";
import { useSetServiceOverrides } from "@/lib/query/policy";
import { BudgetPolicyOverrideInput } from "@/lib/schemas/budget-policy";
import { POLICY_LABELS, PolicyInput } from "./policy-fields";

const CLEAR_ALL = Object.fromEntries(BUDGET_POLICY_KEYS.map((k) => [k, null])) as PolicyValues;

const overriddenCount = (overrides: PolicyValues) => BUDGET_POLICY_KEYS.filter((k) => overrides[k] !== null).length;

/** Where a field stands, in words: inherited or overridden now, and what saving would change. */
function standing(saved: unknown, typed: string): string {
  if (typed === "") return saved === null ? "which this service inherits" : "saving puts this service back on it";
  return saved === null ? "saving makes this service override it" : "this service overrides it";
}

/**
 * An admin sets a service's own values of its tier's error-budget policy, field by field; an empty
 * field follows the tier. Only the fields changed here are sent, so another admin's change to
 * another field is kept (the override API takes no version: decision 0031's overrides are per field).
 */
export function ServicePolicyForm({ policy }: { policy: ServicePolicyDto }) {
  const [current, setCurrent] = useState(policy);
  const [values, setValues] = useState<PolicyText>(policyText(policy.overrides));
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, fieldId, showIssues, showZod, showApi, clear } = useFormErrors("service-policy", BUDGET_POLICY_KEYS);
  const mutation = useSetServiceOverrides(policy.service.slug);
  const tier = tierLabel({ rank: current.service.tierRank, name: current.service.tierName });
  const set = (key: BudgetPolicyKey) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  function send(input: BudgetPolicyOverrideInput, message: (p: ServicePolicyDto) => string) {
    mutation.mutate(input, {
      onError: showApi,
      onSuccess: (p) => {
        setCurrent(p);
        setValues(policyText(p.overrides));
        setSaved(message(p));
      },
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const typed = policyValues(values);
    const wrong = sharePercentIssues(typed, false);
    if (wrong.length > 0) return showIssues(wrong, null);
    const changes = changedOverrides(current.overrides, typed);
    if (Object.keys(changes).length === 0) return setSaved("Nothing to save: these are the values saved.");
    const parsed = BudgetPolicyOverrideInput.safeParse(changes);
    if (!parsed.success) return showZod(parsed.error);
    send(parsed.data, (p) => {
      const n = overriddenCount(p.overrides);
      return `Saved: ${p.service.name} overrides ${n} of its tier's ${BUDGET_POLICY_KEYS.length} values. Its state follows at the next evaluation (within a minute).`;
    });
  }

  function clearAll() {
    clear();
    setSaved(null);
    send(CLEAR_ALL, (p) => `Every value is ${tier}'s again. ${p.service.name}'s state follows at the next evaluation (within a minute).`);
  }

  function inheritTier(key: BudgetPolicyKey) {
    set(key)("");
    // The button goes away with the value: keep the keyboard on the field it cleared.
    requestAnimationFrame(() => document.getElementById(fieldId(key))?.focus());
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={saved} />
      <p className="muted">Leave a field empty to follow {tier}. Shares are in percent, like the tier&apos;s.</p>
      <div className="form-grid">
        {BUDGET_POLICY_KEYS.map((key) => {
          const tierValue = policyValueText(key, current.tierPolicy[key]);
          return (
            <div key={key} className="policy-override">
              <PolicyInput
                field={key}
                id={fieldId(key)}
                value={values[key]}
                onChange={set(key)}
                error={errors.fields[key]}
                hint={`${tier}: ${tierValue}; ${standing(current.overrides[key], values[key])}.`}
                empty={{ option: "Tier's value", placeholder: policyText(current.tierPolicy)[key] }}
              />
              {values[key] !== "" && (
                <button type="button" className="btn btn-secondary btn-small" onClick={() => inheritTier(key)}>
                  Use the tier&apos;s value<span className="visually-hidden"> for {POLICY_LABELS[key]}</span>
                </button>
              )}
            </div>
          );
        })}
      </div>
      <div className="button-row">
        <SubmitButton pending={mutation.isPending}>Save overrides</SubmitButton>
        {overriddenCount(current.overrides) > 0 && (
          <ConfirmAction
            label="Clear all overrides"
            confirmLabel="Clear all overrides"
            prompt={`Every value goes back to ${tier}'s.`}
            onConfirm={clearAll}
            pending={mutation.isPending}
            variant="secondary"
          />
        )}
      </div>
    </form>
  );
}
