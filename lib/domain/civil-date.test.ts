import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonthsToFirst,
  daysInMonth,
  epochDay,
  fromEpochDay,
  isoWeekday,
  isoWeekOf,
  isoWeeksInYear,
  isoWeekStart,
  isValidCivilDate,
} from "./civil-date";

describe("civil dates", () => {
  it.each([
    [{ year: 1970, month: 1, day: 1 }, 0],
    [{ year: 1969, month: 12, day: 31 }, -1],
    [{ year: 2000, month: 3, day: 1 }, 11_017],
    [{ year: 2026, month: 4, day: 1 }, Date.UTC(2026, 3, 1) / 86_400_000],
  ])("epochDay(%o) = %i", (date, expected) => {
    expect(epochDay(date)).toBe(expected);
    expect(fromEpochDay(expected)).toEqual(date);
  });

  it("round-trips every day in ±3000 years of 1970", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_100_000, max: 1_100_000 }), (n) => {
        expect(epochDay(fromEpochDay(n))).toBe(n);
      }),
    );
  });

  it("knows month lengths and leap years", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(isValidCivilDate(2026, 2, 30)).toBe(false);
    expect(isValidCivilDate(2024, 2, 29)).toBe(true);
    expect(isValidCivilDate(2026, 13, 1)).toBe(false);
  });

  it("adds months across year ends", () => {
    expect(addMonthsToFirst({ year: 2026, month: 11, day: 15 }, 3)).toEqual({ year: 2027, month: 2, day: 1 });
    expect(addMonthsToFirst({ year: 2026, month: 1, day: 1 }, -1)).toEqual({ year: 2025, month: 12, day: 1 });
  });

  it("follows ISO 8601 week numbering", () => {
    expect(isoWeekday({ year: 2026, month: 4, day: 6 })).toBe(1); // a Monday
    expect(isoWeekday({ year: 2026, month: 4, day: 5 })).toBe(7); // a Sunday
    // 1 Jan 2026 is a Thursday, so 2026-W01 starts Monday 29 Dec 2025 and 2026 has 53 weeks.
    expect(isoWeekStart(2026, 1)).toEqual({ year: 2025, month: 12, day: 29 });
    expect(isoWeekOf({ year: 2025, month: 12, day: 29 })).toEqual({ isoYear: 2026, week: 1 });
    expect(isoWeekOf({ year: 2027, month: 1, day: 3 })).toEqual({ isoYear: 2026, week: 53 });
    expect(isoWeekOf({ year: 2027, month: 1, day: 4 })).toEqual({ isoYear: 2027, week: 1 });
    expect(isoWeekStart(2026, 14)).toEqual({ year: 2026, month: 3, day: 30 });
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(isoWeeksInYear(2020)).toBe(53); // leap year starting on a Wednesday
  });
});
