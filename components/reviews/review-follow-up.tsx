import Link from "next/link";
import { LevelBadge } from "@/components/risks/level-badge";
import type { ReviewDto, ReviewRiskDto } from "@/lib/dto/reviews";
import { ACTION_ITEM_STATUS_LABELS } from "@/lib/domain/action-items";
import { formatPercent } from "@/components/format";

/** Action items due this week or overdue, by owner. */
export function ReviewActionItems({ review }: { review: ReviewDto }) {
  const owners = [...new Set(review.actionItems.map((a) => a.owner || ""))].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)));
  if (owners.length === 0) return <p className="muted">Nothing was due this week, and nothing is overdue.</p>;
  return (
    <div className="owner-groups">
      {owners.map((owner) => (
        <div key={owner || "none"}>
          <h3>{owner || "No owner"}</h3>
          <ul className="plain-list">
            {review.actionItems.filter((a) => (a.owner || "") === owner).map((a) => (
              <li key={a.id}>
                {a.status === "done" ? <s>{a.title}</s> : a.title} <span className="muted">due {a.dueDate}</span>{" "}
                {a.overdue ? <span className="badge badge-danger">overdue</span> : <span className="badge">{ACTION_ITEM_STATUS_LABELS[a.status]}</span>}
                {a.incident && <> · <Link prefetch={false} href={`/incidents/${a.incident.reference}`}>{a.incident.reference}</Link></>}
                {a.risk && <> · <Link prefetch={false} href={`/risks/${a.risk.reference}`}>{a.risk.reference}</Link></>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function RiskList({ title, risks, extra }: { title: string; risks: ReviewRiskDto[]; extra?: (r: ReviewRiskDto) => string }) {
  return (
    <div>
      <h3>
        {title} <span className="count">{risks.length}</span>
      </h3>
      {risks.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list">
          {risks.map((r) => (
            <li key={r.id}>
              <Link prefetch={false} href={`/risks/${r.reference}`}><span className="ref">{r.reference}</span> {r.title}</Link> <LevelBadge level={r.level} score={r.score} />
              {extra && <span className="muted"> {extra(r)}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Risks: new this week, changed level, review overdue, unacceptable by the CRE threshold. */
export function ReviewRisks({ review }: { review: ReviewDto }) {
  const r = review.risks;
  return (
    <div className="review-risks">
      <RiskList title="New this week" risks={r.new} />
      <div>
        <h3>
          Changed level <span className="count">{r.changedLevel.length}</span>
        </h3>
        {r.changedLevel.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="plain-list">
            {r.changedLevel.map((x) => (
              <li key={x.id}>
                <Link prefetch={false} href={`/risks/${x.reference}`}><span className="ref">{x.reference}</span> {x.title}</Link> <LevelBadge level={x.from} /> → <LevelBadge level={x.to} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <RiskList title="Review overdue" risks={r.reviewOverdue} />
      <RiskList title="Unacceptable by the budget" risks={r.unacceptable} extra={(x) => (x.budgetShare === null ? "" : `${formatPercent(x.budgetShare, 1)} of its yearly budget`)} />
    </div>
  );
}
