import { BudgetBar } from "@/components/overview/budget-bar";
import { describeWindowLabel, formatDateTime, formatPercent } from "@/components/format";
import { BUDGET_STATE_LABELS } from "@/lib/domain/burn-state";
import { formatDuration } from "@/lib/domain/format";
import type { AvailabilitySummaryDto } from "@/lib/dto/availability";

const OUTLOOK: Record<string, string> = {
  none_consumed: "Nothing consumed yet: no pace to project.",
  exhausted: "Already spent.",
  beyond_range: "At this pace it lasts past the year 9999.",
};

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
        <BudgetBar remainingRatio={b.remainingRatio} remainingSeconds={b.remainingSeconds} state={b.state} />
        <span className="inherited">{BUDGET_STATE_LABELS[b.state]}</span>
      </dd>
      <dt>Runs out</dt>
      <dd>{b.exhaustionAt ? `${formatDateTime(b.exhaustionAt, timeZone)} ${timeZone}, at the window's average pace` : OUTLOOK[b.exhaustion] ?? "—"}</dd>
    </dl>
  );
}
