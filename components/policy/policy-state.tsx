import { POLICY_STATE_LABELS, type PolicyState } from "@/lib/domain/budget-policy";

const CLASS: Record<PolicyState, string> = { normal: "badge badge-success", caution: "badge badge-warning", frozen: "badge badge-danger" };
const MARK: Record<PolicyState, string> = { normal: "", caution: "!", frozen: "■" };

/** A policy state in words (the colour only repeats them). */
export function PolicyStateBadge({ state, prefix = "" }: { state: PolicyState; prefix?: string }) {
  return (
    <span className={CLASS[state]}>
      {MARK[state] && <span aria-hidden="true" className="badge-mark">{MARK[state]}</span>}
      {prefix}
      {POLICY_STATE_LABELS[state]}
    </span>
  );
}
