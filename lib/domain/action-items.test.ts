import { describe, expect, it } from "vitest";
import { compareActionItems, completionAfter, dueFilterQuery, isDateText, isOverdue, todayIn } from "./action-items";

describe("action items", () => {
  it("today is the organisation's wall-calendar date", () => {
    const instant = Date.UTC(2026, 10, 30, 23, 30);
    expect(todayIn("UTC", instant)).toBe("2026-11-30");
    expect(todayIn("Europe/Berlin", instant)).toBe("2026-12-01");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-11-30");
  });

  it.each([
    [{ status: "open", dueDate: "2026-11-29" }, true],
    [{ status: "open", dueDate: "2026-11-30" }, false],
    [{ status: "open", dueDate: null }, false],
    [{ status: "done", dueDate: "2026-01-01" }, false],
    [{ status: "wont_do", dueDate: "2026-01-01" }, false],
  ] as const)("%j overdue on 2026-11-30: %s", (item, overdue) => expect(isOverdue(item, "2026-11-30")).toBe(overdue));

  it.each([
    ["2026-02-28", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-13-01", false],
    ["2026-1-1", false],
    ["26-01-01", false],
  ])("%s is a date: %s", (text, ok) => expect(isDateText(text)).toBe(ok));

  it("completion is stamped when an item closes and cleared when it reopens", () => {
    const now = new Date("2026-11-30T10:00:00Z");
    const earlier = new Date("2026-11-20T10:00:00Z");
    expect(completionAfter("open", "done", null, now)).toBe(now);
    expect(completionAfter("done", "wont_do", earlier, now)).toBe(earlier);
    expect(completionAfter("done", "open", earlier, now)).toBeNull();
  });

  it("sorts overdue and due first, undated after, closed last", () => {
    const items = [
      { title: "c", status: "done" as const, dueDate: "2026-01-01" },
      { title: "b", status: "open" as const, dueDate: null },
      { title: "a", status: "open" as const, dueDate: "2026-12-24" },
      { title: "d", status: "open" as const, dueDate: "2026-11-01" },
    ];
    expect(items.sort(compareActionItems).map((i) => i.title)).toEqual(["d", "a", "b", "c"]);
  });
});

describe("due-date filters", () => {
  it("reads as the API's query, the window counted in calendar days from today", () => {
    expect(dueFilterQuery("overdue", "2026-12-28")).toEqual({ overdue: true });
    expect(dueFilterQuery("7d", "2026-12-28")).toEqual({ dueAfter: "2026-12-28", dueBefore: "2027-01-04" });
    expect(dueFilterQuery("30d", "2028-02-15")).toEqual({ dueAfter: "2028-02-15", dueBefore: "2028-03-16" });
    expect(dueFilterQuery("none", "2026-12-28")).toEqual({ dueDate: "none" });
  });
});
