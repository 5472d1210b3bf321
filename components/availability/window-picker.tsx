"use client";

import { useState, type FormEvent } from "react";
import { fromOrgInputValue, toOrgInputValue } from "@/components/forms/org-datetime";
import type { AvailabilityView } from "@/lib/query/availability";

export type WindowPreset = { label: string | null; name: string };

/**
 * Which window the figures are for (the SLO's own by default, a calendar period, the last 30 days
 * or any range) and as of when; both go into the URL in the API's notation (`?window=&asOf=`), so a
 * link reproduces exactly the same figures.
 */
export function WindowPicker({ presets, view, timeZone, onChange }: { presets: WindowPreset[]; view: AvailabilityView; timeZone: string; onChange: (change: Partial<AvailabilityView>) => void }) {
  const custom = view.window?.startsWith("range:") ?? false;
  const [showRange, setShowRange] = useState(custom);
  const [error, setError] = useState<string | null>(null);
  const [rangeFrom, rangeTo] = custom ? (view.window as string).slice(6).split("/") : [null, null];

  function applyRange(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const from = fromOrgInputValue(String(data.get("from")), timeZone);
    const to = fromOrgInputValue(String(data.get("to")), timeZone);
    if (!from || !to) return setError("Enter both a start and an end");
    if (to <= from) return setError("The end must be after the start");
    setError(null);
    onChange({ window: `range:${from}/${to}` });
  }

  function applyAsOf(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const at = fromOrgInputValue(String(new FormData(e.currentTarget).get("asOf")), timeZone);
    onChange({ asOf: at });
  }

  return (
    <div className="window-picker">
      <div className="segmented" role="group" aria-label="Window">
        {presets.map((p) => (
          <button key={p.name} type="button" className="segmented-button" aria-pressed={!showRange && view.window === p.label} onClick={() => { setShowRange(false); onChange({ window: p.label }); }}>
            {p.name}
          </button>
        ))}
        <button type="button" className="segmented-button" aria-pressed={showRange} onClick={() => setShowRange(true)}>Range…</button>
      </div>
      {showRange && (
        <form className="inline-form" onSubmit={applyRange} aria-label="Custom range">
          <div className="field">
            <label htmlFor="range-from">From ({timeZone})</label>
            <input id="range-from" name="from" type="datetime-local" className="input" defaultValue={rangeFrom ? toOrgInputValue(rangeFrom, timeZone) : ""} />
          </div>
          <div className="field">
            <label htmlFor="range-to">To ({timeZone})</label>
            <input id="range-to" name="to" type="datetime-local" className="input" defaultValue={rangeTo ? toOrgInputValue(rangeTo, timeZone) : ""} aria-describedby={error ? "range-error" : undefined} />
          </div>
          <button type="submit" className="btn btn-secondary">Show range</button>
          {error && <p id="range-error" className="field-error" role="alert">{error}</p>}
        </form>
      )}
      <form className="inline-form" onSubmit={applyAsOf} aria-label="As of">
        <div className="field">
          <label htmlFor="as-of">As of ({timeZone})</label>
          <input id="as-of" name="asOf" type="datetime-local" className="input" key={view.asOf ?? "now"} defaultValue={view.asOf ? toOrgInputValue(view.asOf, timeZone) : ""} />
        </div>
        <button type="submit" className="btn btn-secondary">Apply</button>
        {view.asOf && <button type="button" className="btn btn-ghost" onClick={() => onChange({ asOf: null })}>Now</button>}
      </form>
    </div>
  );
}
