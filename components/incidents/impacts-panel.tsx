"use client";

import Link from "next/link";
import { useState } from "react";
import { describeWindowLabel, formatDateTime, formatPercent, percentText, percentTextToRatio } from "@/components/format";
import { fromOrgInputValue, toOrgInputValue } from "@/components/forms/org-datetime";
import { formatDuration } from "@/lib/domain/format";
import { sharePercentProblem } from "@/lib/domain/percent-input";
import { usePatchIncident } from "@/lib/query/incidents";
import type { IncidentDetailDto, ServiceOption } from "@/lib/query/types";
import { ConflictNote } from "./conflict-note";
import { MeasuredSinceOffer, useMeasuredSinceOffer } from "./measured-since-offer";
import { ServicePicker } from "./service-picker";

type Draft = { service: string; percent: string; startedAt: string; endedAt: string };

/**
 * Each service the incident hit: how badly, over which interval, and what it cost (the engine's
 * attribution: the downtime, and its share of the service's error budget for the SLO window it
 * falls in). Editors change the fractions and intervals, add and remove services.
 */
export function ImpactsPanel({ incident, timeZone, canEdit, services }: { incident: IncidentDetailDto; timeZone: string; canEdit: boolean; services: ServiceOption[] }) {
  const patch = usePatchIncident(incident.reference);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // An impact moved before a service is measured: the server's offer to move it back.
  const offer = useMeasuredSinceOffer();
  const costs = new Map(incident.costs.map((c) => [c.service, c]));

  function edit() {
    setErrors({});
    offer.reset();
    setDrafts(incident.impacts.map((i) => ({ service: i.service, percent: percentText(i.fraction), startedAt: i.startedAt ? toOrgInputValue(i.startedAt, timeZone) : "", endedAt: i.endedAt ? toOrgInputValue(i.endedAt, timeZone) : "" })));
  }

  function save() {
    if (!drafts) return;
    setErrors({});
    // The form speaks percent: its own words for a share out of range, before the server's ratios.
    const shares = Object.fromEntries(drafts.flatMap((d, i) => {
      const problem = sharePercentProblem(percentTextToRatio(d.percent) ?? Number.NaN);
      return problem ? [[`impacts.${i}.fraction`, problem]] : [];
    }));
    if (Object.keys(shares).length) return setErrors(shares);
    const impacts = drafts.map((d) => ({
      service: d.service,
      fraction: percentTextToRatio(d.percent) ?? Number.NaN,
      startedAt: d.startedAt ? fromOrgInputValue(d.startedAt, timeZone) : null,
      endedAt: d.endedAt ? fromOrgInputValue(d.endedAt, timeZone) : null,
    }));
    patch.mutate(
      { version: incident.version, impacts, ...offer.body() },
      {
        onSuccess: () => {
          setDrafts(null);
          offer.reset();
        },
        onError: (e) => {
          if (offer.take(e.issues)) return;
          setErrors(Object.fromEntries(e.issues.map((i) => [i.path, i.path.endsWith(".fraction") ? (sharePercentProblem(Number.NaN) as string) : i.message])));
        },
      },
    );
  }

  const set = (i: number, change: Partial<Draft>) => setDrafts((d) => d && d.map((x, j) => (j === i ? { ...x, ...change } : x)));

  return (
    <section className="card" aria-labelledby="impacts-heading">
      <div className="section-head">
        <h2 id="impacts-heading">Impact and what it cost</h2>
        {canEdit && !drafts && <button type="button" className="btn btn-secondary btn-small" onClick={edit}>Edit impacts</button>}
      </div>
      <ConflictNote error={patch.error} timeZone={timeZone} kept="your edits are still in the form" />
      {!drafts ? (
        <ul className="impact-list">
          {incident.impacts.map((impact) => {
            const cost = costs.get(impact.service);
            return (
              <li key={impact.service}>
                <div>
                  <Link href={`/services/${impact.service}`}><strong>{impact.serviceName}</strong></Link> <code>{impact.service}</code>
                </div>
                <div className="muted">
                  {impact.fraction === 1 ? "Full outage" : `${formatPercent(impact.fraction)} of requests failing`}
                  {(impact.startedAt || impact.endedAt) && `, ${impact.startedAt ? `from ${formatDateTime(impact.startedAt, timeZone)}` : "from the start"} ${impact.endedAt ? `until ${formatDateTime(impact.endedAt, timeZone)}` : "to the end"}`}
                </div>
                {cost && (
                  <p className="impact-cost">
                    <strong className="num-inline">{cost.downtimeSeconds > 0 ? formatDuration(cost.downtimeSeconds) : "No downtime counted"}</strong>
                    {cost.budgetSeconds > 0 && (
                      <>
                        {" — "}
                        <strong className={cost.budgetShare >= 1 ? "text-danger" : cost.budgetShare >= 0.25 ? "text-warning" : undefined}>{formatPercent(cost.budgetShare, 0)}</strong> of {impact.service}&apos;s budget for {describeWindowLabel(cost.window.label)}
                        <span className="muted"> ({formatDuration(cost.budgetSeconds)} at {formatPercent(cost.sloTarget)})</span>
                      </>
                    )}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <form className="stack-small" onSubmit={(e) => { e.preventDefault(); save(); }}>
          {errors.impacts && <p className="field-error" role="alert">{errors.impacts}</p>}
          <ul className="impact-edit-list">
            {drafts.map((d, i) => (
              <li key={d.service}>
                <strong>{d.service}</strong>
                <span className="field">
                  <label htmlFor={`impact-${i}-percent`}>Requests failing (%)</label>
                  <input id={`impact-${i}-percent`} className="input input-percent" inputMode="decimal" value={d.percent} onChange={(e) => set(i, { percent: e.target.value })} aria-invalid={errors[`impacts.${i}.fraction`] ? true : undefined} />
                  {errors[`impacts.${i}.fraction`] && <span className="field-error">{errors[`impacts.${i}.fraction`]}</span>}
                </span>
                <span className="field">
                  <label htmlFor={`impact-${i}-start`}>Own start ({timeZone})</label>
                  <input id={`impact-${i}-start`} type="datetime-local" className="input" value={d.startedAt} onChange={(e) => set(i, { startedAt: e.target.value })} aria-invalid={errors[`impacts.${i}.startedAt`] ? true : undefined} />
                  {errors[`impacts.${i}.startedAt`] && <span className="field-error">{errors[`impacts.${i}.startedAt`]}</span>}
                </span>
                <span className="field">
                  <label htmlFor={`impact-${i}-end`}>Own end ({timeZone})</label>
                  <input id={`impact-${i}-end`} type="datetime-local" className="input" value={d.endedAt} onChange={(e) => set(i, { endedAt: e.target.value })} aria-invalid={errors[`impacts.${i}.endedAt`] ? true : undefined} />
                  {errors[`impacts.${i}.endedAt`] && <span className="field-error">{errors[`impacts.${i}.endedAt`]}</span>}
                </span>
                <button type="button" className="btn btn-ghost btn-small" onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>
                  Remove<span className="visually-hidden"> {d.service}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="field">
            <label htmlFor="impact-add">Add a service</label>
            <ServicePicker id="impact-add" options={services} chosen={new Set(drafts.map((d) => d.service))} onAdd={(slug) => setDrafts([...drafts, { service: slug, percent: "100", startedAt: "", endedAt: "" }])} />
            <p className="field-hint">Leave own start and end empty to follow the incident&apos;s.</p>
          </div>
          <MeasuredSinceOffer id="impacts-move-measured-since" offer={offer.offer} move={offer.move} onMove={offer.setMove} />
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={patch.isPending}>Save impacts</button>
            <button type="button" className="btn btn-ghost" onClick={() => setDrafts(null)}>Cancel</button>
          </div>
        </form>
      )}
    </section>
  );
}
