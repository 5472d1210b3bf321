"use client";

import { useState } from "react";
import { z } from "zod";
import { DraftNote } from "@/components/forms/draft-note";
import { draftKey } from "@/components/forms/draft-storage";
import { useDraft } from "@/components/forms/use-draft";
import { Markdown } from "@/components/markdown";
import { usePatchIncident } from "@/lib/query/incidents";
import type { IncidentDetailDto } from "@/lib/query/types";
import { ConflictNote } from "./conflict-note";

type TextField = "summary" | "rootCause" | "postmortem";

const LABELS: Record<TextField, { title: string; empty: string; rows: number }> = {
  summary: { title: "Summary", empty: "No summary yet: what happened, in two sentences, for people who were not there.", rows: 4 },
  rootCause: { title: "Root cause", empty: "No root cause yet.", rows: 4 },
  postmortem: { title: "Postmortem", empty: "No postmortem yet. Insert the template to start one.", rows: 16 },
};

/** The usual headings of a blameless postmortem (Google SRE book, chapter 15), as a start. */
export const POSTMORTEM_TEMPLATE = `## Summary

## Impact
Who was affected, how, and for how long.

## Timeline
Key moments (the incident's timeline has the details).

## Root cause

## What went well

## What went wrong

## Where we got lucky

## Action items
Tracked below, each with an owner and a due date.
`;

const DraftText = z.string();

/**
 * One text: shown rendered; editors switch to a Markdown box with a preview. What is typed is
 * kept as a draft in this browser until it is saved, so it survives conflicts and navigations.
 */
function TextEditor({ incident, field, canEdit, timeZone }: { incident: IncidentDetailDto; field: TextField; canEdit: boolean; timeZone: string }) {
  const patch = usePatchIncident(incident.reference);
  const [draft, setDraft] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const label = LABELS[field];
  const id = `incident-${field}`;
  const error = patch.error && patch.error.status === 400 ? (patch.error.issues.find((i) => i.path === field)?.message ?? patch.error.message) : null;
  const kept = useDraft({
    key: draftKey("incident", incident.id, field),
    label: label.title,
    value: draft,
    saved: incident[field],
    schema: DraftText,
    restore: (text) => canEdit && setDraft(text),
  });

  function save() {
    if (draft === null) return;
    patch.mutate({ version: incident.version, [field]: draft }, {
      onSuccess: () => {
        kept.committed(null);
        setDraft(null);
      },
    });
  }

  return (
    <section className="card text-card" aria-labelledby={`${id}-heading`}>
      <div className="section-head">
        <h2 id={`${id}-heading`}>{label.title}</h2>
        {canEdit && draft === null && (
          <button type="button" className="btn btn-secondary btn-small" onClick={() => { setDraft(incident[field]); setPreview(false); }}>
            Edit<span className="visually-hidden"> {label.title.toLowerCase()}</span>
          </button>
        )}
      </div>
      {draft === null ? (
        incident[field] ? <Markdown>{incident[field]}</Markdown> : <p className="muted">{label.empty}</p>
      ) : (
        <div className="stack-small">
          <DraftNote show={kept.restored} what={label.title.toLowerCase()} onDiscard={() => { kept.discard(); setDraft(null); }} />
          <ConflictNote error={patch.error} timeZone={timeZone} kept="your text is kept below" />
          <div className="segmented" role="group" aria-label={`${label.title}: write or preview`}>
            <button type="button" className="segmented-button" aria-pressed={!preview} onClick={() => setPreview(false)}>Write</button>
            <button type="button" className="segmented-button" aria-pressed={preview} onClick={() => setPreview(true)}>Preview</button>
          </div>
          {preview ? (
            <div className="preview">{draft ? <Markdown>{draft}</Markdown> : <p className="muted">Nothing to preview.</p>}</div>
          ) : (
            <div className={`field${error ? " field-invalid" : ""}`}>
              <label htmlFor={id}>{label.title} (Markdown)</label>
              <textarea id={id} className="input mono-input" rows={label.rows} value={draft} onChange={(e) => setDraft(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
              {error && <p id={`${id}-error`} className="field-error">{error}</p>}
            </div>
          )}
          <div className="button-row">
            <button type="button" className="btn btn-primary" disabled={patch.isPending} aria-busy={patch.isPending || undefined} onClick={save}>
              Save<span className="visually-hidden"> {label.title.toLowerCase()}</span>
            </button>
            {field === "postmortem" && (
              <button type="button" className="btn btn-secondary" onClick={() => setDraft((d) => (d ? `${d.trimEnd()}\n\n${POSTMORTEM_TEMPLATE}` : POSTMORTEM_TEMPLATE))}>
                Insert postmortem template
              </button>
            )}
            <button type="button" className="btn btn-ghost" onClick={() => { kept.discard(); setDraft(null); }}>Cancel</button>
          </div>
        </div>
      )}
    </section>
  );
}

export function IncidentTexts(props: { incident: IncidentDetailDto; canEdit: boolean; timeZone: string }) {
  return (
    <>
      <TextEditor {...props} field="summary" />
      <TextEditor {...props} field="rootCause" />
      <TextEditor {...props} field="postmortem" />
    </>
  );
}
