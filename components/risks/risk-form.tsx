"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { DraftNote } from "@/components/forms/draft-note";
import { draftKey } from "@/components/forms/draft-storage";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { isStaleVersion, ReloadLatest } from "@/components/forms/stale-version";
import { SubmitButton } from "@/components/forms/submit-button";
import { useDraft } from "@/components/forms/use-draft";
import { useFormErrors } from "@/components/forms/use-form-errors";
import type { RiskDto } from "@/lib/dto/risks";
import { CONSEQUENCE_LABELS, CONSEQUENCES, isLikelihood, LIKELIHOOD_MEANINGS, LIKELIHOODS, RISK_ASSESSMENT_LABELS, RISK_ASSESSMENTS, scoreAssessment, type Consequence, type RiskAssessmentName } from "@/lib/domain/risk-matrix";
import { sharePercentProblem } from "@/lib/domain/percent-input";
import { RISK_TREATMENT_LABELS, RISK_TREATMENTS } from "@/lib/domain/risk-rules";
import { useCreateRisk, useUpdateRisk } from "@/lib/query/risks";
import { zodIssues } from "@/lib/schemas/issues";
import { RiskInput, RiskUpdate } from "@/lib/schemas/risk";
import type { ServiceOption } from "@/lib/query/types";
import { LevelBadge } from "./level-badge";
import { MatrixExplainer } from "./matrix-explainer";
import { RiskServiceField } from "./risk-service-field";
import { initialRiskValues, RiskFormValues, toRiskPayload } from "./risk-form-values";

// In on-screen order: focus goes to the first invalid field after a failed submit.
const FIELDS = ["title", "service", "owner", "identifiedAt", "cause", "event", "consequence", "inherent", "current", "target", "treatment", "acceptedBy", "acceptedUntil", "monitoringDetects", "mitigationPlan", "ettdMinutes", "ettrMinutes", "ettfDays", "impactFraction", "status", "description"] as const;

type Props = { services: ServiceOption[]; timeZone: string; defaultService?: string } & ({ mode: "create"; risk?: undefined } | { mode: "edit"; risk: RiskDto });

export function RiskForm({ services, timeZone, mode, risk, defaultService }: Props) {
  const router = useRouter();
  const [initial] = useState<RiskFormValues>(() => initialRiskValues(risk, timeZone, defaultService));
  const [values, setValues] = useState<RiskFormValues>(initial);
  const kept = useDraft({
    key: draftKey("risk", risk?.id ?? "new"),
    label: mode === "create" ? "New risk" : "Risk",
    value: values,
    saved: initial,
    schema: RiskFormValues,
    restore: setValues,
  });
  const { errors, fieldId, showIssues, showApi, clear } = useFormErrors(mode === "create" ? "new-risk" : "edit-risk", FIELDS);
  const create = useCreateRisk();
  const update = useUpdateRisk(risk?.id ?? "");
  const mutation = mode === "create" ? create : update;
  const set = (key: keyof RiskFormValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const payload = toRiskPayload(values, timeZone);
    const parsed = mode === "create" ? RiskInput.safeParse(payload) : RiskUpdate.safeParse({ ...payload, version: risk.version });
    if (!parsed.success) {
      // The impact is typed in percent: its message is the form's own, in percent.
      const issues = zodIssues(parsed.error).map((i) => (i.path === "impactFraction" ? { ...i, message: sharePercentProblem(payload.impactFraction) ?? i.message } : i));
      return showIssues(issues, null);
    }
    const onSuccess = (saved: RiskDto) => {
      kept.committed(values);
      router.push(`/risks/${saved.reference}`);
      router.refresh();
    };
    if (mode === "create") create.mutate(parsed.data as RiskInput, { onSuccess, onError: showApi });
    else update.mutate(parsed.data as RiskUpdate, { onSuccess, onError: showApi });
  }

  const assessment = (name: RiskAssessmentName) => {
    const l = values[`${name}Likelihood`];
    const c = Number(values[`${name}Consequence`]);
    const scored = isLikelihood(l) && c >= 1 && c <= 5 ? scoreAssessment({ likelihood: l, consequence: c as Consequence }) : null;
    const id = fieldId(name);
    const error = errors.fields[name];
    return (
      <fieldset key={name} className={`assessment-field${error ? " field-invalid" : ""}`} id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
        <legend>
          {RISK_ASSESSMENT_LABELS[name]} {scored && <LevelBadge level={scored.level} score={scored.score} />}
        </legend>
        <div className="assessment-selects">
          <SelectField id={`${id}-likelihood`} label="Likelihood" value={l} onChange={set(`${name}Likelihood`)}>
            {LIKELIHOODS.map((x) => (
              <option key={x} value={x}>{x} · {LIKELIHOOD_MEANINGS[x]}</option>
            ))}
          </SelectField>
          <SelectField id={`${id}-consequence`} label="Consequence" value={values[`${name}Consequence`]} onChange={set(`${name}Consequence`)}>
            {CONSEQUENCES.map((x) => (
              <option key={x} value={String(x)}>{x} · {CONSEQUENCE_LABELS[x]}</option>
            ))}
          </SelectField>
        </div>
        {error && <p id={`${id}-error`} className="field-error">{error}</p>}
      </fieldset>
    );
  };

  const accepted = values.treatment === "accept";
  return (
    <form className="form card" onSubmit={submit} noValidate aria-label={mode === "create" ? "New risk" : "Edit risk"}>
      <FormAlert message={errors.form} details={errors.details}>
        {isStaleVersion(mutation.error) && <ReloadLatest />}
      </FormAlert>
      <DraftNote
        show={kept.restored}
        what={mode === "create" ? "new risk" : "changes to this risk"}
        onDiscard={() => {
          kept.discard();
          setValues(initial);
        }}
      />
      <div className="form-grid">
        <TextField id={fieldId("title")} label="Title" className="span-all" value={values.title} onChange={set("title")} error={errors.fields.title} placeholder="Primary database runs out of disk" required autoFocus={mode === "create"} />
        <RiskServiceField id={fieldId("service")} value={values.service} options={services} onChange={(slug) => setValues((v) => ({ ...v, service: slug }))} error={errors.fields.service} />
        <TextField id={fieldId("owner")} label="Owner" value={values.owner} onChange={set("owner")} error={errors.fields.owner} placeholder="A person: ana@example.com" optional />
        <TextField id={fieldId("identifiedAt")} label={`Identified (${timeZone})`} type="datetime-local" value={values.identifiedAt} onChange={set("identifiedAt")} error={errors.fields.identifiedAt} hint={mode === "create" ? "Empty: now." : undefined} optional />
        <TextAreaField id={fieldId("cause")} label="Cause" value={values.cause} onChange={set("cause")} error={errors.fields.cause} rows={2} placeholder="Log volume grows faster than the disk" optional />
        <TextAreaField id={fieldId("event")} label="Event" value={values.event} onChange={set("event")} error={errors.fields.event} rows={2} placeholder="The primary stops accepting writes" optional />
        <TextAreaField id={fieldId("consequence")} label="Consequence" value={values.consequence} onChange={set("consequence")} error={errors.fields.consequence} rows={2} placeholder="Checkout fails for every user" optional />
      </div>
      <MatrixExplainer />
      <div className="assessments">{RISK_ASSESSMENTS.map(assessment)}</div>
      <div className="form-grid">
        <SelectField id={fieldId("treatment")} label="Treatment" value={values.treatment} onChange={set("treatment")} error={errors.fields.treatment}>
          {RISK_TREATMENTS.map((t) => (
            <option key={t} value={t}>{RISK_TREATMENT_LABELS[t]}</option>
          ))}
        </SelectField>
        <TextField id={fieldId("acceptedBy")} label="Accepted by" value={values.acceptedBy} onChange={set("acceptedBy")} error={errors.fields.acceptedBy} hint={accepted ? "Required when the risk is accepted." : "Only for an accepted risk."} optional={!accepted} />
        <TextField id={fieldId("acceptedUntil")} label={`Accepted until (${timeZone})`} type="datetime-local" value={values.acceptedUntil} onChange={set("acceptedUntil")} error={errors.fields.acceptedUntil} optional={!accepted} />
        <SelectField id={fieldId("monitoringDetects")} label="Would monitoring detect it?" value={values.monitoringDetects} onChange={set("monitoringDetects")} error={errors.fields.monitoringDetects}>
          <option value="">Not known</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </SelectField>
        <TextAreaField id={fieldId("mitigationPlan")} label="Mitigation plan" className="span-all" value={values.mitigationPlan} onChange={set("mitigationPlan")} error={errors.fields.mitigationPlan} rows={3} optional />
      </div>
      <fieldset className="cre-fields">
        <legend>Quantitative estimates (CRE risk catalog)</legend>
        <p className="field-hint">Bad minutes a year = (ETTD + ETTR) × impact × 365.25 / ETTF. Leave empty if not estimated yet.</p>
        <div className="form-grid">
          <TextField id={fieldId("ettdMinutes")} label="ETTD (minutes to detect)" inputMode="decimal" value={values.ettdMinutes} onChange={set("ettdMinutes")} error={errors.fields.ettdMinutes} optional />
          <TextField id={fieldId("ettrMinutes")} label="ETTR (minutes to repair)" inputMode="decimal" value={values.ettrMinutes} onChange={set("ettrMinutes")} error={errors.fields.ettrMinutes} optional />
          <TextField id={fieldId("ettfDays")} label="ETTF (days between failures)" inputMode="decimal" value={values.ettfDays} onChange={set("ettfDays")} error={errors.fields.ettfDays} optional />
          <TextField id={fieldId("impactFraction")} label="Impact (% of users hit)" inputMode="decimal" value={values.impactFraction} onChange={set("impactFraction")} error={errors.fields.impactFraction} hint="Above 0 and at most 100: 2 means 2 % of users." optional />
        </div>
      </fieldset>
      <div className="form-grid">
        {mode === "edit" && (
          <SelectField id={fieldId("status")} label="Status" value={values.status} onChange={set("status")} error={errors.fields.status} hint="A closed risk leaves the heat map and has no reviews due.">
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </SelectField>
        )}
        <TextAreaField id={fieldId("description")} label="Notes" className="span-all" value={values.description} onChange={set("description")} error={errors.fields.description} rows={3} optional />
      </div>
      <div className="button-row">
        <SubmitButton pending={mutation.isPending}>{mode === "create" ? "Create risk" : "Save changes"}</SubmitButton>
        <Link className="btn btn-ghost" href={mode === "create" ? "/risks" : `/risks/${risk.reference}`}>Cancel</Link>
      </div>
    </form>
  );
}
