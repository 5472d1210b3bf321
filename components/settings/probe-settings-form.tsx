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

const FIELDS = ["probeRetentionDays", "probeHourRetentionDays"] as const;

const days = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** How long probe runs, and the hours kept of them, are kept (admin). */
export function ProbeSettingsForm({ settings }: { settings: SettingsDto }) {
  const [runDays, setRunDays] = useState(String(settings.probeRetentionDays));
  const [hourDays, setHourDays] = useState(String(settings.probeHourRetentionDays));
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, fieldId, showIssues, showApi, clear } = useFormErrors("probe-settings", FIELDS);
  const mutation = useUpdateSettings();
  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const parsed = SettingsUpdate.safeParse({ probeRetentionDays: days(runDays), probeHourRetentionDays: days(hourDays), version: settings.version });
    if (!parsed.success) return showIssues(zodIssues(parsed.error), null);
    mutation.mutate(parsed.data, { onError: showApi, onSuccess: (s) => setSaved(`Saved. Runs older than ${s.probeRetentionDays} days are deleted, hours older than ${s.probeHourRetentionDays} days.`) });
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Probe settings">
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={saved} />
      <TextField
        id={fieldId("probeRetentionDays")}
        label="Keep probe runs for (days)"
        inputMode="numeric"
        value={runDays}
        onChange={(e) => setRunDays(e.target.value)}
        error={errors.fields.probeRetentionDays}
        hint="Each run as it was: its status, latency and error, listed on the probe's page. Older runs are deleted; their hours stay. A probe's SLOs keep the runs they still need longer: three days for burn rates, a time-slice SLO's whole window."
      />
      <TextField
        id={fieldId("probeHourRetentionDays")}
        label="Keep probe hours for (days)"
        inputMode="numeric"
        value={hourDays}
        onChange={(e) => setHourDays(e.target.value)}
        error={errors.fields.probeHourRetentionDays}
        hint="Each closed hour of a probe's runs, kept exactly as its SLO figures, uptime and the reconcile view need it (about 0.4 MB a probe a year; runs at 30 s take about 0.45 MB a day). Older hours are deleted, and with them what the probe saw then. At least as long as the runs."
      />
      <div>
        <SubmitButton pending={mutation.isPending}>Save probe settings</SubmitButton>
      </div>
    </form>
  );
}
