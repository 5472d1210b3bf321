import Link from "next/link";
import type { RiskDto } from "@/lib/dto/risks";
import { RISK_TREATMENT_LABELS } from "@/lib/domain/risk-rules";
import { BudgetShare } from "./budget-share";
import { LevelBadge } from "./level-badge";
import { ReviewDue } from "./review-due";

/** The register, sorted by the server (score, worst first, by default). */
export function RiskTable({ risks, timeZone, caption }: { risks: RiskDto[]; timeZone: string; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Risk</th>
            <th scope="col">Current level</th>
            <th scope="col">Service</th>
            <th scope="col">Owner</th>
            <th scope="col">Treatment</th>
            <th scope="col">Review due ({timeZone})</th>
            <th scope="col">Bad minutes a year</th>
          </tr>
        </thead>
        <tbody>
          {risks.map((r) => (
            <tr key={r.id} className={r.status === "closed" ? "row-archived" : undefined}>
              <td className="cell-title">
                <Link prefetch={false} href={`/risks/${r.reference}`}>
                  <span className="ref">{r.reference}</span> {r.title}
                </Link>
                {r.status === "closed" && <span className="badge">closed</span>}
              </td>
              <td className="nowrap">
                <LevelBadge level={r.current.level} score={r.current.score} cell={`${r.current.likelihood}${r.current.consequence}`} />
              </td>
              <td>{r.service ? <Link className="chip" prefetch={false} href={`/services/${r.service.slug}`}>{r.service.slug}</Link> : <span className="muted">cross-cutting</span>}</td>
              <td>{r.owner || <span className="muted">no owner</span>}</td>
              <td>{RISK_TREATMENT_LABELS[r.treatment]}</td>
              <td>
                <ReviewDue dueAt={r.reviewDueAt} overdue={r.reviewOverdue} timeZone={timeZone} />
              </td>
              <td>
                <BudgetShare q={r.quantitative} />
                {r.rankDisagreement && <p className="rank-note">⚠ {r.rankDisagreement}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
