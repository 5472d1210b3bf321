import { formatPercent } from "@/components/format";
import type { RiskQuantitativeDto } from "@/lib/dto/risks";
import { formatBadMinutes } from "./level-badge";

/** Bad minutes a year and their share of the service's yearly budget, unacceptable said in words. */
export function BudgetShare({ q }: { q: RiskQuantitativeDto }) {
  if (q.badMinutesPerYear === null) return <span className="muted">no estimate</span>;
  return (
    <span className="budget-share">
      <span className="num-inline">{formatBadMinutes(q.badMinutesPerYear)}</span>
      {q.budgetShare !== null && (
        <>
          {" "}
          <span className={q.unacceptable ? "share-unacceptable" : "muted"}>
            {formatPercent(q.budgetShare, 1)} of budget{q.unacceptable ? ", unacceptable" : ""}
          </span>
        </>
      )}
      {q.budgetShare === null && <span className="muted"> (cross-cutting: no budget)</span>}
    </span>
  );
}
