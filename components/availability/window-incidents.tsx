import Link from "next/link";
import { formatPercent } from "@/components/format";
import { formatDuration } from "@/lib/domain/format";
import type { AvailabilitySummaryDto } from "@/lib/dto/availability";

/** Every incident active in the window, most downtime first: what each cost (attribution) and its share of the budget. */
export function WindowIncidents({ summary }: { summary: AvailabilitySummaryDto }) {
  if (summary.incidents.length === 0) return <p className="muted">No incidents in this window.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Incidents in this window, most downtime first</caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">Downtime it cost</th>
            <th scope="col" className="num">Share of the budget</th>
          </tr>
        </thead>
        <tbody>
          {summary.incidents.map((i) => (
            <tr key={i.id}>
              <td className="cell-title">
                {i.reference ? <Link prefetch={false} href={`/incidents/${i.reference}`}><span className="ref">{i.reference}</span> {i.title}</Link> : i.title}
              </td>
              <td>{i.kind === "maintenance" ? <span className="badge badge-maintenance">maintenance</span> : "unplanned"}</td>
              <td className="num">{i.downtimeSeconds > 0 ? formatDuration(i.downtimeSeconds) : "none counted"}</td>
              <td className={`num${i.budgetShare >= 0.25 ? " text-warning" : ""}`}>{formatPercent(i.budgetShare, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
