import { BURN_RULES, describeBurnRule, LOW_BUDGET_RATIO } from "@/lib/domain/burn-state";
import { formatPercent } from "@/components/format";

/** The rules the states follow, stated as they are applied (the same data the server uses). */
export function BurnRules() {
  const fast = BURN_RULES.filter((r) => r.state === "fast_burn");
  const slow = BURN_RULES.filter((r) => r.state === "slow_burn");
  return (
    <details className="rules">
      <summary>How the states are decided</summary>
      <div className="rules-body">
        <p>
          A burn rate of 1× spends the error budget exactly by the end of its SLO window; 10× spends it ten times as fast.
          Following the SRE workbook&apos;s multi-window rules, a rule holds when the rate is above it over both a long and a
          short window: the long one says it matters, the short one that it is still going on.
        </p>
        <ul>
          <li><strong>Fast burn</strong> (act now): {fast.map(describeBurnRule).join(", or ")}.</li>
          <li><strong>Slow burn</strong> (look today): {slow.map(describeBurnRule).join(", or ")}.</li>
          <li><strong>Under 25 % left</strong>: less than {formatPercent(LOW_BUDGET_RATIO, 0)} of the window&apos;s budget remains; <strong>overspent</strong>: none does.</li>
        </ul>
        <p>Each service is counted once, under the most pressing of these: fast burn, overspent, slow burn, under 25 % left, healthy.</p>
      </div>
    </details>
  );
}
