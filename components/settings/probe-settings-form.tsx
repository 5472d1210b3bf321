"use client";

import { useState, type FormEvent } from "react";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { useUpdateSettings } from "@/lib/query/mutations";
import type { SettingsDto } from "@/lib/query/types";
import { zodIssues } from "@/lib/schemas/issues";
import { SettingsUpdate } from "@/lib/schemas/settings";

const FIELDS = ["probeRetentionDays"] as const;

/** How long probe runs are kept (admin). */
export function ProbeSettingsForm({ settings }: { settings: SettingsDto }) {
  const [days, setDays] = useState(String(settings.probeRetentionDays));
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, fieldId, showIssues, showApi, clear } = useFormErrors("probe-settings", FIELDS);
  const mutation = useUpdateSettings();
  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const parsed = SettingsUpdate.safeParse({ probeRetentionDays: days.trim() === "" ? Number.NaN : Number(days), version: settings.version });
    if (!parsed.success) return showIssues(zodIssues(parsed.error), null);
    mutation.mutate(parsed.data, { onError: showApi, onSuccess: (s) => setSaved(`Saved. Runs older than ${s.probeRetentionDays} days are deleted.`) });
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Probe settings">
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={saved} />
      <TextField id={fieldId("probeRetentionDays")} label="Keep probe runs for (days)" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} error={errors.fields.probeRetentionDays} hint="Older runs are deleted; what they showed is no longer in the probes' figures or the reconcile view." />
      <div>
        <SubmitButton pending={mutation.isPending}>Save probe settings</SubmitButton>
      </div>
    </form>
  );
}
