import type { IncidentKind, IncidentPhase, IncidentStatus, Severity } from "@/lib/domain/incident-lifecycle";
import { SEVERITY_MEANINGS, statusLabel } from "@/lib/domain/incident-lifecycle";

// State in colour and in words: every badge says its value, the colour only repeats it.

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge sev sev-${severity.toLowerCase()}`} title={SEVERITY_MEANINGS[severity]}>
      {severity}
    </span>
  );
}

const STATUS_CLASS: Record<IncidentStatus, string> = {
  scheduled: "badge-maintenance",
  investigating: "badge-danger",
  identified: "badge-warning",
  monitoring: "badge-info",
  resolved: "badge-success",
};

/** `phase`: a scheduled maintenance reads "scheduled", "in progress" or "completed" by the clock. */
export function StatusBadge({ status, phase }: { status: IncidentStatus; phase: IncidentPhase }) {
  return <span className={`badge ${status === "scheduled" && phase === "over" ? STATUS_CLASS.resolved : STATUS_CLASS[status]}`}>{statusLabel(status, phase)}</span>;
}

export function KindBadge({ kind }: { kind: IncidentKind }) {
  return kind === "maintenance" ? <span className="badge badge-maintenance" title="Planned maintenance">maintenance</span> : <span className="badge">unplanned</span>;
}
