"use client";

import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { DependencyPicker, type DependencyOption } from "@/components/services/dependency-picker";
import { SEVERITIES } from "@/lib/domain/incident-lifecycle";
import { NOTIFICATION_EVENT_GROUPS, NOTIFICATION_EVENT_LABELS } from "@/lib/domain/notifications";
import { useCreateSubscription } from "@/lib/query/notifications";
import { SubscriptionInput } from "@/lib/schemas/notification";

const FIELDS = ["events", "services", "tiers", "severities", "publicOnly", "channels"] as const;

type Option = { id: string; label: string };

/** A group of checkboxes as one field: a legend, a hint, the error beside it; the first box takes the field's id. */
function Checks({ id, legend, hint, options, value, onChange, error }: { id: string; legend: string; hint: string; options: Option[]; value: string[]; onChange: (v: string[]) => void; error?: string | undefined }) {
  return (
    <fieldset className={`field span-all${error ? " field-invalid" : ""}`} aria-describedby={`${error ? `${id}-error ` : ""}${id}-hint`}>
      <legend>{legend}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className="check-list check-list-short" role="group" aria-label={legend}>
        {options.map((o, i) => (
          <label key={o.id} className="check">
            <input id={i === 0 ? id : undefined} type="checkbox" checked={value.includes(o.id)} onChange={(e) => onChange(e.target.checked ? [...value, o.id] : value.filter((x) => x !== o.id))} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The events in their groups (incidents, objectives and policy, reviews and risks, reports), each group its own labelled set of boxes. */
function EventChecks({ id, value, onChange, error }: { id: string; value: string[]; onChange: (v: string[]) => void; error?: string | undefined }) {
  return (
    <fieldset className={`field span-all${error ? " field-invalid" : ""}`} aria-describedby={`${error ? `${id}-error ` : ""}${id}-hint`}>
      <legend>Events</legend>
      <p className="field-hint" id={`${id}-hint`}>
        What to tell. Incident updates include internal notes unless “public updates only” is ticked.
      </p>
      {NOTIFICATION_EVENT_GROUPS.map((group, g) => (
        <div key={group.title} className="check-group">
          <p className="check-group-title" id={`${id}-group-${g}`}>
            {group.title}
          </p>
          {group.hint && (
            <p className="field-hint" id={`${id}-group-${g}-hint`}>
              {group.hint}
            </p>
          )}
          <div className="check-list check-list-short" role="group" aria-labelledby={`${id}-group-${g}`} aria-describedby={group.hint ? `${id}-group-${g}-hint` : undefined}>
            {group.events.map((e, i) => (
              <label key={e} className="check">
                <input id={g === 0 && i === 0 ? id : undefined} type="checkbox" checked={value.includes(e)} onChange={(ev) => onChange(ev.target.checked ? [...value, e] : value.filter((x) => x !== e))} />
                <span>{NOTIFICATION_EVENT_LABELS[e]}</span>
              </label>
            ))}
          </div>
        </div>
      ))}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Routes events, narrowed by services, tiers and severities, to channels. */
export function SubscriptionForm({ channels, services, tiers }: { channels: Option[]; services: DependencyOption[]; tiers: Option[] }) {
  const empty = { events: ["incident.declared", "incident.resolved"] as string[], services: [] as string[], tiers: [] as string[], severities: [] as string[], publicOnly: false, channels: channels.length === 1 ? [channels[0]?.id ?? ""] : ([] as string[]) };
  const [v, setV] = useState(empty);
  const [added, setAdded] = useState(false);
  const { errors, fieldId, showZod, showApi, clear } = useFormErrors("new-subscription", FIELDS);
  const mutation = useCreateSubscription();
  const set = <K extends keyof typeof empty>(key: K) => (value: (typeof empty)[K]) => setV((x) => ({ ...x, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setAdded(false);
    const parsed = SubscriptionInput.safeParse({ ...v, publicOnly: v.publicOnly || undefined });
    if (!parsed.success) return showZod(parsed.error);
    mutation.mutate(parsed.data, { onError: showApi, onSuccess: () => (setV(empty), setAdded(true)) });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Add a subscription">
      <FormAlert message={errors.form} details={errors.details} />
      {added && (
        <p className="alert alert-success" role="status">
          Subscription added: its channels hear of the next matching event.
        </p>
      )}
      <div className="form-grid">
        <EventChecks id={fieldId("events")} value={v.events} onChange={set("events")} error={errors.fields.events} />
        <Checks id={fieldId("channels")} legend="Channels" hint="Where to tell it. A public channel only ever receives public titles and public updates: no objectives, freezes, reviews, risks or reports." options={channels} value={v.channels} onChange={set("channels")} error={errors.fields.channels} />
        <DependencyPicker id={fieldId("services")} legend="Services" purpose="None selected: every service. Renaming a service keeps it here. For reports: each service chosen gets its own report." empty="There are no services yet." options={services} value={v.services} onChange={set("services")} error={errors.fields.services} />
        <Checks id={fieldId("tiers")} legend="Tiers" hint="None ticked: every tier. An event matches when one of its services is on a ticked tier. For reports: each tier ticked gets its own report." options={tiers} value={v.tiers} onChange={set("tiers")} error={errors.fields.tiers} />
        <Checks id={fieldId("severities")} legend="Severities" hint="None ticked: every severity. Events that are not about an incident (a review closing, a freeze) pass only without this filter; reports take none." options={SEVERITIES.map((s) => ({ id: s, label: s }))} value={v.severities} onChange={set("severities")} error={errors.fields.severities} />
        <div className="field span-all">
          <label className="check">
            <input id={fieldId("publicOnly")} type="checkbox" checked={v.publicOnly} onChange={(e) => set("publicOnly")(e.target.checked)} /> <span>Public updates only (incident updates not marked public are not sent)</span>
          </label>
        </div>
      </div>
      <div>
        <SubmitButton pending={mutation.isPending}>Add subscription</SubmitButton>
      </div>
    </form>
  );
}
