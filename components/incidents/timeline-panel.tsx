"use client";

import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { formatDateTime } from "@/components/format";
import { useAddTimelineEntry } from "@/lib/query/incidents";
import type { IncidentDetailDto } from "@/lib/query/types";
import { describeTimelineData, namesAuthor } from "./timeline-text";

const TYPE_LABELS: Record<string, string> = {
  detected: "Detected",
  acknowledged: "Acknowledged",
  mitigated: "Mitigated",
  resolved: "Resolved",
  update: "Update",
  status_change: "Status",
  note: "Note",
  severity_change: "Severity",
  title_change: "Title",
  kind_change: "Kind",
  role_change: "Role",
};

/**
 * Updates and notes typed into one box (Ctrl+Enter posts), above the timeline, newest first. The
 * box is read when posting, not mirrored in state: what someone types before the page has finished
 * loading is kept, not reset.
 */
export function TimelinePanel({ incident, timeZone, canEdit }: { incident: IncidentDetailDto; timeZone: string; canEdit: boolean }) {
  const add = useAddTimelineEntry(incident.reference);
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(null);
  const entries = [...incident.timeline].reverse();

  function post(event?: FormEvent) {
    event?.preventDefault();
    const element = form.current;
    if (!element) return;
    const data = new FormData(element);
    const message = String(data.get("message") ?? "");
    const type = data.get("type") === "note" ? "note" : "update";
    const isPublic = data.get("public") === "on";
    setError(null);
    if (!message.trim()) return setError("Required: say what happened");
    add.mutate(
      { type, message, public: isPublic },
      {
        onSuccess: () => element.reset(),
        onError: (e) => setError(e.issues[0]?.message ?? e.message),
      },
    );
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) post();
  }

  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline <span className="muted heading-note">times in {timeZone}</span></h2>
      {canEdit && (
        <form className="composer" onSubmit={post} ref={form}>
          <label htmlFor="timeline-message" className="visually-hidden">Update</label>
          <textarea
            id="timeline-message"
            name="message"
            className="input"
            rows={3}
            placeholder="What do you know now? What are you trying? (Ctrl+Enter posts)"
            defaultValue=""
            onKeyDown={onKeyDown}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "timeline-message-error" : undefined}
          />
          {error && <p id="timeline-message-error" className="field-error">{error}</p>}
          <p id="timeline-public-hint" className="field-hint">Entries are internal to the team unless marked public; a public update is what readers outside the team may see.</p>
          <div className="composer-row">
            <label htmlFor="timeline-type" className="visually-hidden">Kind of entry</label>
            <select id="timeline-type" name="type" className="input input-inline" defaultValue="update">
              <option value="update">Update</option>
              <option value="note">Note</option>
            </select>
            <span className="checkbox-field">
              <input id="timeline-public" name="public" type="checkbox" aria-describedby="timeline-public-hint" />
              <label htmlFor="timeline-public">Make it public</label>
            </span>
            <button type="submit" className="btn btn-primary" disabled={add.isPending} aria-busy={add.isPending || undefined}>Post</button>
          </div>
        </form>
      )}
      {entries.length === 0 ? (
        <p className="muted">Nothing on the timeline yet.</p>
      ) : (
        <ol className="timeline" aria-label="Timeline, newest first">
          {entries.map((e) => {
            // What Nines recorded (data) reads differently from what people typed: a "System"
            // mark in words, not colour alone; public updates carry their own mark. A milestone
            // someone posted with words of their own is theirs, not Nines'.
            const system = e.data !== null && !e.message;
            return (
              <li key={e.id} className={`timeline-entry timeline-${e.type}${system ? " timeline-system" : ""}${e.public ? " timeline-public" : ""}`}>
                <time dateTime={e.at} className="timeline-time">{formatDateTime(e.at, timeZone)}</time>
                <span className="timeline-marks">
                  <span className="badge timeline-type">{TYPE_LABELS[e.type] ?? e.type}</span>
                  {system && <span className="badge badge-system" title="Recorded by Nines">System</span>}
                  {e.public && <span className="badge badge-public" title="Readers outside the team may see this update">Public update</span>}
                </span>
                <div className="timeline-body">
                  {e.data && <p>{describeTimelineData(e.data, timeZone, e.author)}</p>}
                  {e.message && <p className="timeline-message">{e.message}</p>}
                  {e.author && !(e.data && namesAuthor(e.data)) && <p className="muted timeline-author">{e.author}</p>}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
