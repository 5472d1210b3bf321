"use client";

import { isPostmortemOverdue, postmortemRequiredText } from "@/lib/domain/changes";

/**
 * The postmortem the error-budget policy requires, by when and why; once the date has passed with
 * no postmortem written it is overdue, said in words (not only by its colour).
 */
export function PostmortemRequired({ required, postmortem, timeZone, now }: { required: { dueAt: string; reason: string | null }; postmortem: string; timeZone: string; now: number }) {
  const dueAt = Date.parse(required.dueAt);
  const written = postmortem.trim() !== "";
  const overdue = isPostmortemOverdue({ dueAt, postmortem }, now);
  return (
    <p className={`postmortem-required${overdue ? " overdue" : ""}`} data-postmortem-required={overdue ? "overdue" : written ? "written" : "due"}>
      {overdue && <span className="overdue-tag">Overdue</span>}
      {postmortemRequiredText(dueAt, required.reason, timeZone)}
      {written ? " (written)" : overdue ? " — not written yet." : ""}
    </p>
  );
}
