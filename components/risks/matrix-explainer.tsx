import { CONSEQUENCE_LABELS, CONSEQUENCES, LIKELIHOOD_LABELS, LIKELIHOODS, RISK_LEVEL_INFO, riskLevel, riskScore } from "@/lib/domain/risk-matrix";

/**
 * How a score is read from the matrix, next to where it is chosen: the likelihood picks the row,
 * the consequence the column, the cell holds the score, and the score's band is the level.
 */
export function MatrixExplainer() {
  const example = { likelihood: "C" as const, consequence: 4 as const };
  const score = riskScore(example.likelihood, example.consequence);
  return (
    <div className="matrix-explainer">
      <p className="field-hint" id="matrix-explainer">
        Each assessment is one cell of the 5×5 risk matrix: the likelihood (A, almost certain, to E, rare) picks the row, the consequence (1, insignificant, to 5, catastrophic) the column. The cell holds the score, 1 to 25, and the score gives the level:{" "}
        {RISK_LEVEL_INFO.map((l) => `${l.level} ${l.minScore}–${l.maxScore}`).join(", ")}. For example {LIKELIHOOD_LABELS[example.likelihood].toLowerCase()} ({example.likelihood}) and {CONSEQUENCE_LABELS[example.consequence].toLowerCase()} ({example.consequence}) is cell {example.likelihood}
        {example.consequence}: score {score}, {riskLevel(score)}.
      </p>
      <details>
        <summary>Show the matrix</summary>
        <div className="table-wrap">
          <table className="table table-compact matrix-scores">
            <caption>Scores by likelihood (rows) and consequence (columns), with their level</caption>
            <thead>
              <tr>
                <th scope="col">Likelihood</th>
                {CONSEQUENCES.map((c) => (
                  <th key={c} scope="col" className="num">{c} · {CONSEQUENCE_LABELS[c]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {LIKELIHOODS.map((l) => (
                <tr key={l}>
                  <th scope="row">{l} · {LIKELIHOOD_LABELS[l]}</th>
                  {CONSEQUENCES.map((c) => {
                    const s = riskScore(l, c);
                    return (
                      <td key={c} className="num">
                        {s} <span className="muted small">{riskLevel(s)}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
