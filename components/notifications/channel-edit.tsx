"use client";

import { useState, type FormEvent } from "react";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { SecretOnce } from "@/components/tokens/secret-once";
import type { ChannelDto } from "@/lib/dto/notifications";
import { useUpdateChannel } from "@/lib/query/notifications";
import { ChannelUpdate } from "@/lib/schemas/notification";
import { addresses } from "./channel-form";

const FIELDS = ["name", "audience", "url", "to"] as const;

/** Renames a channel, changes its audience or where it sends; a webhook's secret can be rotated (shown once). */
export function ChannelEdit({ channel }: { channel: ChannelDto }) {
  const [v, setV] = useState({ name: channel.name, audience: channel.audience, url: channel.type === "webhook" ? (channel.url ?? "") : "", to: channel.to.join(", ") });
  const [saved, setSaved] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const { errors, fieldId, showZod, showApi, clear } = useFormErrors("edit-channel", FIELDS);
  const update = useUpdateChannel(channel.id);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));

  function save(body: Record<string, unknown>, done: string) {
    clear();
    setSaved(null);
    const parsed = ChannelUpdate.safeParse({ ...body, version: channel.version });
    if (!parsed.success) return showZod(parsed.error);
    update.mutate(parsed.data, { onError: showApi, onSuccess: (c) => (c.secret ? setSecret(c.secret) : setSaved(done)) });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const where = channel.type === "email" ? { to: addresses(v.to) } : channel.type === "webhook" ? { url: v.url } : v.url.trim() ? { url: v.url } : {};
    save({ name: v.name, audience: v.audience, ...where }, "Saved.");
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Change the channel">
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={saved} />
      {secret && <SecretOnce name={channel.name} secret={secret} label="Signing secret" advice="The old secret no longer signs anything: give this one to the receiver now." onDismiss={() => setSecret(null)} />}
      <div className="form-grid">
        <TextField id={fieldId("name")} label="Name" value={v.name} onChange={set("name")} error={errors.fields.name} required />
        <SelectField id={fieldId("audience")} label="Audience" value={v.audience} onChange={set("audience")} error={errors.fields.audience}>
          <option value="internal">Internal (the team)</option>
          <option value="public">Public (customers, status subscribers)</option>
        </SelectField>
        {channel.type === "email" && <TextAreaField id={fieldId("to")} label="Send to" className="span-all" rows={2} value={v.to} onChange={set("to")} error={errors.fields.to} required />}
        {channel.type === "webhook" && <TextField id={fieldId("url")} label="URL" className="span-all" value={v.url} onChange={set("url")} error={errors.fields.url} required />}
        {channel.type === "slack" && <TextField id={fieldId("url")} label="New Slack webhook URL" className="span-all" type="password" autoComplete="off" value={v.url} onChange={set("url")} error={errors.fields.url} hint={`Now ${channel.url ?? ""}. Leave empty to keep it.`} optional />}
      </div>
      <div className="button-row">
        <SubmitButton pending={update.isPending}>Save channel</SubmitButton>
        {channel.type === "webhook" && (
          <button type="button" className="btn btn-secondary" disabled={update.isPending} onClick={() => save({ rotateSecret: true }, "")}>
            Rotate the signing secret
          </button>
        )}
      </div>
    </form>
  );
}
