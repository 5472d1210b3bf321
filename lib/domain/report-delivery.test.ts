import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lastEndedPeriod, reportWatchChange } from "./report-delivery";
import { parseReportPeriod, reportPeriodLabel, reportPeriodWindow, type ReportPeriodKind, type ReportPeriodSpec } from "./report-period";

const spec = (label: string): ReportPeriodSpec => {
  const parsed = parseReportPeriod(label);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.spec;
};

describe("lastEndedPeriod", () => {
  it("is the period before the one holding the instant, cut at local midnight", () => {
    const justAfter = Date.parse("2025-04-01T00:00:30Z");
    expect(reportPeriodLabel(lastEndedPeriod("month", justAfter, "UTC"))).toBe("month:2025-03");
    expect(reportPeriodLabel(lastEndedPeriod("quarter", justAfter, "UTC"))).toBe("quarter:2025-Q1");
    expect(reportPeriodLabel(lastEndedPeriod("year", justAfter, "UTC"))).toBe("year:2024");
    // A second before: March has not ended yet.
    expect(reportPeriodLabel(lastEndedPeriod("month", Date.parse("2025-03-31T23:59:59Z"), "UTC"))).toBe("month:2025-02");
  });

  it("follows the organisation's zone: March ends in Berlin an hour or two before it ends in UTC", () => {
    // 2025-03-31T22:30Z is 00:30 on 1 April in Berlin (summer time), still March in UTC.
    const at = Date.parse("2025-03-31T22:30:00Z");
    expect(reportPeriodLabel(lastEndedPeriod("month", at, "Europe/Berlin"))).toBe("month:2025-03");
    expect(reportPeriodLabel(lastEndedPeriod("month", at, "UTC"))).toBe("month:2025-02");
    expect(reportPeriodLabel(lastEndedPeriod("month", Date.parse("2025-04-01T03:59:00Z"), "America/New_York"))).toBe("month:2025-02");
  });

  it("names a period that has ended at the instant, and the next one has not", () => {
    const kinds: ReportPeriodKind[] = ["month", "quarter", "year"];
    fc.assert(
      fc.property(fc.integer({ min: Date.parse("2001-01-01T00:00:00Z"), max: Date.parse("2060-01-01T00:00:00Z") }), fc.constantFrom(...kinds), fc.constantFrom("UTC", "Europe/Berlin", "Asia/Kolkata", "America/Los_Angeles"), (now, kind, zone) => {
        const ended = reportPeriodWindow(lastEndedPeriod(kind, now, zone), zone);
        return ended.to <= now && now - ended.to < (kind === "month" ? 32 : kind === "quarter" ? 93 : 367) * 86_400_000;
      }),
    );
  });
});

describe("reportWatchChange", () => {
  it("stores the first period it sees quietly", () => {
    expect(reportWatchChange(null, spec("month:2025-03"))).toEqual({ next: "month:2025-03", announce: false });
  });

  it("announces a later period once, and nothing while it stays the last ended", () => {
    expect(reportWatchChange("month:2025-02", spec("month:2025-03"))).toEqual({ next: "month:2025-03", announce: true });
    expect(reportWatchChange("month:2025-03", spec("month:2025-03"))).toBeNull();
    expect(reportWatchChange("month:2024-12", spec("month:2025-01"))).toEqual({ next: "month:2025-01", announce: true });
    expect(reportWatchChange("quarter:2024-Q4", spec("quarter:2025-Q1"))).toEqual({ next: "quarter:2025-Q1", announce: true });
    expect(reportWatchChange("year:2024", spec("year:2025"))).toEqual({ next: "year:2025", announce: true });
  });

  it("sends only the last period after a long stop, and nothing for a clock set back", () => {
    expect(reportWatchChange("month:2024-11", spec("month:2025-03"))).toEqual({ next: "month:2025-03", announce: true });
    expect(reportWatchChange("month:2025-04", spec("month:2025-03"))).toBeNull();
  });

  it("replaces a stored label of another kind quietly", () => {
    expect(reportWatchChange("quarter:2025-Q1", spec("month:2025-03"))).toEqual({ next: "month:2025-03", announce: false });
    expect(reportWatchChange("nonsense", spec("month:2025-03"))).toEqual({ next: "month:2025-03", announce: false });
  });
});
