import { budgetOutlook, describeOutlook, type OutlookInput } from "@/lib/domain/budget-outlook";
import type { AvailabilitySummaryDto } from "@/lib/dto/availability";

type Budget = NonNullable<AvailabilitySummaryDto["errorBudget"]>;

/** The domain's outlook input from a summary DTO (instants as epoch ms). */
export function outlookOf(summary: AvailabilitySummaryDto, b: Budget): OutlookInput {
  const w = summary.window;
  return {
    exhaustionAt: b.exhaustionAt === null ? null : Date.parse(b.exhaustionAt),
    exhaustion: b.exhaustion,
    window: { label: w.label, from: Date.parse(w.from), to: Date.parse(w.to), end: Date.parse(w.end) },
  };
}

export const outlookText = (summary: AvailabilitySummaryDto, b: Budget, timeZone: string) => describeOutlook(outlookOf(summary, b), timeZone);
export const runsOutWithinWindow = (summary: AvailabilitySummaryDto, b: Budget) => budgetOutlook(outlookOf(summary, b)).kind === "runs_out";
