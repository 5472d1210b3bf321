import Link from "next/link";
import type { CSSProperties } from "react";
import type { RiskMatrixDto } from "@/lib/dto/risks";
import { CONSEQUENCE_LABELS, CONSEQUENCES, levelInfo, LIKELIHOOD_LABELS, LIKELIHOODS, RISK_ASSESSMENT_LABELS } from "@/lib/domain/risk-matrix";

/**
 * The 5×5 heat map as a real table: likelihood rows, consequence columns, each cell tinted by
 * its level and saying level, score and count in words, so the table is its own text
 * alternative. A cell links to the register filtered to it; the selected one is marked.
 */
export function HeatMap({ matrix, selected, hrefFor }: { matrix: RiskMatrixDto; selected: string | null; hrefFor: (cell: string | null) => string }) {
  return (
    <div className="heat-map-wrap">
      <table className="heat-map">
        <caption>
          Open risks per cell, {RISK_ASSESSMENT_LABELS[matrix.assessment].toLowerCase()} assessment: {matrix.total} in all
        </caption>
        <thead>
          <tr>
            <th scope="col" className="heat-corner">
              Likelihood ↓ · Consequence →
            </th>
            {CONSEQUENCES.map((c) => (
              <th key={c} scope="col">
                {c} <span className="heat-axis">{CONSEQUENCE_LABELS[c]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {LIKELIHOODS.map((l) => (
            <tr key={l}>
              <th scope="row">
                {l} <span className="heat-axis">{LIKELIHOOD_LABELS[l]}</span>
              </th>
              {CONSEQUENCES.map((c) => {
                const cell = matrix.cells.find((x) => x.likelihood === l && x.consequence === c);
                const name = `${l}${c}`;
                const count = cell?.count ?? 0;
                const isSelected = selected === name;
                const style = { "--level": levelInfo(cell?.level ?? "LOW").colour } as CSSProperties;
                return (
                  <td key={c} className={`heat-cell level-${cell?.level}${count === 0 ? " heat-empty" : ""}${isSelected ? " heat-selected" : ""}`} style={style}>
                    <Link prefetch={false} href={hrefFor(isSelected ? null : name)} aria-current={isSelected ? "true" : undefined}>
                      <span className="visually-hidden">{name}: </span>
                      <span className="heat-count">{count}</span>
                      <span className="visually-hidden"> {count === 1 ? "risk" : "risks"}, </span>
                      <span className="heat-score">
                        {cell?.level} {cell?.score}
                      </span>
                      {isSelected && <span className="visually-hidden"> (filtering the register; select again to clear)</span>}
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
