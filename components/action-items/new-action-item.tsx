"use client";

import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { useCreateActionItemFromList } from "@/lib/query/action-items";
import { ActionItemInput } from "@/lib/schemas/action-item";
import { zodIssues } from "@/lib/schemas/issues";

const FIELDS = ["title", "owner", "dueDate", "incident", "risk"] as const;

/**
 * Adding work from the list itself: what, who, by when, and where it comes from (an incident or a
 * risk by its reference, as people name them: INC-42, RISK-12), both optional.
 */
export function NewActionItem({ timeZone }: { timeZone: string }) {
  const empty = { title: "", owner: "", dueDate: "", incident: "", risk: "" };
  const [values, setValues] = useState(empty);
  const [added, setAdded] = useState<string | null>(null);
  const { errors, fieldId, showIssues, showApi, clear } = useFormErrors("new-item", FIELDS);
  const create = useCreateActionItemFromList();
  const set = (key: keyof typeof empty) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setAdded(null);
    const body = {
      title: values.title,
      owner: values.owner,
      ...(values.dueDate ? { dueDate: values.dueDate } : {}),
      ...(values.incident.trim() ? { incident: values.incident.trim() } : {}),
      ...(values.risk.trim() ? { risk: values.risk.trim() } : {}),
    };
    const parsed = ActionItemInput.safeParse(body);
    if (!parsed.success) return showIssues(zodIssues(parsed.error), null);
    create.mutate(parsed.data, {
      onSuccess: (item) => {
        setAdded(item.title);
        setValues({ ...empty, owner: values.owner });
      },
      onError: showApi,
    });
  }

  return (
    <details className="card new-action-item">
      <summary>New action item</summary>
      <form className="form" onSubmit={submit} noValidate aria-label="New action item">
        <FormAlert message={errors.form} details={errors.details} />
        <div className="form-grid">
          <TextField id={fieldId("title")} label="What must change" className="span-all" value={values.title} onChange={set("title")} error={errors.fields.title} placeholder="e.g. Alert on the error rate" required />
          <TextField id={fieldId("owner")} label="Owner" value={values.owner} onChange={set("owner")} error={errors.fields.owner} placeholder="ana@example.com" optional />
          <TextField id={fieldId("dueDate")} label={`Due (${timeZone})`} type="date" value={values.dueDate} onChange={set("dueDate")} error={errors.fields.dueDate} optional />
          <TextField id={fieldId("incident")} label="From incident" value={values.incident} onChange={set("incident")} error={errors.fields.incident} placeholder="INC-42" optional />
          <TextField id={fieldId("risk")} label="From risk" value={values.risk} onChange={set("risk")} error={errors.fields.risk} placeholder="RISK-12" optional />
        </div>
        <div className="button-row">
          <SubmitButton pending={create.isPending}>Add action item</SubmitButton>
          {added && !create.isPending && <span role="status" className="muted">Added “{added}”.</span>}
        </div>
      </form>
    </details>
  );
}
