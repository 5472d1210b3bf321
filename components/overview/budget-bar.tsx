import { formatDuration } from "@/lib/domain/format";
import { BUDGET_STATE_LABELS, type BudgetState } from "@/lib/domain/burn-state";
import { formatPercent } from "@/components/format";

/** How much of the error budget is left: a bar, its share in words, and its state in words. */
export function BudgetBar({ remainingRatio, remainingSeconds, state }: { remainingRatio: number; remainingSeconds: number; state: BudgetState }) {
  const width = Math.min(100, Math.max(0, remainingRatio * 100));
  const text = remainingRatio < 0 ? `overspent by ${formatPercent(-remainingRatio, 0)}` : `${formatPercent(remainingRatio, 0)} left`;
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
