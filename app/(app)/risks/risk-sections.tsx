import Link from "next/link";
import { cache, type CSSProperties } from "react";
import { formatPercent } from "@/components/format";
import { HeatMap } from "@/components/risks/heat-map";
import { StackRank } from "@/components/risks/stack-rank";
import { levelInfo, RISK_ASSESSMENT_LABELS, RISK_ASSESSMENTS, RISK_LEVELS } from "@/lib/domain/risk-matrix";
import type { RiskListQuery } from "@/lib/schemas/risk";
import { listRisks, riskMatrix } from "@/lib/server/risks-read";

type Scope = Omit<RiskListQuery, "cell" | "level" | "sort">;
type Href = (extra: Record<string, string | null>) => string;

// Each section of /risks reads on its own (its own Suspense boundary); both start at once, and the
// full list under the filters is read once per render for the counts and the stack rank alike.
const everyRisk = cache((key: string) => listRisks(JSON.parse(key) as Scope, null));
const matrixOf = cache((key: string) => riskMatrix(JSON.parse(key) as Scope));
const keyOf = (scope: Scope) => JSON.stringify(scope);

/**
 * Starts both reads before the sections render. The sections await these same cached promises, so
 * a failure reaches their error boundary there; the catch only keeps this unawaited copy from
 * being reported as unhandled.
 */
export function preloadSections(scope: Scope): void {
  everyRisk(keyOf(scope)).catch(() => {});
  matrixOf(keyOf(scope)).catch(() => {});
}

/** Counts per level (each filters the register), overdue and unacceptable counts, and the heat map. */
export async function MatrixSection({ scope, cell, levelFilter, overdueFilter, href }: { scope: Scope; cell: string | null; levelFilter: string; overdueFilter: boolean; href: Href }) {
  const [matrix, all] = await Promise.all([matrixOf(keyOf(scope)), everyRisk(keyOf(scope))]);
  const assessment = scope.assessment ?? "current";
  const overdue = all.risks.filter((r) => r.reviewOverdue).length;
  const unacceptable = all.risks.filter((r) => r.quantitative.unacceptable).length;
  return (
    <>
      <ul className="state-counts" aria-label="Open risks per level">
        {[...RISK_LEVELS].reverse().map((l) => (
          <li key={l}>
            <Link prefetch={false} href={href({ level: levelFilter === l ? null : l, cell: null, cursor: null })} className="state-count risk-count" style={{ "--level": levelInfo(l).colour } as CSSProperties} aria-current={levelFilter === l ? "true" : undefined}>
              <span className="state-count-value">{matrix.levels[l]}</span>
              <span className="state-count-label">{l}</span>
            </Link>
          </li>
        ))}
        <li>
          <Link prefetch={false} href={href({ overdue: overdueFilter ? null : "true", cursor: null })} className="state-count risk-count-overdue" aria-current={overdueFilter ? "true" : undefined}>
            <span className="state-count-value">{overdue}</span>
            <span className="state-count-label">Review overdue</span>
          </Link>
        </li>
        <li>
          <span className="state-count risk-count-unacceptable">
            <span className="state-count-value">{unacceptable}</span>
            <span className="state-count-label">Unacceptable by the budget</span>
          </span>
        </li>
      </ul>
      <section aria-labelledby="matrix-heading" className="risk-matrix-section">
        <div className="section-head">
          <h2 id="matrix-heading">Heat map</h2>
          <nav aria-label="Assessment" className="segmented">
            {RISK_ASSESSMENTS.map((a) => (
              <Link key={a} href={href({ assessment: a, cell: null, cursor: null })} aria-current={a === assessment ? "page" : undefined}>
                {RISK_ASSESSMENT_LABELS[a]}
              </Link>
            ))}
          </nav>
        </div>
        <HeatMap matrix={matrix} selected={cell} hrefFor={(c) => href({ cell: c, cursor: null })} />
      </section>
    </>
  );
}

/** The CRE stack rank beside the matrix rank. */
export async function StackSection({ scope, threshold, page, pageHref }: { scope: Scope; threshold: number; page: number; pageHref: (page: number) => string }) {
  const all = await everyRisk(keyOf(scope));
  return (
    <section aria-labelledby="stack-heading">
      <div className="section-head">
        <h2 id="stack-heading">Stack rank by bad minutes</h2>
      </div>
      <p className="muted">
        The CRE method ranks risks by the minutes of bad service they are expected to cost a year; the matrix ranks them by score. A risk costing more than {formatPercent(threshold)} of its service&apos;s yearly budget is unacceptable whatever its cell.
      </p>
      <StackRank risks={all.risks} page={page} pageHref={pageHref} />
    </section>
  );
}
