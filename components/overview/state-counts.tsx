import Link from "next/link";
import { SERVICE_STATE_LABELS } from "@/lib/domain/burn-state";
import type { OverviewState } from "@/lib/dto/overview";

const ORDER: readonly OverviewState[] = ["fast_burn", "overspent", "slow_burn", "low", "healthy", "failed"];
const LABELS: Record<OverviewState, string> = { ...SERVICE_STATE_LABELS, failed: "Could not compute" };

/** Services per state over the filtered fleet; each count filters the list to its state. */
export function StateCounts({ counts, current, href }: { counts: Record<OverviewState, number>; current?: OverviewState; href: (state?: OverviewState) => string }) {
  return (
    <ul className="state-counts" aria-label="Services by state">
      {ORDER.filter((s) => s !== "failed" || counts.failed > 0).map((state) => (
        <li key={state}>
          <Link prefetch={false} href={href(current === state ? undefined : state)} className={`state-count state-${state}`} aria-current={current === state ? "true" : undefined}>
            <span className="state-count-value">{counts[state]}</span>
            <span className="state-count-label">{LABELS[state]}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function StateBadge({ state }: { state: OverviewState }) {
  return <span className={`badge state-badge state-${state}`}>{LABELS[state]}</span>;
}
