import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { formatDateTime } from "@/components/format";
import { WidgetSkeleton } from "@/components/feedback/widget-skeleton";
import { ReportActions } from "@/components/reports/report-actions";
import { ReportActionItems, ReportFreezes, ReportRisks } from "@/components/reports/report-follow-up";
import { ReportIncidents, ReportMttx } from "@/components/reports/report-incidents";
import { ReportHeadline, ReportObjectives } from "@/components/reports/report-objectives";
import type { ReportDto } from "@/lib/dto/reports";
import { periodState, reportPeriodLabel, reportPeriodName, reportPeriodWindow, type ReportPeriodSpec } from "@/lib/domain/report-period";
import { shiftCalendarSpec } from "@/lib/domain/windows";
import { ReportScopeQuery } from "@/lib/schemas/report";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { requestTime } from "@/lib/server/request-time";
import { roleAllows } from "@/lib/server/auth/roles";
import { organisationTimeZone } from "@/lib/server/availability-data";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { reportForPage, reportPeriod, resolveScope } from "@/lib/server/reports";

type Params = { params: Promise<{ period: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** The period a path segment names (Next hands it encoded when it holds a colon), or null. */
function specOf(segment: string): ReportPeriodSpec | null {
  let text: string;
  try {
    text = decodeURIComponent(segment);
  } catch {
    return null; // a stray "%": no such page
  }
  try {
    return reportPeriod(text);
  } catch (err) {
    if (err instanceof ValidationError) return null;
    throw err;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const spec = specOf((await params).period);
  return { title: spec ? `Report ${reportPeriodName(spec)}` : "Report" };
}

/** A widget: its heading at once, its figures when the report is computed (one computation for all). */
function Widget({ id, title, report, render }: { id: string; title: string; report: Promise<ReportDto>; render: (r: ReportDto) => ReactNode }) {
  return (
    <section className="report-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <Suspense fallback={<WidgetSkeleton label={`Computing ${title.toLowerCase()}`} rows={3} />}>
        <Resolved report={report} render={render} />
      </Suspense>
    </section>
  );
}

async function Resolved({ report, render }: { report: Promise<ReportDto>; render: (r: ReportDto) => ReactNode }) {
  return render(await report);
}

/** /reports/month:2026-11[?tier=1 | ?service=checkout]: one period's report, printable, with its exports. */
export default async function ReportPage({ params, searchParams }: Params) {
  const actor = await requirePageActor();
  const sp = await searchParams;
  const q = ReportScopeQuery.safeParse({ tier: one(sp.tier), service: one(sp.service) });
  const spec = specOf((await params).period);
  if (!spec || !q.success) notFound();
  const [timeZone, scope] = await Promise.all([
    organisationTimeZone(),
    resolveScope(q.data).catch((err: unknown) => {
      if (err instanceof NotFoundError) notFound();
      throw err;
    }),
  ]);
  const window = reportPeriodWindow(spec, timeZone);
  // A period that has not begun has no report (the API answers 400).
  if (periodState(window, requestTime()) === "not_begun") notFound();
  const scopeQuery = scope.dto.kind === "org" ? "" : `${scope.dto.kind}=${scope.dto.reference}`;
  const report = reportForPage(reportPeriodLabel(spec), one(sp.tier), one(sp.service));
  report.catch(() => {}); // each widget awaits it; a failure reaches the error page through them
  const label = reportPeriodLabel(spec);
  const href = (s: ReportPeriodSpec) => `/reports/${reportPeriodLabel(s)}${scopeQuery ? `?${scopeQuery}` : ""}`;
  const previous = shiftCalendarSpec(spec, -1) as ReportPeriodSpec;
  const next = shiftCalendarSpec(spec, 1) as ReportPeriodSpec;
  const nextBegun = periodState(reportPeriodWindow(next, timeZone), requestTime()) !== "not_begun";
  const exportHref = (format: string) => `/api/v1/reports/${label}?format=${format}${scopeQuery ? `&${scopeQuery}` : ""}`;
  const scopeName = scope.dto.kind === "org" ? `${scope.dto.name}, every service` : scope.dto.kind === "tier" ? `Tier ${scope.dto.reference} · ${scope.dto.name}` : `${scope.dto.name} (${scope.dto.reference})`;
  const lastDay = formatDateTime(new Date(window.to - 1).toISOString(), timeZone).slice(0, 10);
  return (
    <>
      <div className="page-header">
        <nav aria-label="Breadcrumb" className="crumbs no-print">
          <ol>
            <li><Link href="/reports">Reports</Link></li>
          </ol>
        </nav>
        <div className="page-header-row">
          <div>
            <h1>Availability report {reportPeriodName(spec)}</h1>
            <p className="page-description">
              <strong>{scopeName}</strong> · {formatDateTime(new Date(window.from).toISOString(), timeZone).slice(0, 10)} to {lastDay} ({timeZone})
            </p>
            <Suspense fallback={<p className="muted">Computing the figures…</p>}>
              <Resolved report={report} render={(r) => <ReportStatus report={r} />} />
            </Suspense>
          </div>
          <div className="page-actions no-print">
            <a className="btn btn-secondary" href={exportHref("pdf")} download>PDF</a>
            <a className="btn btn-secondary" href={exportHref("markdown")} download>Markdown</a>
            <a className="btn btn-secondary" href={exportHref("csv")} download>CSV</a>
          </div>
        </div>
        <Suspense fallback={null}>
          <Resolved report={report} render={(r) => <ReportActions period={label} scope={scopeQuery} published={r.published !== null} complete={r.complete} canEdit={roleAllows(actor.role, "editor")} isAdmin={roleAllows(actor.role, "admin")} />} />
        </Suspense>
        <nav className="pager no-print" aria-label="Other periods">
          <Link className="btn btn-secondary" prefetch={false} href={href(previous)}>← {reportPeriodName(previous)}</Link>
          {nextBegun && <Link className="btn btn-secondary" prefetch={false} href={href(next)}>{reportPeriodName(next)} →</Link>}
        </nav>
      </div>
      <Suspense fallback={<WidgetSkeleton label="Computing the headline" rows={2} />}>
        <Resolved report={report} render={(r) => <ReportHeadline report={r} />} />
      </Suspense>
      <Widget id="objectives" title="Objectives" report={report} render={(r) => <ReportObjectives report={r} />} />
      <Widget id="incidents" title="Incidents and their cost" report={report} render={(r) => <ReportIncidents report={r} />} />
      <Widget id="mttx" title={`Mean times per ${spec.kind === "month" ? "week" : "month"}`} report={report} render={(r) => <ReportMttx report={r} />} />
      <Widget id="freezes" title="Freezes" report={report} render={(r) => <ReportFreezes report={r} />} />
      <Widget id="risks" title="Risks realised" report={report} render={(r) => <ReportRisks report={r} />} />
      <Widget id="action-items" title="Action items closed" report={report} render={(r) => <ReportActionItems report={r} />} />
    </>
  );
}

function ReportStatus({ report }: { report: ReportDto }) {
  const tz = report.timeZone;
  if (report.published) {
    return (
      <p className="alert alert-success report-status" role="status">
        <strong>Published</strong> {formatDateTime(report.published.publishedAt, tz)} by {report.published.publishedBy}: these figures are frozen as of {formatDateTime(report.published.snapshotAsOf, tz)} {tz}.
      </p>
    );
  }
  return (
    <p className="muted report-status">
      Not published · figures as of {formatDateTime(report.asOf, tz)} {tz}
      {report.complete ? "" : ". The period is still running: they will change until it is over."}
    </p>
  );
}
