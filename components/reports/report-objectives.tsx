import Link from "next/link";
import { TableScroll } from "@/components/ui/table-scroll";
import { formatPercent, tierLabel } from "@/components/format";
import { EmptyState } from "@/components/feedback/empty-state";
import { isServiceFailure } from "@/lib/dto/availability";
import type { ReportDto } from "@/lib/dto/reports";
import { formatDuration, plural } from "@/lib/domain/format";
import { SERVICE_SLO_NAME } from "@/lib/domain/slo";

const met = (v: boolean | null) => (v === null ? <span className="muted">no data</span> : v ? <span className="badge badge-success">met</span> : <span className="badge badge-danger">missed</span>);

/** The headline counts, as tiles. */
export function ReportHeadline({ report }: { report: ReportDto }) {
  const h = report.headline;
  const tiles: [string, number, string?][] = [
    ["Met their target", h.met, `of ${plural(h.services, "service")}`],
    ["Missed", h.missed, h.failed ? `${h.failed} could not be computed` : undefined],
    ["Incidents", h.incidents],
    ["Freezes", h.freezes],
    ["Risks realised", h.risksRealised],
    ["Action items closed", h.actionItemsClosed],
  ];
  return (
    <dl className="report-tiles">
      {tiles.map(([label, value, note]) => (
        <div key={label} className="card report-tile">
          <dt>{label}</dt>
          <dd>
            <span className="report-tile-value">{value}</span>
            {note && <span className="muted small"> {note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Each SLO against its target over the period, with the share of the period's budget it spent. */
export function ReportObjectives({ report }: { report: ReportDto }) {
  if (report.services.length === 0) {
    return (
      <EmptyState title="No services in this scope" action={<Link className="btn btn-secondary" href="/services">Go to services</Link>}>
        Add a service (or choose another scope) to see its objectives here.
      </EmptyState>
    );
  }
  return (
    <TableScroll label="Objectives">
      <table className="table report-table">
        <caption className="visually-hidden">Each SLO against its target in {report.name}</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">SLO</th>
            <th scope="col" className="num">Achieved</th>
            <th scope="col" className="num">Target</th>
            <th scope="col">Target met</th>
            <th scope="col" className="num">Budget spent</th>
            <th scope="col" className="num">Downtime</th>
          </tr>
        </thead>
        <tbody>
          {report.services.map((s) => {
            const p = s.period;
            const rows = [
              <tr key={s.slug}>
                <th scope="row" className="cell-title">
                  <Link href={`/services/${s.slug}`} prefetch={false}>{s.name}</Link>
                  <span className="muted small report-tier">{tierLabel(s.tier)}</span>
                </th>
                <td data-label="SLO">{SERVICE_SLO_NAME}</td>
                {isServiceFailure(p) ? (
                  <td colSpan={5} data-label="Figures"><span className="badge badge-danger">could not compute</span> {p.error.message}</td>
                ) : (
                  <>
                    <td className="num" data-label="Achieved">{p.availability === null ? <span className="muted">not measured yet</span> : formatPercent(p.availability, 3)}</td>
                    <td className="num" data-label="Target">{formatPercent(p.slo.target)}</td>
                    <td data-label="Target met">{met(p.metTarget)}</td>
                    <td className="num" data-label="Budget spent">{s.spent ? <span className={s.spent.shareOfBudget > 1 ? "text-danger" : undefined}>{formatPercent(s.spent.shareOfBudget, 1)}</span> : "—"}</td>
                    <td className="num" data-label="Downtime">{formatDuration(p.downtimeSeconds)}</td>
                  </>
                )}
              </tr>,
              ...s.slos.map((o) => (
                <tr key={o.id}>
                  <th scope="row" className="cell-title"><span className="visually-hidden">{s.name}: </span><span className="muted small">↳ {s.name}</span></th>
                  <td data-label="SLO">{o.name}</td>
                  <td className="num" data-label="Achieved">{o.sli === null ? <span className="muted">no data</span> : formatPercent(o.sli, 3)}</td>
                  <td className="num" data-label="Target">{formatPercent(o.target)}</td>
                  <td data-label="Target met">{met(o.metTarget)}</td>
                  <td className="num" data-label="Budget spent">{o.spentShare === null ? "—" : formatPercent(o.spentShare, 1)}</td>
                  <td className="num muted" data-label="Downtime">{o.unit === "seconds" ? "(as above)" : `in ${o.unit}`}</td>
                </tr>
              )),
            ];
            return rows;
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
