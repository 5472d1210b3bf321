import { severityDirection, type TimelineData } from "@/lib/domain/incident-history";
import { MILESTONE_LABELS, type Severity } from "@/lib/domain/incident-lifecycle";
import { roleLabel, type RoleHolder } from "@/lib/domain/incident-roles";
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

const holderText = (h: RoleHolder) => (h.user === null ? `${h.name} (no account)` : h.name);

/** Whether describeTimelineData names the author (a change someone made), so the page does not repeat them. */
export const namesAuthor = (data: TimelineData) => data.kind === "field" || data.kind === "status" || data.kind === "role";

/** Changes a person made are said with who made them: "Severity raised from SEV3 to SEV1 by Ada". */
export function describeTimelineData(data: TimelineData, timeZone: string, author = ""): string {
  const text = sentence(data, timeZone);
  return author && namesAuthor(data) ? `${text} by ${author}` : text;
}

function sentence(data: TimelineData, timeZone: string): string {
  switch (data.kind) {
    case "opened":
      return `${data.reference} declared: impact began`;
    case "scheduled":
      return `${data.reference} scheduled: planned maintenance${data.plannedEnd ? `, planned to end ${formatDateTime(data.plannedEnd, timeZone)}` : ""}`;
    case "planned_end":
      if (data.at === null) return `Planned end cleared (was ${data.was ? formatDateTime(data.was, timeZone) : "not set"})`;
      return data.was === null ? `Planned end set to ${formatDateTime(data.at, timeZone)}` : `Planned end moved from ${formatDateTime(data.was, timeZone)} to ${formatDateTime(data.at, timeZone)}`;
    case "milestone":
      return data.was === null
        ? MILESTONE_LABELS[data.milestone]
        : `${MILESTONE_LABELS[data.milestone]} time corrected from ${formatDateTime(data.was, timeZone)} to ${formatDateTime(data.at, timeZone)}`;
    case "milestone_cleared":
      return `${MILESTONE_LABELS[data.milestone]} time cleared (was ${formatDateTime(data.was, timeZone)})`;
    case "status":
      return `Status changed from ${data.from} to ${data.to}`;
    case "field": {
      if (data.field === "severity" && data.from && data.to) {
        const direction = severityDirection(data.from as Severity, data.to as Severity);
        return `Severity ${direction === "unchanged" ? "changed" : direction} from ${data.from} to ${data.to}`;
      }
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
    case "role": {
      const role = roleLabel(data.role);
      if (data.from === null && data.to !== null) return `${role}: ${holderText(data.to)} assigned`;
      if (data.from !== null && data.to === null) return `${role}: ${holderText(data.from)} no longer holds it`;
      if (data.from !== null && data.to !== null) return `${role}: handed from ${holderText(data.from)} to ${holderText(data.to)}`;
      return `${role} unchanged`;
    }
  }
}
