import "server-only";
import { nextReviewDue, riskLevel, type ReviewCadence } from "@/lib/domain";
import type { Tx } from "./db";

/**
 * Recomputes every open risk's next review from the cadence (after a settings change). One
 * UPDATE per distinct due date would be tidier SQL, but the rule lives in lib/domain; registers
 * hold hundreds of risks, not millions, so a row at a time inside the transaction is fine.
 */
export async function rescheduleRiskReviews(tx: Tx, cadence: ReviewCadence): Promise<number> {
  const risks = await tx.risk.findMany({ where: { status: "open" }, select: { id: true, currentScore: true, lastReviewedAt: true, identifiedAt: true, reviewDueAt: true } });
  let moved = 0;
  for (const r of risks) {
    const due = nextReviewDue({ status: "open", level: riskLevel(r.currentScore), lastReviewedAt: r.lastReviewedAt?.getTime() ?? null, identifiedAt: r.identifiedAt.getTime() }, cadence);
    if (due === r.reviewDueAt?.getTime()) continue;
    await tx.risk.update({ where: { id: r.id }, data: { reviewDueAt: due === null ? null : new Date(due) } });
    moved++;
  }
  return moved;
}
