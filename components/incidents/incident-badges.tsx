import type { IncidentKind, IncidentStatus, Severity } from "@/lib/domain/incident-lifecycle";
import { SEVERITY_MEANINGS } from "@/lib/domain/incident-lifecycle";

// State in colour and in words: every badge says its value, the colour only repeats it.

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge sev sev-${severity.toLowerCase()}`} title={SEVERITY_MEANINGS[severity]}>
      {severity}
    </span>
  );
}

const STATUS_CLASS: Record<IncidentStatus, string> = {
  investigating: "badge-danger",
  identified: "badge-warning",
  monitoring: "badge-info",
  resolved: "badge-success",
};

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <span className={`badge ${STATUS_CLASS[status]}`}>{status}</span>;
}

export function KindBadge({ kind }: { kind: IncidentKind }) {
  return kind === "maintenance" ? <span className="badge badge-maintenance" title="Planned maintenance">maintenance</span> : <span className="badge">unplanned</span>;
}
