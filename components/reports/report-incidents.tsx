import Link from "next/link";
import { TableScroll } from "@/components/ui/table-scroll";
import { formatDateTime, formatPercent } from "@/components/format";
import { SeverityBadge } from "@/components/incidents/incident-badges";
import type { ReportDto } from "@/lib/dto/reports";
import { formatDuration } from "@/lib/domain/format";
import type { Severity } from "@/lib/domain/incident-lifecycle";

const d = (s: number | null) => (s === null ? "—" : formatDuration(s));

/** The period's incidents and what each cost: downtime per service, and its share of the period's budget. */
export function ReportIncidents({ report }: { report: ReportDto }) {
  const tz = report.timeZone;
  if (report.incidents.length === 0) return <p className="muted">No incidents in {report.name}. Incidents logged for this period will show here with their cost.</p>;
  return (
    <TableScroll label="Incidents and their cost">
      <table className="table report-table">
        <caption className="visually-hidden">Incidents of {report.name} and their cost</caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Severity</th>
            <th scope="col">Started ({tz})</th>
            <th scope="col">Cost per service</th>
            <th scope="col" className="num">TTD</th>
            <th scope="col" className="num">TTR</th>
            <th scope="col">Postmortem</th>
          </tr>
        </thead>
        <tbody>
          {report.incidents.map((i) => (
            <tr key={i.id}>
              <th scope="row" className="cell-title">
                <Link href={`/incidents/${i.reference}`} prefetch={false}>
                  <span className="ref">{i.reference}</span> {i.title}
                </Link>
                {i.kind === "maintenance" && <span className="badge">maintenance</span>}
              </th>
              <td data-label="Severity"><SeverityBadge severity={i.severity as Severity} /></td>
              <td className="nowrap" data-label={`Started (${tz})`}><time dateTime={i.startedAt}>{formatDateTime(i.startedAt, tz)}</time></td>
              <td data-label="Cost per service">
                <ul className="plain-list">
                  {i.costs.map((c) => (
                    <li key={c.service}>
                      <strong>{c.service}</strong>: {formatDuration(c.downtimeSeconds)}
                      {c.periodBudgetShare !== null && <span className="muted"> · {formatPercent(c.periodBudgetShare, 1)} of the period&rsquo;s budget</span>}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="num" data-label="TTD">{d(i.ttdSeconds)}</td>
              <td className="num" data-label="TTR">{i.resolvedAt === null ? "ongoing" : d(i.ttrSeconds)}</td>
              <td data-label="Postmortem">{i.postmortemWritten ? <span className="badge badge-success">written</span> : <span className="badge badge-danger">missing</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Mean times per week (a month) or per month (a quarter, a year), for the unplanned incidents that started in each. */
export function ReportMttx({ report }: { report: ReportDto }) {
  const unit = report.mttx.unit;
  const label = (l: string) => l.replace(/^\w+:/, "");
  const cell = (s: { meanSeconds: number | null; count: number; excluded: number }) => (
    <>
      {d(s.meanSeconds)}
      {s.excluded > 0 && <span className="muted small"> ({s.excluded} left out)</span>}
    </>
  );
  return (
    <>
      <TableScroll label={`Mean times per ${unit}`}>
        <table className="table report-table">
          <caption className="visually-hidden">Mean times to detect, acknowledge, mitigate and resolve per {unit}</caption>
          <thead>
            <tr>
              <th scope="col">{unit === "week" ? "Week" : "Month"}</th>
              <th scope="col" className="num">Incidents</th>
              <th scope="col" className="num">To detect</th>
              <th scope="col" className="num">To acknowledge</th>
              <th scope="col" className="num">To mitigate</th>
              <th scope="col" className="num">To resolve</th>
            </tr>
          </thead>
          <tbody>
            {report.mttx.entries.map((e) => (
              <tr key={e.label}>
                <th scope="row">{label(e.label)}</th>
                <td className="num" data-label="Incidents">{e.incidentCount}</td>
                <td className="num" data-label="To detect">{cell(e.mttd)}</td>
                <td className="num" data-label="To acknowledge">{cell(e.mtta)}</td>
                <td className="num" data-label="To mitigate">{cell(e.mttm)}</td>
                <td className="num" data-label="To resolve">{cell(e.mttr)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted small">Unplanned incidents that started in each {unit}; an incident without the milestone a mean needs is left out of that mean.</p>
    </>
  );
}
