"use client";

import { useState, type FormEvent } from "react";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";
import { TextAreaField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import type { IntegrationsDto } from "@/lib/dto/integrations";
import { useUpdateIntegrations, useUpdateSettings } from "@/lib/query/mutations";
import { IntegrationsUpdate } from "@/lib/schemas/integrations";
import { zodIssues } from "@/lib/schemas/issues";

const FIELDS = ["alertmanager", "pagerduty"] as const;

/** "PF9KMXH = checkout" per line ⇄ the service map. */
const parseMap = (text: string) => Object.fromEntries(text.split("\n").map((l) => l.split("=").map((x) => x.trim())).filter((p) => p[0]).map(([k, v]) => [k, v ?? ""]));
const printMap = (map: Record<string, string>) => Object.entries(map).map(([k, v]) => `${k} = ${v}`).join("\n");

/** Alertmanager's label names, PagerDuty's secret (write-only) and service map, in one form. */
export function IntegrationsForm({ integrations }: { integrations: IntegrationsDto }) {
  const [v, setV] = useState({ serviceLabel: integrations.alertmanager.serviceLabel, severityLabel: integrations.alertmanager.severityLabel, severityMap: printMap(integrations.alertmanager.severityMap), secret: "", services: printMap(integrations.pagerduty.services) });
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, fieldId, showIssues, showApi, clear } = useFormErrors("integrations", FIELDS);
  const update = useUpdateIntegrations();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const issueFor = (prefix: string) => Object.entries(errors.fields).find(([k]) => k === prefix)?.[1];

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const body = {
      alertmanager: { serviceLabel: v.serviceLabel, severityLabel: v.severityLabel, severityMap: parseMap(v.severityMap) },
      pagerduty: { services: parseMap(v.services), ...(v.secret.trim() ? { secret: v.secret } : {}) },
      version: integrations.version,
    };
    const parsed = IntegrationsUpdate.safeParse(body);
    if (!parsed.success) return showIssues(zodIssues(parsed.error), null);
    update.mutate(parsed.data, { onSuccess: () => (setSaved("Saved. The signing secret is stored encrypted and is not shown again."), setV((x) => ({ ...x, secret: "" }))), onError: showApi });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Integration settings">
      <FormAlert message={errors.form} details={errors.details} />
      <FormSuccess message={saved} />
      <fieldset className="cre-fields" id={fieldId("alertmanager")} tabIndex={-1}>
        <legend>Alertmanager</legend>
        <div className="form-grid">
          <TextField id="integrations-serviceLabel" label="Label naming the service" value={v.serviceLabel} onChange={set("serviceLabel")} hint="Its value must be a service's slug." />
          <TextField id="integrations-severityLabel" label="Label naming the severity" value={v.severityLabel} onChange={set("severityLabel")} />
          <TextAreaField id="integrations-severityMap" label="Severity label value → Nines severity" className="span-all" rows={4} value={v.severityMap} onChange={set("severityMap")} hint="One per line: critical = SEV1. A value not listed is SEV3." />
        </div>
        {issueFor("alertmanager") && <p className="field-error">{issueFor("alertmanager")}</p>}
      </fieldset>
      <fieldset className="cre-fields" id={fieldId("pagerduty")} tabIndex={-1}>
        <legend>PagerDuty</legend>
        <div className="form-grid">
          <TextField id="integrations-secret" label="Webhook signing secret" type="password" autoComplete="off" value={v.secret} onChange={set("secret")} hint={integrations.pagerduty.secretConfigured ? "A secret is set. Paste a new one to replace it." : "Paste the secret PagerDuty shows for the webhook subscription."} optional />
          <TextAreaField id="integrations-services" label="PagerDuty service → Nines service" className="span-all" rows={4} value={v.services} onChange={set("services")} hint="One per line: PF9KMXH = checkout" optional />
        </div>
        {issueFor("pagerduty") && <p className="field-error">{issueFor("pagerduty")}</p>}
      </fieldset>
      <div>
        <SubmitButton pending={update.isPending}>Save integrations</SubmitButton>
      </div>
    </form>
  );
}

/** Whether /metrics answers without a token. */
export function MetricsPublicForm({ metricsPublic, version }: { metricsPublic: boolean; version: number }) {
  const update = useUpdateSettings();
  return (
    <div className="button-row">
      <button type="button" className="btn btn-secondary" disabled={update.isPending} onClick={() => update.mutate({ metricsPublic: !metricsPublic, version })}>
        {metricsPublic ? "Require a token for /metrics" : "Serve /metrics without a token"}
      </button>
      {update.error && <p role="alert" className="alert alert-error">{update.error.message}</p>}
    </div>
  );
}
