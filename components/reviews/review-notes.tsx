"use client";

import { useState, type FormEvent } from "react";
import { z } from "zod";
import { DraftNote } from "@/components/forms/draft-note";
import { draftKey } from "@/components/forms/draft-storage";
import { FormAlert } from "@/components/forms/form-alert";
import { TextAreaField, TextField } from "@/components/forms/field";
import { isStaleVersion, ReloadLatest } from "@/components/forms/stale-version";
import { SubmitButton } from "@/components/forms/submit-button";
import { useDraft } from "@/components/forms/use-draft";
import { useFormErrors } from "@/components/forms/use-form-errors";
import { useUpdateReview } from "@/lib/query/reviews";
import { zodIssues } from "@/lib/schemas/issues";
import { ReviewUpdate } from "@/lib/schemas/review";

const FIELDS = ["notes", "attendees"] as const;
const DraftNotes = z.strictObject({ notes: z.string(), attendees: z.string() });

/** Notes and decisions (Markdown) and who attended, typed during the meeting; kept as a draft until saved. */
export function ReviewNotesForm({ week, notes, attendees, version }: { week: string; notes: string; attendees: string[]; version: number }) {
  const [text, setText] = useState(notes);
  const [people, setPeople] = useState(attendees.join(", "));
  const [saved, setSaved] = useState(false);
  const { errors, fieldId, showIssues, showApi, clear } = useFormErrors("review", FIELDS);
  const update = useUpdateReview(week);
  const kept = useDraft({
    key: draftKey("review", week, "notes"),
    label: "Review notes",
    value: { notes: text, attendees: people },
    saved: { notes, attendees: attendees.join(", ") },
    schema: DraftNotes,
    restore: (d) => {
      setText(d.notes);
      setPeople(d.attendees);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(false);
    const body = { notes: text, attendees: people.split(",").map((p) => p.trim()).filter(Boolean), version };
    const parsed = ReviewUpdate.safeParse(body);
    if (!parsed.success) return showIssues(zodIssues(parsed.error), null);
    update.mutate(parsed.data, {
      onSuccess: () => {
        // As the server keeps them (trimmed, one ", " between names), so the form is not dirty.
        const now = { notes: parsed.data.notes ?? "", attendees: (parsed.data.attendees ?? []).join(", ") };
        setText(now.notes);
        setPeople(now.attendees);
        kept.committed(now);
        setSaved(true);
      },
      onError: showApi,
    });
  }

  return (
    <form className="form no-print" onSubmit={submit} noValidate aria-label="Notes and attendees">
      <FormAlert message={errors.form} details={errors.details}>{isStaleVersion(update.error) && <ReloadLatest />}</FormAlert>
      <DraftNote
        show={kept.restored}
        what="notes"
        onDiscard={() => {
          kept.discard();
          setText(notes);
          setPeople(attendees.join(", "));
        }}
      />
      <TextAreaField id={fieldId("notes")} label="Notes and decisions" value={text} onChange={(e) => setText(e.target.value)} error={errors.fields.notes} rows={6} hint="Markdown. Decisions, owners, what to look at next week." />
      <TextField id={fieldId("attendees")} label="Attended" value={people} onChange={(e) => setPeople(e.target.value)} error={errors.fields.attendees} hint="Names, separated by commas." />
      <div className="button-row">
        <SubmitButton pending={update.isPending}>Save notes</SubmitButton>
        {saved && !update.isPending && <span role="status" className="muted">Saved.</span>}
      </div>
    </form>
  );
}
