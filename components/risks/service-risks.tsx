import Link from "next/link";
import type { RiskDto, ServiceRiskBudgetDto } from "@/lib/dto/risks";
import { EmptyState } from "@/components/feedback/empty-state";
import { RiskTable } from "./risk-table";
import { formatBadMinutes } from "./level-badge";

/**
 * A service's risks: its open register rows (worst first), and its yearly budget against what
 * its accepted risks are expected to cost, with what is left unallocated.
 */
export function ServiceRisks({ slug, name, risks, total, budget, timeZone, canEdit }: { slug: string; name: string; risks: RiskDto[]; total: number; budget: ServiceRiskBudgetDto; timeZone: string; canEdit: boolean }) {
  const over = budget.unallocatedMinutes < 0;
  return (
    <section aria-labelledby="risks-heading">
      <div className="section-head">
        <h2 id="risks-heading">
          Risks <span className="count">{total}</span>
        </h2>
        <span>
          <Link prefetch={false} href={`/risks?service=${slug}`}>All risks on {name}</Link>
          {canEdit && (
            <>
              {" · "}
              <Link prefetch={false} href={`/risks/new?service=${slug}`}>New risk</Link>
            </>
          )}
        </span>
      </div>
      <dl className="figure-row" aria-label="Yearly error budget and accepted risks">
        <div>
          <dt>Yearly error budget</dt>
          <dd>{formatBadMinutes(budget.yearlyBudgetMinutes)}</dd>
        </div>
        <div>
          <dt>Accepted risks cost</dt>
          <dd>
            {formatBadMinutes(budget.acceptedBadMinutes)} <span className="muted small">({budget.acceptedRisks} accepted{budget.withoutEstimates ? `, ${budget.withoutEstimates} without estimates left out` : ""})</span>
          </dd>
        </div>
        <div>
          <dt>Unallocated budget</dt>
          <dd className={over ? "share-unacceptable" : undefined}>
            {formatBadMinutes(budget.unallocatedMinutes)}
            {over && " — accepted risks alone overspend the budget"}
          </dd>
        </div>
      </dl>
      {risks.length > 0 ? (
        <RiskTable risks={risks} timeZone={timeZone} caption={`Open risks on ${name}, worst first`} />
      ) : (
        <EmptyState title="No open risks on this service">What could take {name} down? Add it to the register to score it and count it against the budget.</EmptyState>
      )}
    </section>
  );
}
