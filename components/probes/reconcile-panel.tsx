import { formatDateTime } from "@/components/format";
import type { ReconcileDto } from "@/lib/dto/probes";
import { formatDuration } from "@/lib/domain/format";

/** The probes' downtime beside the incident record's, and each stretch where they disagree. */
export function ReconcilePanel({ data, timeZone }: { data: ReconcileDto; timeZone: string }) {
  return (
    <>
      <dl className="figure-row">
        <div>
          <dt>Down by the probes</dt>
          <dd>{formatDuration(data.probe.downSeconds)}</dd>
        </div>
        <div>
          <dt>Down by the incident record</dt>
          <dd>{formatDuration(data.incidentDowntimeSeconds)}</dd>
        </div>
        <div>
          <dt>Nobody watching (unknown)</dt>
          <dd>{formatDuration(data.probe.unknownSeconds)}</dd>
        </div>
      </dl>
      {data.disagreements.length === 0 ? (
        <p className="muted">{data.probes === 0 ? "No probes: add one to compare what users would have seen with the incident record." : "The probes and the incident record agree over this window."}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Where the probes and the incidents disagree">
          <table className="table">
            <caption className="visually-hidden">Where the probes and the incidents disagree</caption>
            <thead>
              <tr>
                <th scope="col">From ({timeZone})</th>
                <th scope="col">To</th>
                <th scope="col" className="num">For</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {data.disagreements.map((d) => (
                <tr key={`${d.kind}-${d.from}`}>
                  <td className="nowrap">{formatDateTime(d.from, timeZone)}</td>
                  <td className="nowrap">{formatDateTime(d.to, timeZone)}</td>
                  <td className="num">{formatDuration(d.seconds)}</td>
                  <td>{d.kind === "probe_only" ? <strong className="text-danger">The probes saw an outage no incident records</strong> : "An incident records downtime while the probes saw the service up"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
