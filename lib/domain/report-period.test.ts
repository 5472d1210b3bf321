import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReportPeriod, periodState, recentReportPeriods, reportFileName, reportPeriodLabel, reportPeriodName, reportPeriodWindow, reportScopeKey, reportSubPeriods, type ReportPeriodSpec } from "./report-period";

const spec = (label: string): ReportPeriodSpec => {
  const parsed = parseReportPeriod(label);
  if (!parsed.ok) throw new Error(`${label}: ${parsed.reason}`);
  return parsed.spec;
};

describe("parseReportPeriod", () => {
  it.each<[string, ReportPeriodSpec, string]>([
    ["month:2026-11", { kind: "month", year: 2026, month: 11 }, "November 2026"],
    ["quarter:2026-Q4", { kind: "quarter", year: 2026, quarter: 4 }, "Q4 2026"],
    ["year:2026", { kind: "year", year: 2026 }, "2026"],
    ["month:2024-02", { kind: "month", year: 2024, month: 2 }, "February 2024"],
  ])("reads %s and names it", (label, expected, name) => {
    expect(parseReportPeriod(label)).toEqual({ ok: true, spec: expected });
    expect(reportPeriodLabel(expected)).toBe(label);
    expect(reportPeriodName(expected)).toBe(name);
  });

  it.each([
    ["week:2026-W48", /a month, a quarter or a year/],
    ["day:2026-11-01", /a month, a quarter or a year/],
    ["rolling:30d", /a month, a quarter or a year/],
    ["2026-11", /a month, a quarter or a year/],
    ["", /a month, a quarter or a year/],
    ["month:2026-13", /month:YYYY-MM: month must be 01 to 12/],
    ["month:26-11", /month:YYYY-MM/],
    ["quarter:2026-Q5", /quarter:YYYY-Qn/],
    ["year:26", /year:YYYY/],
    ["year:1969", /year must be between/],
  ])("refuses %s with a reason", (label, reason) => {
    const parsed = parseReportPeriod(label);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe("reportPeriodWindow", () => {
  it("cuts at local midnight in the organisation's zone", () => {
    expect(reportPeriodWindow(spec("month:2026-11"), "UTC")).toEqual({ label: "month:2026-11", from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1) });
    // Berlin is UTC+1 in November and December, UTC+2 on 1 October.
    expect(reportPeriodWindow(spec("quarter:2026-Q4"), "Europe/Berlin")).toEqual({ label: "quarter:2026-Q4", from: Date.UTC(2026, 8, 30, 22), to: Date.UTC(2026, 11, 31, 23) });
    expect(reportPeriodWindow(spec("year:2026"), "America/New_York")).toEqual({ label: "year:2026", from: Date.UTC(2026, 0, 1, 5), to: Date.UTC(2027, 0, 1, 5) });
  });
});

describe("reportSubPeriods", () => {
  it("gives a month's ISO weeks clipped to the month", () => {
    const weeks = reportSubPeriods(spec("month:2026-11"), "UTC");
    expect(weeks.map((w) => w.label)).toEqual(["week:2026-W44", "week:2026-W45", "week:2026-W46", "week:2026-W47", "week:2026-W48", "week:2026-W49"]);
    expect(weeks[0]).toEqual({ label: "week:2026-W44", from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 2) });
    expect(weeks.at(-1)).toEqual({ label: "week:2026-W49", from: Date.UTC(2026, 10, 30), to: Date.UTC(2026, 11, 1) });
  });

  it("gives a quarter's and a year's months", () => {
    expect(reportSubPeriods(spec("quarter:2026-Q4"), "UTC").map((w) => w.label)).toEqual(["month:2026-10", "month:2026-11", "month:2026-12"]);
    expect(reportSubPeriods(spec("year:2026"), "Asia/Kolkata")).toHaveLength(12);
  });

  const zones = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kathmandu"];
  const periods = fc.oneof(
    fc.record({ kind: fc.constant("month" as const), year: fc.integer({ min: 1971, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) }),
    fc.record({ kind: fc.constant("quarter" as const), year: fc.integer({ min: 1971, max: 2100 }), quarter: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant("year" as const), year: fc.integer({ min: 1971, max: 2100 }) }),
  );

  it("cover the period exactly, in order, without gaps or overlaps (property)", () => {
    fc.assert(
      fc.property(periods, fc.constantFrom(...zones), (p, zone) => {
        const whole = reportPeriodWindow(p, zone);
        const parts = reportSubPeriods(p, zone);
        expect(parts[0]?.from).toBe(whole.from);
        expect(parts.at(-1)?.to).toBe(whole.to);
        for (let i = 0; i < parts.length; i++) {
          const part = parts[i] as { from: number; to: number };
          expect(part.to).toBeGreaterThan(part.from);
          if (i > 0) expect(part.from).toBe(parts[i - 1]?.to);
        }
        expect(parts.length).toBe(p.kind === "month" ? parts.length : p.kind === "quarter" ? 3 : 12);
        if (p.kind === "month") expect(parts.length).toBeGreaterThanOrEqual(4);
        // Labels read back as the period they name.
        expect(parseReportPeriod(reportPeriodLabel(p))).toEqual({ ok: true, spec: p });
      }),
    );
  });
});

describe("periodState and recentReportPeriods", () => {
  const nov = reportPeriodWindow(spec("month:2026-11"), "UTC");
  it("says whether a period has begun or ended", () => {
    expect(periodState(nov, nov.from - 1)).toBe("not_begun");
    expect(periodState(nov, nov.from)).toBe("in_progress");
    expect(periodState(nov, nov.to - 1)).toBe("in_progress");
    expect(periodState(nov, nov.to)).toBe("ended");
  });

  it("lists the current period and those before it, newest first", () => {
    const now = Date.UTC(2026, 11, 3, 12);
    expect(recentReportPeriods("month", 3, now, "UTC").map(reportPeriodLabel)).toEqual(["month:2026-12", "month:2026-11", "month:2026-10"]);
    expect(recentReportPeriods("quarter", 2, now, "UTC").map(reportPeriodLabel)).toEqual(["quarter:2026-Q4", "quarter:2026-Q3"]);
    expect(recentReportPeriods("year", 2, now, "UTC").map(reportPeriodLabel)).toEqual(["year:2026", "year:2025"]);
    // 1 January 00:30 in Tokyo is still December in UTC: the zone decides.
    expect(recentReportPeriods("month", 1, Date.UTC(2026, 11, 31, 15, 30), "Asia/Tokyo").map(reportPeriodLabel)).toEqual(["month:2027-01"]);
  });
});

describe("scope keys and file names", () => {
  it("stores scopes as the Report model says", () => {
    expect(reportScopeKey({ kind: "org" })).toBe("org");
    expect(reportScopeKey({ kind: "tier", id: "t1" })).toBe("tier:t1");
    expect(reportScopeKey({ kind: "service", id: "s1" })).toBe("service:s1");
  });
  it("makes a file name safe for a Content-Disposition header", () => {
    expect(reportFileName(spec("month:2026-11"), null, "pdf")).toBe("nines-report-month-2026-11.pdf");
    expect(reportFileName(spec("quarter:2026-Q4"), "Checkout API", "md")).toBe("nines-report-quarter-2026-Q4-checkout-api.md");
    expect(reportFileName(spec("year:2026"), "«»", "csv")).toBe("nines-report-year-2026.csv");
  });
});
