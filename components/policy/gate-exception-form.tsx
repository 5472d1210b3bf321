"use client";

import { useState, type FormEvent } from "react";
import { TextAreaField, TextField } from "@/components/forms/field";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { useCreateGateException } from "@/lib/query/policy";
import { GateExceptionInput } from "@/lib/schemas/budget-policy";

const FIELDS = ["release", "reason"] as const;

/** An editor lets one urgent release through the freeze: the gate then allows it once. */
export function GateExceptionForm({ slug }: { slug: string }) {
  const [values, setValues] = useState({ release: "", reason: "" });
  const [done, setDone] = useState<string | null>(null);
  const { errors, fieldId, showZod, showApi, clear } = useFormErrors("gate-exception", FIELDS);
  const mutation = useCreateGateException(slug);

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setDone(null);
    const parsed = GateExceptionInput.safeParse(values);
    if (!parsed.success) return showZod(parsed.error);
    mutation.mutate(parsed.data, {
      onError: showApi,
      onSuccess: (e) => {
        setDone(`Release ${e.release} may now pass the gate once.`);
        setValues({ release: "", reason: "" });
      },
    });
  }

  return (
    <details className="disclosure">
      <summary>Let an urgent fix through</summary>
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert message={errors.form} details={errors.details} />
        <FormSuccess message={done} />
        <div className="form-grid">
          <TextField id={fieldId("release")} label="Release" value={values.release} onChange={(e) => setValues((v) => ({ ...v, release: e.target.value }))} error={errors.fields.release} hint="As the pipeline names it: a version or a commit." required />
          <TextAreaField id={fieldId("reason")} label="Why it cannot wait" rows={2} value={values.reason} onChange={(e) => setValues((v) => ({ ...v, reason: e.target.value }))} error={errors.fields.reason} required />
        </div>
        <div>
          <SubmitButton pending={mutation.isPending}>Record exception</SubmitButton>
        </div>
      </form>
    </details>
  );
}
