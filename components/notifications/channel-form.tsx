"use client";

import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { SecretOnce } from "@/components/tokens/secret-once";
import { useCreateChannel } from "@/lib/query/notifications";
import { ChannelInput } from "@/lib/schemas/notification";

const FIELDS = ["name", "type", "audience", "url", "to"] as const;
const EMPTY = { name: "", type: "webhook", audience: "internal", url: "", to: "" };

/** Addresses typed one per line or separated by commas. */
export const addresses = (text: string) => text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);

const URL_HINT: Record<string, string> = {
  webhook: "Nines POSTs JSON here, signed with a secret it shows once (header X-Nines-Signature).",
  slack: "A Slack (or compatible) incoming webhook URL. It is its own credential: Nines stores it encrypted and shows only its host.",
};

/** Adds a channel; a webhook's signing secret is shown once, right here. */
export function ChannelForm({ smtpSet }: { smtpSet: boolean }) {
  const [values, setValues] = useState(EMPTY);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const { errors, fieldId, showZod, showApi, clear } = useFormErrors("new-channel", FIELDS);
  const mutation = useCreateChannel();
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const email = values.type === "email";
    const parsed = ChannelInput.safeParse({ name: values.name, type: values.type, audience: values.audience, ...(email ? { to: addresses(values.to) } : { url: values.url }) });
    if (!parsed.success) return showZod(parsed.error);
    mutation.mutate(parsed.data, {
      onError: showApi,
      onSuccess: (c) => {
        if (c.secret) setSecret({ name: c.name, secret: c.secret });
        setValues(EMPTY);
      },
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Add a channel">
      <FormAlert message={errors.form} details={errors.details} />
      {secret && <SecretOnce name={secret.name} secret={secret.secret} label="Signing secret" advice="Give it to the receiver to check each message's X-Nines-Signature. If you lose it, rotate it from the channel's page." onDismiss={() => setSecret(null)} />}
      <div className="form-grid">
        <TextField id={fieldId("name")} label="Name" value={values.name} onChange={set("name")} error={errors.fields.name} placeholder="on-call webhook" required />
        <SelectField id={fieldId("type")} label="Type" value={values.type} onChange={set("type")} error={errors.fields.type}>
          <option value="webhook">Webhook (signed JSON)</option>
          <option value="slack">Slack incoming webhook</option>
          <option value="email">Email</option>
        </SelectField>
        <SelectField
          id={fieldId("audience")}
          label="Audience"
          value={values.audience}
          onChange={set("audience")}
          error={errors.fields.audience}
          hint={values.audience === "public" ? "Public: only public titles and updates marked public ever reach it; no severities, summaries or people." : "Internal: the team's view, with titles, severities, summaries and every update."}
        >
          <option value="internal">Internal (the team)</option>
          <option value="public">Public (customers, status subscribers)</option>
        </SelectField>
        {values.type === "email" ? (
          <TextAreaField
            id={fieldId("to")}
            label="Send to"
            className="span-all"
            rows={2}
            value={values.to}
            onChange={set("to")}
            error={errors.fields.to}
            placeholder="oncall@example.com, sre-leads@example.com"
            hint={smtpSet ? "One or more addresses, separated by commas or lines." : "One or more addresses. Set the email server below first: until then email channels cannot send."}
            required
          />
        ) : (
          <TextField id={fieldId("url")} label="URL" className="span-all" value={values.url} onChange={set("url")} error={errors.fields.url} placeholder={values.type === "slack" ? "https://hooks.slack.com/services/…" : "https://hooks.example.com/nines"} hint={URL_HINT[values.type]} required />
        )}
      </div>
      <div>
        <SubmitButton pending={mutation.isPending}>Add channel</SubmitButton>
      </div>
    </form>
  );
}
