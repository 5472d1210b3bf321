"use client";

import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { ROLE_HELP } from "@/components/users/roles";
import { useCreateToken } from "@/lib/query/mutations";
import { ApiTokenInput } from "@/lib/schemas/api-token";
import { SecretOnce } from "./secret-once";

const FIELDS = ["name", "role", "expiresInDays"] as const;
const EMPTY = { name: "", role: "viewer", expiresInDays: "90" };

export function TokenCreateForm() {
  const [values, setValues] = useState(EMPTY);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const { errors, fieldId, showZod, showApi, clear } = useFormErrors("new-token", FIELDS);
  const mutation = useCreateToken();
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const days = values.expiresInDays.trim();
    const parsed = ApiTokenInput.safeParse({
      name: values.name,
      role: values.role,
      // Empty = never expires; anything non-numeric becomes NaN for the schema to reject.
      expiresInDays: days === "" ? null : /^\d+$/.test(days) ? Number(days) : Number.NaN,
    });
    if (!parsed.success) return showZod(parsed.error);
    mutation.mutate(parsed.data, {
      onError: showApi,
      onSuccess: ({ token, secret: value }) => {
        setSecret({ name: token.name, value });
        setValues(EMPTY);
      },
    });
  }

  return (
    <div className="stack">
      {secret && <SecretOnce name={secret.name} secret={secret.value} onDismiss={() => setSecret(null)} />}
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert message={errors.form} details={errors.details} />
        <div className="form-grid">
          <TextField id={fieldId("name")} label="Name" value={values.name} onChange={set("name")} error={errors.fields.name} placeholder="pagerduty-sync" hint="Say what uses it, so you know what breaks when you revoke it." required />
          <SelectField id={fieldId("role")} label="Role" value={values.role} onChange={set("role")} error={errors.fields.role} hint={ROLE_HELP[values.role as keyof typeof ROLE_HELP]}>
            <option value="viewer">Viewer</option>
            <option value="editor">Editor</option>
            <option value="admin">Admin</option>
          </SelectField>
          <TextField
            id={fieldId("expiresInDays")}
            label="Expires in (days)"
            inputMode="numeric"
            value={values.expiresInDays}
            onChange={set("expiresInDays")}
            error={errors.fields.expiresInDays}
            hint="1 to 3650. Leave empty for a token that never expires."
            optional
          />
        </div>
        <div>
          <SubmitButton pending={mutation.isPending}>Create token</SubmitButton>
        </div>
      </form>
    </div>
  );
}
