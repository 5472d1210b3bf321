"use client";

import { useState, type FormEvent } from "react";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { useCreateUser } from "@/lib/query/mutations";
import { PASSWORD_REQUIRED_WITHOUT_PROVIDER, UserInput } from "@/lib/schemas/user";
import { ROLE_HELP } from "./roles";

const FIELDS = ["name", "email", "password", "role"] as const;
const EMPTY = { name: "", email: "", password: "", role: "viewer" };

/**
 * Adds an account. While an identity provider is configured (`provider`: its name) the password
 * may be left empty: the person then signs in there, and the account is linked at their first
 * sign-in by their verified e-mail address.
 */
export function UserCreateForm({ provider }: { provider: string | null }) {
  const [values, setValues] = useState(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const { errors, fieldId, showZod, showApi, setField, clear } = useFormErrors("new-user", FIELDS);
  const mutation = useCreateUser();
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setCreated(null);
    const withoutPassword = values.password === "";
    if (withoutPassword && !provider) return setField("password", PASSWORD_REQUIRED_WITHOUT_PROVIDER);
    const parsed = UserInput.safeParse({ ...values, password: withoutPassword ? undefined : values.password });
    if (!parsed.success) return showZod(parsed.error);
    mutation.mutate(parsed.data, {
      onError: showApi,
      onSuccess: (user) => {
        setCreated(
          user.localPassword
            ? `Added ${user.name} (${user.email}) as ${user.role}. Give them the password through a safe channel; they sign in at /login.`
            : `Added ${user.name} (${user.email}) as ${user.role}, without a password. They sign in with ${provider}; their first sign-in links this account by their verified e-mail address, and from then on their groups there set their role.`,
        );
        setValues(EMPTY);
      },
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="new-user-heading">
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={created} />
      <div className="form-grid">
        <TextField id={fieldId("name")} label="Name" autoComplete="off" value={values.name} onChange={set("name")} error={errors.fields.name} required />
        <TextField id={fieldId("email")} label="Email" type="email" autoComplete="off" value={values.email} onChange={set("email")} error={errors.fields.email} required />
        <TextField
          id={fieldId("password")}
          label="Password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set("password")}
          error={errors.fields.password}
          hint={
            provider
              ? `At least 12 characters. Leave empty if they will sign in with ${provider} only: the account is linked at their first sign-in there, by their verified e-mail address.`
              : "At least 12 characters; they can be given a new one later."
          }
          optional={provider !== null}
          required={provider === null}
        />
        <SelectField id={fieldId("role")} label="Role" value={values.role} onChange={set("role")} error={errors.fields.role} hint={ROLE_HELP[values.role as keyof typeof ROLE_HELP]}>
          <option value="viewer">Viewer</option>
          <option value="editor">Editor</option>
          <option value="admin">Admin</option>
        </SelectField>
      </div>
      <div>
        <SubmitButton pending={mutation.isPending}>Add user</SubmitButton>
      </div>
    </form>
  );
}
