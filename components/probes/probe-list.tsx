import Link from "next/link";
import { formatDateTime, formatPercent } from "@/components/format";
import type { ProbeDto } from "@/lib/dto/probes";
import { formatDuration } from "@/lib/domain/format";
import { TableScroll } from "@/components/ui/table-scroll";
import { ProbeState } from "./probe-state";

/** Each probe: its state, last run and latency, and what it saw over the last 24 hours. */
export function ProbeList({ probes, timeZone }: { probes: ProbeDto[]; timeZone: string }) {
  return (
    // Focusable: on a phone the table scrolls sideways, and keyboard users must be able to scroll it.
    <TableScroll label="Probes">
      <table className="table">
        <caption className="visually-hidden">Probes and what they saw</caption>
        <thead>
          <tr>
            <th scope="col">Probe</th>
            <th scope="col">State</th>
            <th scope="col">Last run ({timeZone})</th>
            <th scope="col" className="num">Latency</th>
            <th scope="col">Last 24 hours</th>
          </tr>
        </thead>
        <tbody>
          {probes.map((p) => (
            <tr key={p.id}>
              <td className="cell-title">
                <code>{p.method} {p.url}</code>
                <div className="muted small">
                  every {formatDuration(p.intervalSeconds)}, expects {p.expectedStatus}
                  {p.expectText ? ` and “${p.expectText}”` : ""}; incident after {p.failuresToOpen} failures{p.enabled ? "" : " · disabled"}
                </div>
              </td>
              <td>
                <ProbeState state={p.state} />
                {p.openIncident && (
                  <div>
                    <Link prefetch={false} href={`/incidents/${p.openIncident.reference}`}>{p.openIncident.reference}</Link> open
                  </div>
                )}
              </td>
              <td className="nowrap">
                {p.lastRun ? (
                  <>
                    <time dateTime={p.lastRun.at}>{formatDateTime(p.lastRun.at, timeZone)}</time> {p.lastRun.ok ? "ok" : <strong className="text-danger">failed ({p.lastRun.error ?? p.lastRun.status})</strong>}
                  </>
                ) : (
                  <span className="muted">not run yet</span>
                )}
              </td>
              <td className="num">{p.lastRun ? `${p.lastRun.latencyMs} ms` : "—"}</td>
              <td>
                {p.last24h === null ? (
                  <span className="muted">—</span>
                ) : (
                  <>
                    {p.last24h.uptime === null ? <span className="muted">nothing seen</span> : <>{formatPercent(p.last24h.uptime, 3)} up</>}
                    <div className="muted small">
                      down {formatDuration(p.last24h.downSeconds)} · unknown {formatDuration(p.last24h.unknownSeconds)}
                    </div>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
