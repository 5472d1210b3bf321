import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatDateTime, tierLabel } from "@/components/format";
import { PageHeader } from "@/components/feedback/page-header";
import { EmptyState } from "@/components/feedback/empty-state";
import { parseReportPeriod, recentReportPeriods, reportPeriodLabel, reportPeriodName, type ReportPeriodKind } from "@/lib/domain/report-period";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { requestTime } from "@/lib/server/request-time";
import { organisationTimeZone } from "@/lib/server/availability-data";
import { listPublishedReports } from "@/lib/server/reports";
import { listServiceOptions } from "@/lib/server/services";
import { listTiers } from "@/lib/server/tiers";

export const metadata: Metadata = { title: "Reports" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

const CHOICES: [ReportPeriodKind, string, number][] = [
  ["month", "Months", 13],
  ["quarter", "Quarters", 8],
  ["year", "Years", 4],
];

/** /reports: choose a period and a scope (the form sends ?period=&scope= here, which opens it), and the published reports. */
export default async function ReportsPage({ searchParams }: Props) {
  await requirePageActor();
  const sp = await searchParams;
  const chosen = one(sp.period);
  const scope = one(sp.scope);
  // The picker's choice: a plain GET form works without JavaScript, and lands on the report.
  if (chosen && parseReportPeriod(chosen).ok && /^(|tier=\d{1,2}|service=[a-z0-9-]{2,64})$/.test(scope)) redirect(`/reports/${chosen}${scope ? `?${scope}` : ""}`);
  const [timeZone, tiers, services, published] = await Promise.all([organisationTimeZone(), listTiers(), listServiceOptions(), listPublishedReports()]);
  const now = requestTime();
  const periods = CHOICES.map(([kind, label, count]) => ({ kind, label, specs: recentReportPeriods(kind, count, now, timeZone) }));
  const lastMonth = periods[0]?.specs[1];
  return (
    <>
      <PageHeader
        title="Reports"
        description={`Monthly, quarterly and yearly availability reports for the organisation, a tier or a service, cut in ${timeZone}: each SLO against its target, incidents and their cost, mean times, freezes, risks realised and action items closed. Publish one to freeze it.`}
      />
      <section className="card report-picker" aria-labelledby="picker-heading">
        <h2 id="picker-heading">Open a report</h2>
        <form method="get" action="/reports" className="filters">
          <div className="field">
            <label htmlFor="report-period">Period</label>
            <select id="report-period" name="period" className="input" defaultValue={lastMonth ? reportPeriodLabel(lastMonth) : undefined}>
              {periods.map((g) => (
                <optgroup key={g.kind} label={g.label}>
                  {g.specs.map((s, i) => (
                    <option key={reportPeriodLabel(s)} value={reportPeriodLabel(s)}>
                      {reportPeriodName(s)}
                      {i === 0 ? " (so far)" : ""}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="report-scope">Scope</label>
            <select id="report-scope" name="scope" className="input" defaultValue="">
              <option value="">Whole organisation</option>
              <optgroup label="Tiers">
                {tiers.map((t) => (
                  <option key={t.id} value={`tier=${t.rank}`}>{tierLabel(t)}</option>
                ))}
              </optgroup>
              <optgroup label="Services">
                {services.map((s) => (
                  <option key={s.slug} value={`service=${s.slug}`}>{s.name}</option>
                ))}
              </optgroup>
            </select>
          </div>
          <button type="submit" className="btn btn-primary">Open report</button>
        </form>
        <p className="muted small">
          Or go straight to{" "}
          {periods.map((g, i) => {
            const previous = g.specs[1];
            return previous ? (
              <span key={g.kind}>
                {i > 0 && ", "}
                <Link href={`/reports/${reportPeriodLabel(previous)}`} prefetch={false}>{reportPeriodName(previous)}</Link>
              </span>
            ) : null;
          })}{" "}
          for the whole organisation.
        </p>
      </section>
      <section className="report-section" aria-labelledby="published-heading">
        <h2 id="published-heading">Published reports</h2>
        {published.length === 0 ? (
          <EmptyState title="No report has been published yet">Open the report of a period that is over and choose <strong>Publish report</strong> to freeze its figures for the record.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Published reports, latest first</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Scope</th>
                  <th scope="col">Published ({timeZone})</th>
                </tr>
              </thead>
              <tbody>
                {published.map((r) => {
                  const spec = parseReportPeriod(r.period);
                  return (
                    <tr key={`${r.period}-${r.scope}`}>
                      <th scope="row" className="cell-title">
                        <Link href={`/reports/${r.period}${r.scopeQuery ? `?${r.scopeQuery}` : ""}`} prefetch={false}>{spec.ok ? reportPeriodName(spec.spec) : r.period}</Link>
                      </th>
                      <td data-label="Scope">{r.scopeName}</td>
                      <td data-label={`Published (${timeZone})`}>{formatDateTime(r.publishedAt, timeZone)} by {r.publishedBy}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
