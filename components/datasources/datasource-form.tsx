"use client";

import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { useCreateDatasource } from "@/lib/query/mutations";
import { DatasourceInput } from "@/lib/schemas/datasource";

const FIELDS = ["name", "url", "auth", "bearerToken", "basicAuth.username", "basicAuth.password"] as const;
const EMPTY = { name: "", url: "", auth: "none", token: "", username: "", password: "" };

/** Registers a Prometheus server; the credential is sent once and never shown again. */
export function DatasourceForm() {
  const [values, setValues] = useState(EMPTY);
  const [added, setAdded] = useState<{ up: boolean; text: string } | null>(null);
  const { errors, fieldId, showZod, showApi, clear } = useFormErrors("new-datasource", FIELDS);
  const mutation = useCreateDatasource();
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setAdded(null);
    const parsed = DatasourceInput.safeParse({
      name: values.name,
      type: "prometheus",
      url: values.url,
      ...(values.auth === "bearer" ? { bearerToken: values.token } : {}),
      ...(values.auth === "basic" ? { basicAuth: { username: values.username, password: values.password } } : {}),
    });
    if (!parsed.success) return showZod(parsed.error);
    mutation.mutate(parsed.data, {
      onError: showApi,
      onSuccess: (d) => {
        setAdded(d.state === "up" ? { up: true, text: `${d.name} answered: SLOs can read from it now.` } : { up: false, text: `${d.name} is registered but did not answer: ${d.lastError ?? "no reason given"}. Its SLOs show as unknown until it does.` });
        setValues(EMPTY);
      },
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert message={errors.form} details={errors.details} />
      {added && <p className={`alert ${added.up ? "alert-success" : "alert-warning"}`} role="status">{added.text}</p>}
      <div className="form-grid">
        <TextField id={fieldId("name")} label="Name" value={values.name} onChange={set("name")} error={errors.fields.name} placeholder="prometheus-eu" hint="Editors pick it by this name when they add an SLO." required />
        <TextField id={fieldId("url")} label="URL" value={values.url} onChange={set("url")} error={errors.fields.url} placeholder="http://prometheus.internal:9090" hint="The server's base URL; Nines reads its HTTP API." required />
        <SelectField id={fieldId("auth")} label="Authentication" value={values.auth} onChange={set("auth")} error={errors.fields.auth}>
          <option value="none">None</option>
          <option value="bearer">Bearer token</option>
          <option value="basic">Basic auth</option>
        </SelectField>
        {values.auth === "bearer" && <TextField id={fieldId("bearerToken")} label="Bearer token" type="password" autoComplete="off" value={values.token} onChange={set("token")} error={errors.fields.bearerToken} hint="Stored encrypted; never shown again." required />}
        {values.auth === "basic" && (
          <>
            <TextField id={fieldId("basicAuth.username")} label="User name" autoComplete="off" value={values.username} onChange={set("username")} error={errors.fields["basicAuth.username"]} required />
            <TextField id={fieldId("basicAuth.password")} label="Password" type="password" autoComplete="off" value={values.password} onChange={set("password")} error={errors.fields["basicAuth.password"]} hint="Stored encrypted; never shown again." required />
          </>
        )}
      </div>
      <div>
        <SubmitButton pending={mutation.isPending}>Add datasource</SubmitButton>
      </div>
    </form>
  );
}
