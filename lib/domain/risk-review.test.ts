import { describe, expect, it } from "vitest";
import { DEFAULT_REVIEW_CADENCE, isReviewOverdue, nextReviewDue } from "./risk-review";

const reviewed = Date.UTC(2026, 10, 2, 9, 30);
const day = 86_400_000;

describe("risk review cadence", () => {
  it.each([
    ["CRITICAL", Date.UTC(2026, 10, 9, 9, 30)],
    ["HIGH", Date.UTC(2026, 10, 16, 9, 30)],
    ["MEDIUM", Date.UTC(2026, 11, 2, 9, 30)],
    ["LOW", Date.UTC(2027, 0, 31, 9, 30)],
  ] as const)("a %s risk reviewed on 2 Nov is next due at %s", (level, due) => {
    expect(nextReviewDue({ status: "open", level, lastReviewedAt: reviewed, identifiedAt: 0 }, DEFAULT_REVIEW_CADENCE)).toBe(due);
  });

  it("counts from identification until the first review, and a closed risk has none", () => {
    expect(nextReviewDue({ status: "open", level: "HIGH", lastReviewedAt: null, identifiedAt: reviewed }, DEFAULT_REVIEW_CADENCE)).toBe(reviewed + 14 * day);
    expect(nextReviewDue({ status: "closed", level: "CRITICAL", lastReviewedAt: reviewed, identifiedAt: 0 }, DEFAULT_REVIEW_CADENCE)).toBeNull();
  });

  it("follows an edited cadence", () => {
    expect(nextReviewDue({ status: "open", level: "HIGH", lastReviewedAt: reviewed, identifiedAt: 0 }, { ...DEFAULT_REVIEW_CADENCE, HIGH: 3 })).toBe(reviewed + 3 * day);
  });

  it("is overdue only once the due instant has passed", () => {
    expect(isReviewOverdue(reviewed, reviewed)).toBe(false);
    expect(isReviewOverdue(reviewed, reviewed + 1)).toBe(true);
    expect(isReviewOverdue(null, reviewed)).toBe(false);
  });
});
