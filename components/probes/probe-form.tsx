"use client";

import { useState, type FormEvent } from "react";
import { TextField, SelectField } from "@/components/forms/field";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { useCreateProbe } from "@/lib/query/probes";
import { zodIssues } from "@/lib/schemas/issues";
import { ProbeInput } from "@/lib/schemas/probe";

const FIELDS = ["url", "method", "intervalSeconds", "timeoutSeconds", "expectedStatus", "expectText", "failuresToOpen"] as const;
const num = (s: string) => (s.trim() === "" ? undefined : Number(s));

/** A new HTTP check for the service (editors): the same messages as the API beside each field. */
export function ProbeForm({ slug }: { slug: string }) {
  const [v, setV] = useState({ url: "", method: "GET", intervalSeconds: "30", timeoutSeconds: "10", expectedStatus: "200-299", expectText: "", failuresToOpen: "3" });
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, fieldId, showIssues, showApi, clear } = useFormErrors("new-probe", FIELDS);
  const create = useCreateProbe(slug);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const body = { url: v.url, method: v.method, intervalSeconds: num(v.intervalSeconds) ?? Number.NaN, timeoutSeconds: num(v.timeoutSeconds), expectedStatus: v.expectedStatus, expectText: v.expectText || null, failuresToOpen: num(v.failuresToOpen) };
    const parsed = ProbeInput.safeParse(body);
    if (!parsed.success) return showIssues(zodIssues(parsed.error), null);
    create.mutate(parsed.data, { onSuccess: (p) => (setSaved(`Probe of ${p.url} added; its first run is due now.`), setV((x) => ({ ...x, url: "", expectText: "" }))), onError: showApi });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Add a probe">
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={saved} />
      <div className="form-grid">
        <TextField id={fieldId("url")} label="URL" className="span-all" value={v.url} onChange={set("url")} error={errors.fields.url} placeholder="https://checkout.example.com/health" hint="http or https; link-local and cloud-metadata addresses are refused." required />
        <SelectField id={fieldId("method")} label="Method" value={v.method} onChange={set("method")} error={errors.fields.method}>
          <option value="GET">GET</option>
          <option value="HEAD">HEAD</option>
        </SelectField>
        <TextField id={fieldId("intervalSeconds")} label="Every (seconds)" inputMode="numeric" value={v.intervalSeconds} onChange={set("intervalSeconds")} error={errors.fields.intervalSeconds} hint="At least 10." />
        <TextField id={fieldId("timeoutSeconds")} label="Timeout (seconds)" inputMode="numeric" value={v.timeoutSeconds} onChange={set("timeoutSeconds")} error={errors.fields.timeoutSeconds} />
        <TextField id={fieldId("expectedStatus")} label="Expected status" value={v.expectedStatus} onChange={set("expectedStatus")} error={errors.fields.expectedStatus} />
        <TextField id={fieldId("expectText")} label="Text that must appear" value={v.expectText} onChange={set("expectText")} error={errors.fields.expectText} optional />
        <TextField id={fieldId("failuresToOpen")} label="Failures before an incident" inputMode="numeric" value={v.failuresToOpen} onChange={set("failuresToOpen")} error={errors.fields.failuresToOpen} />
      </div>
      <div>
        <SubmitButton pending={create.isPending}>Add probe</SubmitButton>
      </div>
    </form>
  );
}
