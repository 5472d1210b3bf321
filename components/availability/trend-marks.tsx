"use client";

import { describeChange } from "@/components/charts/change-marks";
import { CHANGE_KIND_LABELS, CHANGE_KINDS } from "@/lib/domain/changes";
import type { ChangeLaneDto } from "@/lib/dto/changes";

/** "2 changes (1 deploy, 1 config change); frozen since …": what the marks say, in a sentence. */
export function marksHeadline(marks: ChangeLaneDto): string {
  const kinds = CHANGE_KINDS.map((k) => [k, marks.changes.filter((c) => c.kind === k).length] as const).filter(([, n]) => n > 0);
  const changes =
    marks.total === 0
      ? "No changes recorded in this period."
      : `${marks.total} ${marks.total === 1 ? "change" : "changes"} recorded in this period${marks.total > marks.changes.length ? ` (the latest ${marks.changes.length} drawn)` : ""}: ${kinds.map(([k, n]) => `${n} ${CHANGE_KIND_LABELS[k].toLowerCase()}${n === 1 ? "" : "s"}`).join(", ")}.`;
  const freezes = marks.freezes.length === 0 ? "" : ` Error-budget freezes: ${marks.freezes.map((f) => f.text).join("; ")}.`;
  return changes + freezes;
}

/** The marks as lists, under the trend's table: every drawn change and every freeze, in words. */
export function TrendMarksLists({ marks }: { marks: ChangeLaneDto }) {
  return (
    <div className="trend-marks-lists">
      <h3>Changes in this period</h3>
      {marks.changes.length === 0 ? (
        <p className="muted">None recorded. A pipeline records a deploy, a config change or a flag flip with POST /api/v1/changes.</p>
      ) : (
        <ol className="marks-list" aria-label="Changes in this period">
          {marks.changes.map((c) => (
            <li key={c.id}>
              {c.url ? <a href={c.url} rel="noreferrer">{describeChange(c, marks.timeZone)}</a> : describeChange(c, marks.timeZone)}
            </li>
          ))}
        </ol>
      )}
      {marks.total > marks.changes.length && <p className="muted small">The latest {marks.changes.length} of {marks.total}; the changes API lists them all.</p>}
      <h3>Error-budget freezes</h3>
      {marks.freezes.length === 0 ? (
        <p className="muted">None in this period.</p>
      ) : (
        <ul className="marks-list" aria-label="Error-budget freezes in this period">
          {marks.freezes.map((f) => (
            <li key={f.id}>
              {f.text[0]?.toUpperCase()}{f.text.slice(1)}. {f.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
