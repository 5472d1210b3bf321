import type { ReactNode } from "react";
import { SelectField, TextField } from "@/components/forms/field";
import { BURN_TRIGGER_LABELS, type BudgetPolicyKey, type BurnTrigger } from "@/lib/domain/budget-policy";

// The error-budget policy's fields, shared by a tier's form, a service's overrides and the
// service page's summary, so each field has one label and one way to be typed.

/** Each field's name, on forms and beside its value on the service page. */
export const POLICY_LABELS: Record<BudgetPolicyKey, string> = {
  cautionBelow: "Caution under (% of budget left)",
  freezeAtOrBelow: "Frozen at or under (% left)",
  cautionOnBurn: "Caution whatever is left",
  freezeOnBurn: "Frozen whatever is left",
  postmortemAbove: "Postmortem when an incident costs over (% of a budget)",
  postmortemDays: "Postmortem due within (days of resolution)",
};

/** What a field means, where its name does not say it all. */
export const POLICY_HINTS: Partial<Record<BudgetPolicyKey, string>> = {
  cautionBelow: "Changes still ship, small and watched.",
  freezeAtOrBelow: "0: frozen once the budget is spent. Only urgent fixes with an exception ship.",
};

const TRIGGERS = Object.keys(BURN_TRIGGER_LABELS) as BurnTrigger[];

type Props = {
  field: BudgetPolicyKey;
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  /** For a value that may be left empty: what empty means (the select's first option, the text field's placeholder). */
  empty?: { option: string; placeholder: string };
};

/** One field of a policy: a percentage or a number of days typed, or a choice of burning. */
export function PolicyInput({ field, id, value, onChange, error, hint, empty }: Props) {
  const common = { id, label: POLICY_LABELS[field], value, error, hint };
  if (field === "cautionOnBurn" || field === "freezeOnBurn") {
    return (
      <SelectField {...common} onChange={(e) => onChange(e.target.value)}>
        {empty && <option value="">{empty.option}</option>}
        {TRIGGERS.map((t) => <option key={t} value={t}>{BURN_TRIGGER_LABELS[t]}</option>)}
      </SelectField>
    );
  }
  return <TextField {...common} inputMode={field === "postmortemDays" ? "numeric" : "decimal"} placeholder={empty?.placeholder} onChange={(e) => onChange(e.target.value)} />;
}
