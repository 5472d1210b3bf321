import Link from "next/link";
import { formatBurnRate } from "@/components/format";
import { BURN_RULES, BURN_STATE_LABELS, describeBurnRule } from "@/lib/domain/burn-state";
import type { AvailabilitySummaryDto } from "@/lib/dto/availability";
import { TableScroll } from "@/components/ui/table-scroll";

const LOOKBACKS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"] as const;

/** The pace over each lookback (1× spends the budget exactly by the window's end), the state, the rules. */
export function BurnRatesTable({ summary }: { summary: AvailabilitySummaryDto }) {
  const b = summary.errorBudget;
  if (b === null) return <p className="muted">No burn rates: nothing in this window is measured.</p>;
  const rule = b.burnRule;
  return (
    <div className="stack-small">
      <p>
        <span className={`badge state-badge state-${b.burnState}`}>{BURN_STATE_LABELS[b.burnState]}</span>{" "}
        {rule ? <span>above {rule.threshold}× over both {rule.long} and {rule.short}</span> : <span className="muted">no rule holds</span>}
      </p>
      <TableScroll label="Burn rates">
        <table className="table burn-table">
          <caption className="visually-hidden">Burn rates over each lookback</caption>
          <thead>
            <tr>
              {LOOKBACKS.map((l) => (
                <th key={l} scope="col" className="num">{l}</th>
              ))}
              <th scope="col" className="num">Window</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              {LOOKBACKS.map((l) => (
                // The lookbacks of the rule the server says holds, marked in colour and weight.
                <td key={l} className={`num${rule && (rule.long === l || rule.short === l) ? " text-danger" : ""}`}>{formatBurnRate(b.burnRates[l])}</td>
              ))}
              <td className="num">{formatBurnRate(b.burnRates.window)}</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <p className="muted small">
        Fast burn: {BURN_RULES.filter((r) => r.state === "fast_burn").map(describeBurnRule).join(", or ")}. Slow burn:{" "}
        {BURN_RULES.filter((r) => r.state === "slow_burn").map(describeBurnRule).join(", or ")}. The same rules as on the <Link href="/">overview</Link>.
      </p>
    </div>
  );
}
