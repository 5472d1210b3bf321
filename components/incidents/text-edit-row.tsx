"use client";

import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Name } from "@/lib/schemas/common";

/**
 * One line of text on the incident page, shown with an "Edit" button that opens a small form in
 * place: checked here as the server checks it, its error beside the field. `clearLabel` offers
 * to remove the text (back to the default the page explains).
 */
export function TextEditRow({ id, label, value, shown, pending, serverError, onSave, clearLabel }: { id: string; label: string; value: string; shown?: ReactNode; pending: boolean; serverError?: string | undefined; onSave: (text: string | null, done: () => void) => void; clearLabel?: string }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // Keyboard and screen-reader users land in the field when it opens, and back on "Edit" when it closes.
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (!editing && wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  function save(e: FormEvent) {
    e.preventDefault();
    const parsed = Name.safeParse(text);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Not a title");
    setError(null);
    if (parsed.data === value) return setEditing(false);
    onSave(parsed.data, () => setEditing(false));
  }

  const shownError = error ?? serverError;
  return (
    <div className="details-row">
      <span className="details-label">{label}</span>
      {editing ? (
        <form className="details-title-form" onSubmit={save} noValidate>
          <label htmlFor={id} className="visually-hidden">{label}</label>
          <input id={id} autoFocus className="input" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={shownError ? true : undefined} aria-describedby={shownError ? `${id}-error` : undefined} />
          {shownError && <p id={`${id}-error`} className="field-error">{shownError}</p>}
          <div className="button-row">
            <button type="submit" className="btn btn-primary btn-small" disabled={pending}>Save {label.toLowerCase()}</button>
            {clearLabel && value && (
              <button type="button" className="btn btn-secondary btn-small" disabled={pending} onClick={() => onSave(null, () => setEditing(false))}>
                {clearLabel}
              </button>
            )}
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing(false)}>Cancel</button>
          </div>
        </form>
      ) : (
        <div className="details-controls">
          {shown}
          <button
            ref={editButton}
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => {
              setText(value);
              setError(null);
              setEditing(true);
            }}
          >
            Edit {label.toLowerCase()}
          </button>
        </div>
      )}
    </div>
  );
}
