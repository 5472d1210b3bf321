import Link from "next/link";
import { formatDuration } from "@/lib/domain/format";
import { formatDateTime, formatPercent } from "@/components/format";
import type { IncidentDto } from "@/lib/query/types";
import { KindBadge, SeverityBadge, StatusBadge } from "./incident-badges";
import { LiveDuration } from "./live-duration";

export type IncidentRowCost = { service: string; downtimeSeconds: number }[];

/** The downtime an incident cost, service by service, largest first (the engine's attribution). */
function Downtime({ costs }: { costs: IncidentRowCost }) {
  const sorted = [...costs].sort((a, b) => b.downtimeSeconds - a.downtimeSeconds);
  if (sorted.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain-list">
      {sorted.slice(0, 3).map((c) => (
        <li key={c.service}>
          <span className="num-inline">{c.downtimeSeconds > 0 ? formatDuration(c.downtimeSeconds) : "none"}</span> <span className="muted">{c.service}</span>
        </li>
      ))}
      {sorted.length > 3 && <li className="muted">and {sorted.length - 3} more</li>}
    </ul>
  );
}

export function IncidentTable({ incidents, costs, timeZone, renderedAt, caption }: { incidents: IncidentDto[]; costs: Map<string, IncidentRowCost> | Record<string, IncidentRowCost>; timeZone: string; renderedAt: number; caption: string }) {
  const costOf = (id: string) => (costs instanceof Map ? costs.get(id) : costs[id]) ?? [];
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Severity, kind, status</th>
            <th scope="col">Services hit</th>
            <th scope="col">Started ({timeZone})</th>
            <th scope="col">Duration</th>
            <th scope="col">Downtime it cost</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id} className={i.ongoing ? "row-ongoing" : undefined}>
              <td className="cell-title">
                <Link prefetch={false} href={`/incidents/${i.reference}`}>
                  <span className="ref">{i.reference}</span> {i.title}
                </Link>
              </td>
              <td>
                <span className="badge-stack"><SeverityBadge severity={i.severity} /> <KindBadge kind={i.kind} /> <StatusBadge status={i.status} phase={i.phase} /></span>
              </td>
              <td>
                <ul className="chip-list" aria-label={`Services hit by ${i.reference}`}>
                  {i.impacts.map((impact) => (
                    <li key={impact.service}>
                      <Link className="chip" prefetch={false} href={`/services/${impact.service}`}>
                        {impact.service}
                        {impact.fraction < 1 && ` ${formatPercent(impact.fraction)}`}
                      </Link>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="nowrap">
                <time dateTime={i.startedAt}>{formatDateTime(i.startedAt, timeZone)}</time>
              </td>
              <td className="nowrap">
                {i.phase === "upcoming" ? (
                  <span className="muted">{i.resolvedAt ? `planned ${formatDuration(Math.round((Date.parse(i.resolvedAt) - Date.parse(i.startedAt)) / 1000))}` : "planned, no end set"}</span>
                ) : (
                  <LiveDuration since={i.startedAt} until={i.ongoing ? null : i.resolvedAt} renderedAt={renderedAt} prefix={i.ongoing ? "ongoing for " : ""} />
                )}
              </td>
              <td><Downtime costs={costOf(i.id)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
