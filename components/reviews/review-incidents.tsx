import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { SeverityBadge } from "@/components/incidents/incident-badges";
import type { ReviewIncidentDto } from "@/lib/dto/reviews";
import { formatDuration } from "@/lib/domain/format";
import type { Severity } from "@/lib/domain/incident-lifecycle";

const d = (s: number | null) => (s === null ? "—" : formatDuration(s));

/** The week's incidents: what, how bad, how long, how fast found and fixed, postmortem or not. */
export function ReviewIncidents({ incidents, timeZone, changed }: { incidents: ReviewIncidentDto[]; timeZone: string; changed: Set<string> }) {
  if (incidents.length === 0) return <p className="muted">No incidents this week.</p>;
  return (
    <div className="table-wrap">
      <table className="table review-table">
        <caption className="visually-hidden">Incidents of the week</caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Severity</th>
            <th scope="col">Services</th>
            <th scope="col">Started ({timeZone})</th>
            <th scope="col" className="num">Duration</th>
            <th scope="col" className="num">TTD</th>
            <th scope="col" className="num">TTR</th>
            <th scope="col">Postmortem</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id}>
              <td className="cell-title">
                <Link href={`/incidents/${i.reference}`} prefetch={false}>
                  <span className="ref">{i.reference}</span> {i.title}
                </Link>
                {i.kind === "maintenance" && <span className="badge">maintenance</span>}
                {changed.has(i.reference) && <span className="badge badge-warning">changed since the review</span>}
              </td>
              <td data-label="Severity"><SeverityBadge severity={i.severity as Severity} /></td>
              <td data-label="Services">{i.services.join(", ")}</td>
              <td className="nowrap" data-label={`Started (${timeZone})`}><time dateTime={i.startedAt}>{formatDateTime(i.startedAt, timeZone)}</time></td>
              <td className="num" data-label="Duration">{i.resolvedAt === null ? "ongoing" : d(i.durationSeconds)}</td>
              <td className="num" data-label="TTD">{d(i.ttdSeconds)}</td>
              <td className="num" data-label="TTR">{d(i.ttrSeconds)}</td>
              <td data-label="Postmortem">{i.postmortemWritten ? <span className="badge badge-success">written</span> : <span className="badge badge-danger">missing</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
