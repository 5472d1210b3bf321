"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { fromOrgInputValue, toOrgInputValue } from "@/components/forms/org-datetime";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/field";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { percentTextToRatio } from "@/components/format";
import { SEVERITIES, SEVERITY_MEANINGS, type Severity } from "@/lib/domain/incident-lifecycle";
import { sharePercentProblem } from "@/lib/domain/percent-input";
import { useDeclareIncident } from "@/lib/query/incidents";
import type { ServiceOption } from "@/lib/query/types";
import { IncidentInput } from "@/lib/schemas/incident";
import { zodIssues, type FieldIssue } from "@/lib/schemas/issues";
import { ImpactedServices, type ImpactDraft } from "./impacted-services";
import { MeasuredSinceOffer, useMeasuredSinceOffer } from "./measured-since-offer";
import { ServicePicker } from "./service-picker";

const FIELDS = ["title", "severity", "kind", "impacts", "startedAt", "resolvedAt", "status", "moveMeasuredSince"] as const;
const STARTS = [
  { value: "0", label: "Now" },
  { value: "5", label: "5 min ago" },
  { value: "15", label: "15 min ago" },
  { value: "30", label: "30 min ago" },
  { value: "at", label: "At…" },
] as const;
/** Planned maintenance can also be entered ahead, with its planned start and end. */
const LATER = { value: "later", label: "Later: schedule it" } as const;

/**
 * Declaring an incident, made for the worst moment: a title and one service are enough (Enter
 * declares), everything else has a sensible default and can be corrected on the incident page.
 * The title has no maxLength: the browser would cut a pasted title silently; the schema says
 * "Must be at most 120 characters" beside the field instead.
 */
export function DeclareForm({ services, timeZone, service }: { services: ServiceOption[]; timeZone: string; service?: string | undefined }) {
  const router = useRouter();
  const options = useMemo(() => new Map(services.map((s) => [s.slug, s])), [services]);
  const [severity, setSeverity] = useState<Severity>("SEV2");
  const [kind, setKind] = useState<"unplanned" | "maintenance">("unplanned");
  // Declared from a service's page: that service is hit, fully, until someone says otherwise.
  const [drafts, setDrafts] = useState<ImpactDraft[]>(() => (service && options.has(service) ? [{ service, percent: "100" }] : []));
  const [start, setStart] = useState<string>("0");
  const [startAt, setStartAt] = useState(() => toOrgInputValue(Date.now(), timeZone));
  // A scheduled window: tomorrow at this hour, for two hours, until someone says otherwise.
  const [plannedStart, setPlannedStart] = useState(() => toOrgInputValue(Date.now() + 86_400_000, timeZone));
  const [plannedEnd, setPlannedEnd] = useState(() => toOrgInputValue(Date.now() + 86_400_000 + 7_200_000, timeZone));
  const scheduling = kind === "maintenance" && start === LATER.value;
  const [impactErrors, setImpactErrors] = useState<Record<number, string>>({});
  // The server's offer when the start is before a service is measured (docs/domain.md "Measured since").
  const offer = useMeasuredSinceOffer();
  const { errors, fieldId, showIssues, showApi, clear } = useFormErrors("declare", FIELDS);
  const declare = useDeclareIncident();

  function show(issues: FieldIssue[]) {
    const perImpact: Record<number, string> = {};
    for (const issue of issues) {
      const m = /^impacts\.(\d+)\./.exec(issue.path);
      if (m) perImpact[Number(m[1])] ??= issue.message;
    }
    setImpactErrors(perImpact);
    offer.take(issues);
    // A row's problem shows beside its row only; the form's alert still says where to look.
    const rest = issues.filter((i) => !/^impacts\.\d+\./.test(i.path));
    showIssues(rest, rest.length ? null : "Check the highlighted services.");
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Read from the field, not from state: a title typed before the page finished loading counts.
    const title = String(new FormData(event.currentTarget).get("title") ?? "");
    clear();
    setImpactErrors({});
    const now = Date.now();
    const startedAt = scheduling ? fromOrgInputValue(plannedStart, timeZone) : start === "at" ? fromOrgInputValue(startAt, timeZone) : new Date(now - Number(start) * 60_000).toISOString();
    const body = {
      title,
      severity,
      kind,
      startedAt: startedAt ?? "",
      // An empty planned end: until further notice.
      ...(scheduling ? { status: "scheduled" as const, resolvedAt: plannedEnd.trim() === "" ? null : (fromOrgInputValue(plannedEnd, timeZone) ?? "") } : {}),
      // Declaring is when people noticed: the detection milestone, unless the start is later.
      ...(!scheduling && startedAt && Date.parse(startedAt) <= now ? { detectedAt: new Date(now).toISOString() } : {}),
      impacts: drafts.map((d) => ({ service: d.service, fraction: (percentTextToRatio(d.percent) ?? Number.NaN) })),
      ...offer.body(),
    };
    const parsed = IncidentInput.safeParse(body);
    const percentOf = (path: string) => percentTextToRatio(drafts[Number(path.split(".")[1])]?.percent ?? "");
    if (!parsed.success) return show(zodIssues(parsed.error).map((i) => (i.path.startsWith("impacts.") && i.path.endsWith(".fraction") ? { ...i, message: sharePercentProblem(percentOf(i.path)) ?? "Enter a percentage above 0 and at most 100" } : i)));
    declare.mutate(body, {
      onSuccess: (incident) => router.push(`/incidents/${incident.reference}`),
      onError: (err) => (err.status === 400 ? show(err.issues) : showApi(err)),
    });
  }

  return (
    <form className="form card declare" onSubmit={submit} noValidate aria-describedby="declare-help">
      <p id="declare-help" className="muted">A title and one service are enough: press Enter to declare. Fill in the rest on the incident page as you learn more.</p>
      <FormAlert message={errors.form} details={errors.details} />
      <TextField id={fieldId("title")} name="title" label="What is happening?" defaultValue="" error={errors.fields.title} placeholder="Checkout returns errors" autoFocus required />
      <div className={`field${errors.fields.impacts ? " field-invalid" : ""}`}>
        <div className="field-head">
          <label htmlFor={fieldId("impacts")}>Services hit</label>
        </div>
        <ServicePicker id={fieldId("impacts")} options={services} chosen={new Set(drafts.map((d) => d.service))} onAdd={(slug) => setDrafts([...drafts, { service: slug, percent: "100" }])} invalid={Boolean(errors.fields.impacts)} describedBy={errors.fields.impacts ? `${fieldId("impacts")}-error` : undefined} />
        {errors.fields.impacts && <p id={`${fieldId("impacts")}-error`} className="field-error">{errors.fields.impacts}</p>}
        <ImpactedServices drafts={drafts} options={options} onChange={setDrafts} errors={impactErrors} />
      </div>
      <fieldset className="field" aria-describedby={errors.fields.severity ? `${fieldId("severity")}-error` : undefined}>
        <legend>Severity</legend>
        <div className="choice-list">
          {SEVERITIES.map((s, i) => (
            <label key={s} className="choice">
              <input id={i === 0 ? fieldId("severity") : undefined} type="radio" name="severity" value={s} checked={severity === s} onChange={() => setSeverity(s)} />
              <span className={`badge sev sev-${s.toLowerCase()}`}>{s}</span> <span>{SEVERITY_MEANINGS[s]}</span>
            </label>
          ))}
        </div>
        {errors.fields.severity && <p id={`${fieldId("severity")}-error`} className="field-error">{errors.fields.severity}</p>}
      </fieldset>
      <div className="declare-row">
        <fieldset className="field">
          <legend>Kind</legend>
          <div className="choice-row">
            <label className="choice"><input id={fieldId("kind")} type="radio" name="kind" checked={kind === "unplanned"} onChange={() => { setKind("unplanned"); if (start === LATER.value) setStart("0"); }} /> Unplanned outage</label>
            <label className="choice"><input type="radio" name="kind" checked={kind === "maintenance"} onChange={() => setKind("maintenance")} /> Planned maintenance</label>
          </div>
        </fieldset>
        <fieldset className="field" aria-describedby={errors.fields.startedAt ? `${fieldId("startedAt")}-error` : undefined}>
          <legend>Impact began</legend>
          <div className="choice-row">
            {[...STARTS, ...(kind === "maintenance" ? [LATER] : [])].map((s, i) => (
              <label key={s.value} className="choice">
                <input id={i === 0 ? fieldId("startedAt") : undefined} type="radio" name="start" value={s.value} checked={start === s.value} onChange={() => setStart(s.value)} /> {s.label}
              </label>
            ))}
          </div>
          {start === "at" && (
            <div className="field">
              <label htmlFor="declare-start-at">Start ({timeZone})</label>
              <input id="declare-start-at" type="datetime-local" className="input" value={startAt} onChange={(e) => setStartAt(e.target.value)} aria-invalid={errors.fields.startedAt ? true : undefined} />
            </div>
          )}
          {scheduling && (
            <div className="field-pair">
              <div className="field">
                <label htmlFor="declare-planned-start">Planned start ({timeZone})</label>
                <input id="declare-planned-start" type="datetime-local" className="input" value={plannedStart} onChange={(e) => setPlannedStart(e.target.value)} aria-invalid={errors.fields.startedAt ? true : undefined} />
              </div>
              <div className="field">
                <label htmlFor={fieldId("resolvedAt")}>Planned end ({timeZone})</label>
                <input id={fieldId("resolvedAt")} type="datetime-local" className="input" value={plannedEnd} onChange={(e) => setPlannedEnd(e.target.value)} aria-invalid={errors.fields.resolvedAt ? true : undefined} aria-describedby={errors.fields.resolvedAt ? `${fieldId("resolvedAt")}-error` : undefined} />
                {errors.fields.resolvedAt && <p id={`${fieldId("resolvedAt")}-error`} className="field-error">{errors.fields.resolvedAt}</p>}
              </div>
              <p className="field-hint">Until it starts it counts nowhere and is not ongoing; the status page lists it as scheduled. Leave the end empty for until further notice.</p>
            </div>
          )}
          {errors.fields.startedAt && <p id={`${fieldId("startedAt")}-error`} className="field-error">{errors.fields.startedAt}</p>}
          {errors.fields.status && <p className="field-error">{errors.fields.status}</p>}
        </fieldset>
      </div>
      <MeasuredSinceOffer id={fieldId("moveMeasuredSince")} offer={offer.offer} move={offer.move} onMove={offer.setMove} invalid={Boolean(errors.fields.moveMeasuredSince)} />
      <div className="button-row">
        <SubmitButton pending={declare.isPending || declare.isSuccess}>{scheduling ? "Schedule maintenance" : "Declare incident"}</SubmitButton>
      </div>
    </form>
  );
}
