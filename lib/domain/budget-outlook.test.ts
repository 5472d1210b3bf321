import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { budgetOutlook, describeOutlook } from "./budget-outlook";

const DAY = 86_400_000;
const asOf = Date.UTC(2026, 10, 6, 12);
const rolling30 = { label: "rolling:30d", from: asOf - 30 * DAY, to: asOf, end: asOf };
const november = { label: "month:2026-11", from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1), end: asOf };

describe("budget outlook", () => {
  it("does not print an instant years past a rolling 30-day window", () => {
    const at = Date.UTC(2033, 10, 6);
    expect(budgetOutlook({ exhaustionAt: at, exhaustion: "projected", window: rolling30 })).toEqual({ kind: "not_within_window", horizon: asOf + 30 * DAY });
    expect(describeOutlook({ exhaustionAt: at, exhaustion: "projected", window: rolling30 }, "Europe/Paris")).toBe("Not within this window: at this pace the budget lasts beyond the next 30 days");
  });

  it("prints an instant within the window in the organisation's zone, named", () => {
    const at = Date.UTC(2026, 10, 20, 9, 30);
    expect(describeOutlook({ exhaustionAt: at, exhaustion: "projected", window: november }, "Europe/Paris")).toBe("2026-11-20 10:30 Europe/Paris, at the window's average pace");
    expect(describeOutlook({ exhaustionAt: at, exhaustion: "projected", window: rolling30 }, "UTC")).toBe("2026-11-20 09:30 UTC, at the window's average pace");
  });

  it("says a calendar window resets before the projected instant", () => {
    expect(describeOutlook({ exhaustionAt: Date.UTC(2026, 11, 3), exhaustion: "projected", window: november }, "UTC")).toBe("Not within this window: at this pace the budget lasts past its end (2026-12-01 00:00 UTC)");
    expect(describeOutlook({ exhaustionAt: null, exhaustion: "beyond_range", window: november }, "UTC")).toMatch(/^Not within this window/);
  });

  it("keeps spent and untouched budgets apart", () => {
    expect(describeOutlook({ exhaustionAt: null, exhaustion: "exhausted", window: november }, "UTC")).toBe("Already spent.");
    expect(describeOutlook({ exhaustionAt: null, exhaustion: "none_consumed", window: november }, "UTC")).toBe("Nothing consumed yet: no pace to project.");
  });

  it("never names an instant after the horizon", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (days) => {
        const o = budgetOutlook({ exhaustionAt: asOf + days * DAY, exhaustion: "projected", window: rolling30 });
        expect(o.kind === "runs_out" ? days <= 30 : days > 30).toBe(true);
      }),
    );
  });
});
