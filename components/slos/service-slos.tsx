import Link from "next/link";
import { budgetLeftText, describeWindowLabel, formatPercent, formatWindow } from "@/components/format";
import { formatDuration } from "@/lib/domain/format";
import { TableScroll } from "@/components/ui/table-scroll";
import { BURN_STATE_LABELS } from "@/lib/domain/burn-state";
import { describeSli, unitWord } from "@/lib/domain/slo";
import type { SloAvailabilityDto, SloReconcileDto } from "@/lib/dto/slos";

const figure = (n: number) => (Number.isInteger(n) ? n.toLocaleString("en-GB") : n.toLocaleString("en-GB", { maximumFractionDigits: 1 }));

function Budget({ f }: { f: SloAvailabilityDto }) {
  const b = f.errorBudget;
  if (!b) return <span className="muted">No data yet</span>;
  const amount = f.unit === "seconds" ? `${formatDuration(b.remaining)} of ${formatDuration(b.allowed)}` : `${figure(b.remaining)} of ${figure(b.allowed)} ${unitWord(f.unit, b.allowed)}`;
  return (
    <>
      <span className={b.overspent ? "text-danger" : undefined}>{budgetLeftText(b.remainingRatio)}</span>
      <span className="inherited">{amount}</span>
    </>
  );
}

/**
 * Every SLO of a service with its figures over its own window, in its own unit: the service's own
 * (from the incident record, the figures above) first, then the ones measured by probes and
 * Prometheus. Unknown time is shown, never counted good or bad.
 */
export function ServiceSlos({ slug, figures, total, beside, probeUrls }: { slug: string; figures: SloAvailabilityDto[]; total: number; beside: SloReconcileDto[]; probeUrls: Record<string, string> }) {
  return (
    <section className="card" aria-labelledby="slos-heading">
      <div className="section-head">
        <h2 id="slos-heading">SLOs</h2>
        <span className="muted">{total === 1 ? "1 SLO" : `${total} SLOs`}{total > figures.length ? `, the first ${figures.length} shown` : ""}</span>
      </div>
      {figures.length <= 1 && (
        <p className="muted">
          Only its own, from the incident record. Add objectives measured by its probes or by Prometheus through the API (<code>POST /api/v1/services/{slug}/slos</code>) or an OpenSLO import.
        </p>
      )}
      <TableScroll label="SLOs">
        <table className="table slo-table">
          <caption className="visually-hidden">The SLOs of this service, each over its own window</caption>
          <thead>
            <tr>
              <th scope="col">SLO</th>
              <th scope="col">Objective</th>
              <th scope="col" className="num">SLI</th>
              <th scope="col">Error budget</th>
              <th scope="col">Burn</th>
              <th scope="col" className="num">Unknown</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => {
              const s = f.slo;
              const sli = s.sli.source === "probe" ? { ...s.sli, url: probeUrls[s.sli.probe] ?? null } : s.sli.source === "prometheus" ? { ...s.sli, datasource: s.sli.datasource.name } : s.sli;
              return (
                <tr key={s.id}>
                  <th scope="row" className="cell-title">
                    <strong>{s.name}</strong>
                    <span className="inherited">{describeSli(sli)}</span>
                    {s.description && !s.isServiceObjective && <span className="inherited">{s.description}</span>}
                    {s.ingestion?.error && <span className="inherited text-warning">Not read: {s.ingestion.error}</span>}
                  </th>
                  <td>
                    {formatPercent(s.target)} <span className="inherited">{formatWindow(s.window).toLowerCase()}</span>
                  </td>
                  <td className="num">
                    {f.sli === null ? <span className="muted">No data</span> : formatPercent(f.sli, 3)}
                    {f.metTarget === false && <span className="inherited">below target</span>}
                  </td>
                  <td><Budget f={f} /></td>
                  <td>{f.burnState ? <span className={`badge state-badge state-${f.burnState}`}>{BURN_STATE_LABELS[f.burnState]}</span> : <span className="muted">Unknown</span>}</td>
                  <td className="num">{f.unknownSeconds > 0 ? formatDuration(f.unknownSeconds) : <span className="muted">none</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {beside.length > 0 && (
        <div className="stack-small" style={{ marginTop: "1rem" }}>
          <h3 id="logged-measured-heading">Logged against measured</h3>
          <p className="muted">Over {describeWindowLabel(beside[0]?.window.label ?? "")}: what each measured SLO saw beside the incident record. Time it did not measure counts on neither side.</p>
          <ul className="plain-list" aria-labelledby="logged-measured-heading">
            {beside.map((r) => (
              <li key={r.slo.id}>
                <strong>{r.slo.name}</strong>:{" "}
                {r.measuredOnlySeconds === 0 && r.incidentOnlySeconds === 0 ? (
                  "agrees with the incident record"
                ) : (
                  <>
                    {r.measuredOnlySeconds > 0 ? <span className="text-warning">{formatDuration(r.measuredOnlySeconds)} bad with no incident</span> : "nothing bad left unlogged"}
                    {" · "}
                    {r.incidentOnlySeconds > 0 ? `${formatDuration(r.incidentOnlySeconds)} of incidents it saw as good` : "every incident confirmed where it measured"}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted"><Link href={`/api/v1/services/${slug}/slos`} prefetch={false}>The SLOs as JSON</Link> · figures of one SLO at <code>/api/v1/slos/&#123;id&#125;/availability</code></p>
    </section>
  );
}
