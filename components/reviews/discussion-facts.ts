import { isServiceFailure } from "@/lib/dto/availability";
import type { ReviewServiceDto } from "@/lib/dto/reviews";
import type { DiscussionFacts } from "@/lib/domain/review-discussion";

/**
 * A review row's facts for the "needs discussion" rule (lib/domain/review-discussion.ts). Last
 * week's result is the trend's entry before this week's (the trend ends with the review's week).
 */
export function discussionFacts(s: ReviewServiceDto, week: string, changed: ReadonlySet<string>): DiscussionFacts {
  const w = isServiceFailure(s.week) ? null : s.week;
  const slo = isServiceFailure(s.sloWindow) ? null : s.sloWindow;
  const trend = s.trend ?? [];
  const endsThisWeek = trend.at(-1)?.label === `week:${week}`;
  return {
    failed: w === null || slo === null,
    weekMetTarget: w ? w.metTarget : null,
    budgetRemainingSeconds: slo?.errorBudget?.remainingSeconds ?? null,
    burnState: slo?.errorBudget?.burnState ?? null,
    weekIncidents: w ? w.incidentCount : 0,
    previousWeekMetTarget: endsThisWeek ? (trend.at(-2)?.metTarget ?? null) : null,
    changedSinceReview: changed.has(s.slug),
    frozen: s.freezes.length > 0,
  };
}
