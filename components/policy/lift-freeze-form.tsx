"use client";

import { useState, type FormEvent } from "react";
import { TextAreaField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { useLiftFreeze } from "@/lib/query/policy";
import { FreezeLiftInput } from "@/lib/schemas/budget-policy";

const FIELDS = ["reason"] as const;

/** An admin ends a freeze before the budget recovered; the reason goes on record. */
export function LiftFreezeForm({ freezeId, serviceName }: { freezeId: string; serviceName: string }) {
  const [reason, setReason] = useState("");
  const { errors, fieldId, showZod, showApi, clear } = useFormErrors("lift-freeze", FIELDS);
  const mutation = useLiftFreeze(freezeId);

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const parsed = FreezeLiftInput.safeParse({ reason });
    if (!parsed.success) return showZod(parsed.error);
    mutation.mutate(parsed.data, { onError: showApi, onSuccess: () => setReason("") });
  }

  return (
    <details className="disclosure">
      <summary>Lift this freeze early</summary>
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert message={errors.form} details={errors.details} />
        <TextAreaField
          id={fieldId("reason")}
          label="Why lift it"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.fields.reason}
          hint={`${serviceName} goes to caution; it freezes again if another objective is spent or this one recovers and is spent again. Recorded in the audit log.`}
          required
        />
        <div>
          <SubmitButton pending={mutation.isPending}>Lift freeze</SubmitButton>
        </div>
      </form>
    </details>
  );
}
