import { BudgetBar } from "@/components/overview/budget-bar";
import { describeWindowLabel, formatDateTime, formatPercent } from "@/components/format";
import { BUDGET_STATE_LABELS } from "@/lib/domain/burn-state";
import { formatDuration } from "@/lib/domain/format";
import type { AvailabilitySummaryDto } from "@/lib/dto/availability";
import { outlookText } from "./outlook";

/** The budget of this window: allowed downtime at the target, consumed, left, and when it runs out. */
export function BudgetSummary({ summary, timeZone }: { summary: AvailabilitySummaryDto; timeZone: string }) {
  const b = summary.errorBudget;
  if (b === null) return <p className="muted">No error budget: nothing in this window is measured.</p>;
  return (
    <dl className="props">
      <dt>Allowed downtime</dt>
      <dd>
        {formatDuration(b.budgetSeconds)} in {describeWindowLabel(summary.window.label)} at {formatPercent(summary.slo.target)}
        {summary.measuredFrom !== null && summary.measuredFrom !== summary.window.from && <span className="inherited">of its measured part, from {formatDateTime(summary.measuredFrom, timeZone)} {timeZone}</span>}
      </dd>
      <dt>Consumed</dt>
      <dd>{formatDuration(b.consumedSeconds)}</dd>
      <dt>Left</dt>
      <dd>
        <BudgetBar remainingRatio={b.remainingRatio} remainingSeconds={b.remainingSeconds} state={b.state} digits={1} />
        <span className="inherited">{BUDGET_STATE_LABELS[b.state]}</span>
      </dd>
      <dt>Runs out</dt>
      <dd>{outlookText(summary, b, timeZone)}</dd>
    </dl>
  );
}
