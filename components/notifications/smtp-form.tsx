"use client";

import { useState, type FormEvent } from "react";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import type { IntegrationsDto } from "@/lib/dto/integrations";
import { ApiError } from "@/lib/query/api";
import { useUpdateIntegrations } from "@/lib/query/mutations";
import { IntegrationsUpdate } from "@/lib/schemas/integrations";
import { zodIssues } from "@/lib/schemas/issues";

const FIELDS = ["host", "port", "secure", "user", "password", "from"] as const;

/** The SMTP server email channels send through (part of the integrations' settings). */
export function SmtpForm({ integrations }: { integrations: IntegrationsDto }) {
  const s = integrations.smtp;
  const [v, setV] = useState({ host: s?.host ?? "", port: String(s?.port ?? 587), secure: s?.secure ? "tls" : "starttls", user: s?.user ?? "", password: "", from: s?.from ?? "" });
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, fieldId, showIssues, showApi, clear } = useFormErrors("smtp", FIELDS);
  const update = useUpdateIntegrations();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const port = /^\d+$/.test(v.port.trim()) ? Number(v.port) : v.port;
    const smtp = { host: v.host, port, secure: v.secure === "tls", user: v.user.trim() || null, ...(v.password ? { password: v.password } : {}), from: v.from };
    const parsed = IntegrationsUpdate.safeParse({ smtp, version: integrations.version });
    // The fields are smtp.host, smtp.port…: shown beside host, port…
    const strip = (issues: { path: string; message: string }[]) => issues.map((i) => ({ ...i, path: i.path.replace(/^smtp\./, "") }));
    if (!parsed.success) return showIssues(strip(zodIssues(parsed.error)), null);
    update.mutate(parsed.data, {
      onSuccess: () => (setSaved("Saved. The password is stored encrypted and not shown again. Send a test from an email channel to check it."), setV((x) => ({ ...x, password: "" }))),
      onError: (err) => showApi(new ApiError(err.status, err.code, err.message, strip(err.issues), err.current)),
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Email server">
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={saved} />
      <div className="form-grid">
        <TextField id={fieldId("host")} label="SMTP host" value={v.host} onChange={set("host")} error={errors.fields.host} placeholder="smtp.example.com" required />
        <TextField id={fieldId("port")} label="Port" inputMode="numeric" value={v.port} onChange={set("port")} error={errors.fields.port} hint="587 for STARTTLS, 465 for TLS." required />
        <SelectField id={fieldId("secure")} label="Encryption" value={v.secure} onChange={set("secure")} error={errors.fields.secure}>
          <option value="starttls">STARTTLS when the server offers it</option>
          <option value="tls">TLS from the start</option>
        </SelectField>
        <TextField id={fieldId("from")} label="From address" type="email" value={v.from} onChange={set("from")} error={errors.fields.from} placeholder="nines@example.com" required />
        <TextField id={fieldId("user")} label="User name" autoComplete="off" value={v.user} onChange={set("user")} error={errors.fields.user} optional />
        <TextField id={fieldId("password")} label="Password" type="password" autoComplete="new-password" value={v.password} onChange={set("password")} error={errors.fields.password} hint={s?.passwordConfigured ? "A password is set; leave empty to keep it." : "Stored encrypted; never shown again."} optional />
      </div>
      <div>
        <SubmitButton pending={update.isPending}>Save email server</SubmitButton>
      </div>
    </form>
  );
}
