"use client";

import { useState, type FormEvent } from "react";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { useUpdateSettings } from "@/lib/query/mutations";
import { SettingsUpdate } from "@/lib/schemas/settings";

const FIELDS = ["timeZone"] as const;

/**
 * A text box with a datalist: typing "berl" narrows ~400 IANA zones in every browser, which a
 * plain <select> cannot do. The list comes from the server so SSR and hydration agree.
 */
export function TimeZoneForm({ current, version, zones }: { current: string; version: number; zones: string[] }) {
  const [timeZone, setTimeZone] = useState(current);
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, fieldId, showZod, showApi, clear } = useFormErrors("settings", FIELDS);
  const mutation = useUpdateSettings();

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const parsed = SettingsUpdate.safeParse({ timeZone, version });
    if (!parsed.success) return showZod(parsed.error);
    mutation.mutate(parsed.data, {
      onError: showApi,
      onSuccess: (s) => setSaved(`Saved. Times now show in ${s.timeZone}.`),
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={saved} />
      <TextField
        id={fieldId("timeZone")}
        label="Time zone"
        list="time-zones"
        value={timeZone}
        onChange={(e) => setTimeZone(e.target.value)}
        error={errors.fields.timeZone}
        hint="Calendar weeks, months and quarters are cut in this zone, and every time in Nines is shown in it. Start typing a city, e.g. Berlin."
        autoComplete="off"
        spellCheck={false}
        required
      />
      <datalist id="time-zones">
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <div>
        <SubmitButton pending={mutation.isPending}>Save changes</SubmitButton>
      </div>
    </form>
  );
}
