import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { BudgetShare } from "@/components/risks/budget-share";
import { CalibrationTable } from "@/components/risks/calibration-table";
import { DeleteRisk } from "@/components/risks/delete-risk";
import { formatBadMinutes, LevelBadge } from "@/components/risks/level-badge";
import { RealisedIncidents } from "@/components/risks/realised-incidents";
import { ReviewPanel } from "@/components/risks/review-panel";
import { RiskActionItems } from "@/components/risks/risk-action-items";
import { RiskPath } from "@/components/risks/risk-path";
import { formatPercent } from "@/lib/domain/format";
import { RISK_ASSESSMENT_LABELS, RISK_ASSESSMENTS } from "@/lib/domain/risk-matrix";
import { RISK_TREATMENT_LABELS } from "@/lib/domain/risk-rules";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { NotFoundError } from "@/lib/server/errors";
import { listIncidents } from "@/lib/server/incidents-read";
import { getRiskDetail } from "@/lib/server/risk-detail";
import { getSettings } from "@/lib/server/settings";

type Params = { params: Promise<{ ref: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: decodeURIComponent((await params).ref).toUpperCase() };
}

const text = (s: string) => (s ? <p className="risk-text">{s}</p> : <span className="muted">not written yet</span>);

/** /risks/RISK-12: every field, the path across the matrix, reviews, what realised it, calibration. */
export default async function RiskPage({ params }: Params) {
  const actor = await requirePageActor();
  const ref = decodeURIComponent((await params).ref);
  const canEdit = roleAllows(actor.role, "editor");
  const [risk, settings] = await Promise.all([
    getRiskDetail(ref).catch((err: unknown) => {
      if (err instanceof NotFoundError) notFound();
      throw err;
    }),
    getSettings(),
  ]);
  const tz = settings.timeZone;
  // Type-ahead for linking: the service's recent incidents (or everyone's, for a cross-cutting risk).
  const options = canEdit ? (await listIncidents({ ...(risk.service ? { service: risk.service.slug } : {}), limit: 200 })).incidents.map((i) => ({ reference: i.reference, title: i.title })) : [];
  const q = risk.quantitative;
  return (
    <>
      <div className="page-header">
        <nav aria-label="Breadcrumb" className="crumbs">
          <ol>
            <li><Link href="/risks">Risks</Link></li>
          </ol>
        </nav>
        <div className="page-header-row">
          <div>
            <h1>
              <span className="muted">{risk.reference}</span> {risk.title}
            </h1>
            <div className="risk-facts">
              <LevelBadge level={risk.current.level} score={risk.current.score} cell={`${risk.current.likelihood}${risk.current.consequence}`} />
              <span className="badge">{risk.status === "open" ? "Open" : "Closed"}</span>
              <span className="badge">{RISK_TREATMENT_LABELS[risk.treatment]}</span>
              {risk.service ? <Link className="chip" href={`/services/${risk.service.slug}`}>{risk.service.slug}</Link> : <span className="muted">cross-cutting</span>}
              <span>Owner: {risk.owner || <span className="muted">none</span>}</span>
              {q.unacceptable && <span className="badge badge-danger">unacceptable by the budget</span>}
            </div>
          </div>
          {canEdit && (
            <div className="page-actions">
              <Link className="btn btn-primary" href={`/risks/${risk.reference}/edit`}>Edit risk</Link>
            </div>
          )}
        </div>
      </div>
      <div className="risk-grid">
        <div className="incident-main">
          <section className="card" aria-labelledby="assessments-heading">
            <h2 id="assessments-heading">Assessments</h2>
            <div className="assessment-summary">
              <RiskPath risk={risk} />
              <dl className="fact-list">
                {RISK_ASSESSMENTS.map((a) => (
                  <div key={a} style={{ display: "contents" }}>
                    <dt>{RISK_ASSESSMENT_LABELS[a]}</dt>
                    <dd><LevelBadge level={risk[a].level} score={risk[a].score} cell={`${risk[a].likelihood}${risk[a].consequence}`} /></dd>
                  </div>
                ))}
              </dl>
            </div>
          </section>
          <section className="card" aria-labelledby="what-heading">
            <h2 id="what-heading">Cause → event → consequence</h2>
            <dl className="fact-list">
              <dt>Cause</dt>
              <dd>{text(risk.cause)}</dd>
              <dt>Event</dt>
              <dd>{text(risk.event)}</dd>
              <dt>Consequence</dt>
              <dd>{text(risk.consequence)}</dd>
              <dt>Mitigation plan</dt>
              <dd>{text(risk.mitigationPlan)}</dd>
              <dt>Would monitoring detect it?</dt>
              <dd>{risk.monitoringDetects === null ? <span className="muted">not known</span> : risk.monitoringDetects ? "Yes" : "No"}</dd>
              {risk.treatment === "accept" && (
                <>
                  <dt>Accepted</dt>
                  <dd>by {risk.acceptedBy} until {risk.acceptedUntil ? `${formatDateTime(risk.acceptedUntil, tz)} ${tz}` : "—"}</dd>
                </>
              )}
              <dt>Identified</dt>
              <dd>{formatDateTime(risk.identifiedAt, tz)} {tz}</dd>
              {risk.description && (
                <>
                  <dt>Notes</dt>
                  <dd>{text(risk.description)}</dd>
                </>
              )}
            </dl>
          </section>
          <section className="card" aria-labelledby="budget-heading">
            <h2 id="budget-heading">Against the error budget</h2>
            <dl className="fact-list">
              <dt>Estimates</dt>
              <dd>
                ETTD {risk.ettdMinutes ?? "—"} min · ETTR {risk.ettrMinutes ?? "—"} min · ETTF {risk.ettfDays ?? "—"} days · impact {risk.impactFraction === null ? "—" : `${formatPercent(risk.impactFraction)} of its users`}
              </dd>
              <dt>Occurrences a year</dt>
              <dd>{q.occurrencesPerYear === null ? "—" : Number(q.occurrencesPerYear.toPrecision(4))}</dd>
              <dt>Bad minutes a year</dt>
              <dd><BudgetShare q={q} /></dd>
              <dt>Service&apos;s yearly budget</dt>
              <dd>{q.yearlyBudgetMinutes === null ? <span className="muted">none: cross-cutting</span> : formatBadMinutes(q.yearlyBudgetMinutes)}</dd>
            </dl>
            {risk.rankDisagreement && <p className="rank-note">⚠ {risk.rankDisagreement}</p>}
            <h3>Calibration</h3>
            <CalibrationTable risk={risk} />
          </section>
        </div>
        <div className="incident-side">
          <ReviewPanel risk={risk} canEdit={canEdit} timeZone={tz} />
          <RealisedIncidents risk={risk} canEdit={canEdit} timeZone={tz} options={options} />
          <RiskActionItems risk={risk} canEdit={canEdit} />
        </div>
      </div>
      {canEdit && <DeleteRisk id={risk.id} reference={risk.reference} />}
    </>
  );
}
