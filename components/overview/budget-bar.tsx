import { budgetLeftText, formatDuration } from "@/lib/domain/format";
import { BUDGET_STATE_LABELS, type BudgetState } from "@/lib/domain/burn-state";

/**
 * How much of the error budget is left: a bar, its share in words, and its state in words. Whole
 * percent in a table's narrow column; a page that states the budget elsewhere gives `digits` 1, as
 * it does there.
 */
export function BudgetBar({ remainingRatio, remainingSeconds, state, digits = 0 }: { remainingRatio: number; remainingSeconds: number; state: BudgetState; digits?: number }) {
  const width = Math.min(100, Math.max(0, remainingRatio * 100));
  const text = budgetLeftText(remainingRatio, digits);
  return (
    <div className={`budget budget-${state}`}>
      <div className="budget-track" aria-hidden="true">
        <div className="budget-fill" style={{ width: `${width}%` }} />
      </div>
      <span className="budget-text">
        {text} <span className="muted">({remainingSeconds < 0 ? "−" : ""}{formatDuration(Math.abs(remainingSeconds))})</span>
      </span>
      {state !== "healthy" && <span className="visually-hidden">, {BUDGET_STATE_LABELS[state]}</span>}
    </div>
  );
}
