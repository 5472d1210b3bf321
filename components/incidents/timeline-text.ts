import type { TimelineData } from "@/lib/domain/incident-history";
import { MILESTONE_LABELS } from "@/lib/domain/incident-lifecycle";
import { formatDateTime, formatPercent } from "@/components/format";

// The sentence for a timeline entry Nines wrote itself, from its data, in the organisation's
// zone. Presentation only: the server stores what happened, each reader gets it in words.

const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  severity: "Severity",
  kind: "Kind",
  startedAt: "Start of impact",
  source: "Source",
  externalId: "External id",
  summary: "Summary",
  rootCause: "Root cause",
  postmortem: "Postmortem",
};

const impactText = (i: { fraction: number; startedAt: string | null; endedAt: string | null }, timeZone: string) => {
  const share = i.fraction === 1 ? "full outage" : `${formatPercent(i.fraction)} of requests failing`;
  const own = [i.startedAt && `from ${formatDateTime(i.startedAt, timeZone)}`, i.endedAt && `until ${formatDateTime(i.endedAt, timeZone)}`].filter(Boolean).join(" ");
  return own ? `${share}, ${own}` : share;
};

export function describeTimelineData(data: TimelineData, timeZone: string): string {
  switch (data.kind) {
    case "opened":
      return `${data.reference} declared: impact began`;
    case "milestone":
      return data.was === null
        ? MILESTONE_LABELS[data.milestone]
        : `${MILESTONE_LABELS[data.milestone]} time corrected from ${formatDateTime(data.was, timeZone)} to ${formatDateTime(data.at, timeZone)}`;
    case "milestone_cleared":
      return `${MILESTONE_LABELS[data.milestone]} time cleared (was ${formatDateTime(data.was, timeZone)})`;
    case "status":
      return `Status changed from ${data.from} to ${data.to}`;
    case "field": {
      const show = (v: string | null) => (v === null || v === "" ? "nothing" : data.field === "startedAt" ? formatDateTime(v, timeZone) : `“${v}”`);
      return `${FIELD_LABELS[data.field] ?? data.field} changed from ${show(data.from)} to ${show(data.to)}`;
    }
    case "text":
      return `${FIELD_LABELS[data.field] ?? data.field} updated`;
    case "impact_added":
      return `${data.service} added: ${impactText(data.to, timeZone)}`;
    case "impact_changed":
      return `${data.service} changed from ${impactText(data.from, timeZone)} to ${impactText(data.to, timeZone)}`;
    case "impact_removed":
      return `${data.service} removed (was ${impactText(data.from, timeZone)})`;
  }
}
