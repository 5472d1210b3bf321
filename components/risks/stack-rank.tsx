import Link from "next/link";
import type { RiskDto } from "@/lib/dto/risks";
import { rankRisks } from "@/lib/domain/risk-budget";
import { TableScroll } from "@/components/ui/table-scroll";
import { BudgetShare } from "./budget-share";
import { LevelBadge } from "./level-badge";

/**
 * The CRE stack rank (by bad minutes a year) beside the matrix rank (by score), so the risks
 * the two methods disagree on stand out; those are marked in words.
 */
export function StackRank({ risks, page = 1, perPage = 10, pageHref }: { risks: RiskDto[]; page?: number; perPage?: number; pageHref?: (page: number) => string }) {
  const ranks = rankRisks(risks.map((r) => ({ id: r.id, score: r.current.score, badMinutesPerYear: r.quantitative.badMinutesPerYear })));
  const all = risks
    .filter((r) => r.quantitative.badMinutesPerYear !== null)
    .sort((a, b) => (b.quantitative.badMinutesPerYear as number) - (a.quantitative.badMinutesPerYear as number));
  const pages = Math.max(1, Math.ceil(all.length / perPage));
  const shown = Math.min(Math.max(1, page), pages);
  const first = (shown - 1) * perPage;
  const ranked = all.slice(first, first + perPage);
  if (ranked.length === 0) return <p className="muted">No open risk has ETTD, ETTR, ETTF and impact estimates yet: add them on a risk to rank it by the error budget it would cost.</p>;
  return (
    <TableScroll label="Stack rank by bad minutes">
      <table className="table">
        <caption className="visually-hidden">Open risks ranked by bad minutes a year, beside their rank on the matrix</caption>
        <thead>
          <tr>
            <th scope="col" className="num">Budget rank</th>
            <th scope="col">Risk</th>
            <th scope="col">Bad minutes a year</th>
            <th scope="col" className="num">Matrix rank</th>
            <th scope="col">Matrix level</th>
            <th scope="col">Where the two disagree</th>
          </tr>
        </thead>
        <tbody>
          {ranked.map((r) => {
            const rank = ranks.get(r.id);
            return (
              <tr key={r.id} className={r.rankDisagreement ? "row-disagree" : undefined}>
                <td className="num">{rank?.budgetRank}</td>
                <td className="cell-title">
                  <Link prefetch={false} href={`/risks/${r.reference}`}>
                    <span className="ref">{r.reference}</span> {r.title}
                  </Link>
                </td>
                <td><BudgetShare q={r.quantitative} /></td>
                <td className="num">{rank?.matrixRank}</td>
                <td><LevelBadge level={r.current.level} score={r.current.score} /></td>
                <td>{r.rankDisagreement ? <span className="rank-note">⚠ {r.rankDisagreement}</span> : <span className="muted">none: its cost fits its level</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="pager" aria-label="Stack rank pages">
          <span className="muted">Ranks {first + 1}–{first + ranked.length} of {all.length} estimated risks</span>
          {pageHref && shown > 1 && <Link prefetch={false} className="btn btn-secondary btn-small" href={pageHref(shown - 1)}>Previous {perPage}</Link>}
          {pageHref && shown < pages && <Link prefetch={false} className="btn btn-secondary btn-small" href={pageHref(shown + 1)}>Next {Math.min(perPage, all.length - first - ranked.length)}</Link>}
        </nav>
      )}
    </TableScroll>
  );
}
