"use client";

import { useState, type FormEvent } from "react";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { TextAreaField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import type { StatusPageSettingsDto } from "@/lib/dto/status-page";
import { ApiError } from "@/lib/query/api";
import { useUpdateStatusPage } from "@/lib/query/notifications";
import { zodIssues } from "@/lib/schemas/issues";
import { StatusPageUpdate } from "@/lib/schemas/status-page";

const FIELDS = ["enabled", "title", "components"] as const;

/** "Checkout = checkout, payments" per line ⇄ the components. */
const parseComponents = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = "", services = ""] = line.split("=");
      return { name: name.trim(), services: services.split(",").map((s) => s.trim()).filter(Boolean) };
    });
const printComponents = (s: StatusPageSettingsDto) => s.components.map((c) => `${c.name} = ${c.services.map((x) => x.slug).join(", ")}`).join("\n");

/** An issue on components.3.services.1 is told as "Line 4: …" beside the one field. */
function lineIssues(issues: { path: string; message: string }[]) {
  return issues.map((i) => {
    const m = /^components\.(\d+)(?:\.(\w+))?/.exec(i.path);
    return m ? { path: "components", message: `Line ${Number(m[1]) + 1}${m[2] === "name" ? " (the name)" : ""}: ${i.message}` } : i;
  });
}

/** The status page's settings: on or off, its title, and its components (admin). */
export function StatusPageForm({ settings }: { settings: StatusPageSettingsDto }) {
  const [v, setV] = useState({ enabled: settings.enabled, title: settings.title, components: printComponents(settings) });
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, fieldId, showIssues, showApi, clear } = useFormErrors("status-page", FIELDS);
  const update = useUpdateStatusPage();

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const parsed = StatusPageUpdate.safeParse({ enabled: v.enabled, title: v.title, components: parseComponents(v.components), version: settings.version });
    if (!parsed.success) return showIssues(lineIssues(zodIssues(parsed.error)), null);
    update.mutate(parsed.data, {
      onSuccess: (s) => setSaved(s.enabled ? "Saved. The status page is public at /status." : "Saved. The status page is off: /status answers “not found”."),
      onError: (err) => showApi(new ApiError(err.status, err.code, err.message, lineIssues(err.issues), err.current)),
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Status page settings">
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={saved} />
      <div className="field">
        <label className="check">
          <input id={fieldId("enabled")} type="checkbox" checked={v.enabled} onChange={(e) => setV((x) => ({ ...x, enabled: e.target.checked }))} aria-describedby={errors.fields.enabled ? `${fieldId("enabled")}-error` : undefined} />{" "}
          <span>Publish the status page at /status (anyone can read it, without signing in)</span>
        </label>
        {errors.fields.enabled && (
          <p id={`${fieldId("enabled")}-error`} className="field-error">
            {errors.fields.enabled}
          </p>
        )}
      </div>
      <div className="form-grid">
        <TextField id={fieldId("title")} label="Title" value={v.title} onChange={(e) => setV((x) => ({ ...x, title: e.target.value }))} error={errors.fields.title} placeholder="Acme status" required />
        <TextAreaField
          id={fieldId("components")}
          label="Components"
          className="span-all"
          rows={8}
          value={v.components}
          onChange={(e) => setV((x) => ({ ...x, components: e.target.value }))}
          error={errors.fields.components}
          placeholder={"Checkout = checkout, payments\nSearch = search"}
          hint="One per line, in the order shown: the public name, then = and the services (by slug) it stands for. Readers see only these names: never a service that is not listed, an internal title or an update that is not marked public."
        />
      </div>
      <div>
        <SubmitButton pending={update.isPending}>Save status page</SubmitButton>
      </div>
    </form>
  );
}
