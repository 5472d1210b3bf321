import Link from "next/link";
import { formatDateTime } from "@/components/format";
import type { ReportDto } from "@/lib/dto/reports";

/** Freezes of changes that overlapped the period, as they were stored when the budget policy froze them. */
export function ReportFreezes({ report }: { report: ReportDto }) {
  const tz = report.timeZone;
  if (report.freezes.length === 0) return <p className="muted">No service was frozen in {report.name}.</p>;
  return (
    <ul className="report-list">
      {report.freezes.map((f) => (
        <li key={f.id}>
          <strong>{f.service.name}</strong> frozen <time dateTime={f.startedAt}>{formatDateTime(f.startedAt, tz)}</time> to {f.endedAt ? <time dateTime={f.endedAt}>{formatDateTime(f.endedAt, tz)}</time> : "—"} ({tz}): {f.reason}
          {f.liftedAt && (
            <span className="muted">
              {" "}
              · lifted early by {f.liftedBy ?? "an admin"}: {f.liftReason}
            </span>
          )}
          {!f.endedAt && f.recoversAt && <span className="muted"> · recovers about {formatDateTime(f.recoversAt, tz)}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Risks that the period's incidents realised (the links made on the risk or the incident). */
export function ReportRisks({ report }: { report: ReportDto }) {
  if (report.risksRealised.length === 0) return <p className="muted">No incident of {report.name} is linked to a risk. Link one from the risk&rsquo;s page when an incident realises it.</p>;
  return (
    <ul className="report-list">
      {report.risksRealised.map((r) => (
        <li key={r.id}>
          <Link href={`/risks/${r.reference}`} prefetch={false}>
            <span className="ref">{r.reference}</span> {r.title}
          </Link>{" "}
          <span className="badge">{r.level} {r.score}</span>
          <span className="muted"> · by {r.incidents.join(", ")}</span>
        </li>
      ))}
    </ul>
  );
}

/** Action items marked done in the period. */
export function ReportActionItems({ report }: { report: ReportDto }) {
  const tz = report.timeZone;
  if (report.actionItemsClosed.length === 0) return <p className="muted">No action item was closed in {report.name}.</p>;
  return (
    <ul className="report-list">
      {report.actionItemsClosed.map((a) => (
        <li key={a.id}>
          <span aria-hidden="true">✓ </span>
          {a.title} <span className="muted">— {a.owner || "no owner"}{a.completedAt && <>, closed {formatDateTime(a.completedAt, tz)}</>}</span>
          {a.incident && (
            <>
              {" "}
              (<Link href={`/incidents/${a.incident.reference}`} prefetch={false}>{a.incident.reference}</Link>)
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
