"use client";

import { useState, type FormEvent } from "react";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { percentTextToRatio, percentText } from "@/components/format";
import { RISK_LEVELS, type RiskLevel } from "@/lib/domain/risk-matrix";
import { useUpdateSettings } from "@/lib/query/mutations";
import type { SettingsDto } from "@/lib/query/types";
import { SettingsUpdate } from "@/lib/schemas/settings";

const FIELDS = ["riskThreshold", "riskReviewCadence"] as const;
const ORDER = [...RISK_LEVELS].reverse();

/** The unacceptable threshold (a share of the yearly budget) and the days between reviews per level. */
export function RiskSettingsForm({ settings }: { settings: SettingsDto }) {
  const [threshold, setThreshold] = useState(percentText(settings.riskThreshold));
  const [cadence, setCadence] = useState<Record<RiskLevel, string>>(() => Object.fromEntries(RISK_LEVELS.map((l) => [l, String(settings.riskReviewCadence[l])])) as Record<RiskLevel, string>);
  const [saved, setSaved] = useState<string | null>(null);
  const [levelErrors, setLevelErrors] = useState<Record<string, string>>({});
  const { errors, fieldId, showIssues, showApi, clear } = useFormErrors("risk-settings", FIELDS);
  const mutation = useUpdateSettings();

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const ratio = percentTextToRatio(threshold);
    const body = { riskThreshold: ratio ?? Number.NaN, riskReviewCadence: Object.fromEntries(RISK_LEVELS.map((l) => [l, Number(cadence[l])])), version: settings.version };
    const parsed = SettingsUpdate.safeParse(body);
    if (!parsed.success) {
      // A level's error ("riskReviewCadence.HIGH") is shown beside that level's field.
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      setLevelErrors(Object.fromEntries(issues.filter((i) => i.path.startsWith("riskReviewCadence.")).map((i) => [i.path.split(".")[1], i.message])));
      return showIssues(issues, null);
    }
    setLevelErrors({});
    mutation.mutate(parsed.data, { onError: showApi, onSuccess: () => setSaved("Saved. Open risks' next reviews follow the new cadence.") });
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Risk settings">
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={saved} />
      <TextField id={fieldId("riskThreshold")} label="Unacceptable above (% of yearly budget)" inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} error={errors.fields.riskThreshold} hint="A risk whose bad minutes a year exceed this share of its service's yearly error budget is unacceptable (CRE risk catalog; 25 % by default)." />
      <fieldset className="cre-fields" id={fieldId("riskReviewCadence")} tabIndex={-1}>
        <legend>Days between reviews, per level</legend>
        <div className="form-grid">
          {ORDER.map((l) => (
            <TextField key={l} id={`risk-cadence-${l}`} label={l} inputMode="numeric" value={cadence[l]} onChange={(e) => setCadence((c) => ({ ...c, [l]: e.target.value }))} error={levelErrors[l]} />
          ))}
        </div>
      </fieldset>
      <div>
        <SubmitButton pending={mutation.isPending}>Save risk settings</SubmitButton>
      </div>
    </form>
  );
}
