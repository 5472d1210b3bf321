"use client";

import { useState, type FormEvent } from "react";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { TextAreaField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { roleLabel } from "@/lib/domain/incident-roles";
import { ApiError } from "@/lib/query/api";
import { useUpdateSettings } from "@/lib/query/mutations";
import type { SettingsDto } from "@/lib/query/types";
import type { FieldIssue } from "@/lib/schemas/issues";
import { zodIssues } from "@/lib/schemas/issues";
import { SettingsUpdate } from "@/lib/schemas/settings";

const FIELDS = ["incidentRoles"] as const;

/** "incidentRoles.2: …" is the third line of the box: say so beside it. */
const byLine = (issues: FieldIssue[]) =>
  issues.map((i) => {
    const m = /^incidentRoles\.(\d+)$/.exec(i.path);
    return m ? { path: "incidentRoles", message: `Line ${Number(m[1]) + 1}: ${i.message}` } : i;
  });

/** The incident roles people are assigned on an incident's page (admin), one per line, in order. */
export function IncidentRolesForm({ settings }: { settings: SettingsDto }) {
  const [text, setText] = useState(settings.incidentRoles.join("\n"));
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, fieldId, showIssues, showApi, clear } = useFormErrors("incident-roles", FIELDS);
  const mutation = useUpdateSettings();

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const roles = text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
    const parsed = SettingsUpdate.safeParse({ incidentRoles: roles, version: settings.version });
    if (!parsed.success) return showIssues(byLine(zodIssues(parsed.error)), null);
    mutation.mutate(parsed.data, {
      onError: (e) => (e instanceof ApiError && e.status === 400 ? showIssues(byLine(e.issues), null) : showApi(e)),
      onSuccess: (s) => {
        setText(s.incidentRoles.join("\n"));
        setSaved(s.incidentRoles.length ? `Saved. Incidents offer ${s.incidentRoles.map(roleLabel).join(", ")}.` : "Saved. Incidents offer no roles.");
      },
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Incident roles">
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={saved} />
      <TextAreaField
        id={fieldId("incidentRoles")}
        label="Roles, one per line"
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={errors.fields.incidentRoles}
        hint="Lowercase words joined by _, e.g. tech_lead (shown as “Tech lead”). The incident page lists them in this order. Removing a role keeps it on the incidents that hold it until someone clears it."
      />
      <div>
        <SubmitButton pending={mutation.isPending}>Save incident roles</SubmitButton>
      </div>
    </form>
  );
}
