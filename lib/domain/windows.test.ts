import { describe, expect, it } from "vitest";
import {
  bucketsBetween,
  bucketWindows,
  currentWindowForSlo,
  formatWindowLabel,
  parseSloWindow,
  parseWindow,
  parseWindowLabel,
  resolveWindow,
  type WindowSpec,
} from "./windows";

const H = 3_600_000;
const D = 86_400_000;
const UTC = { timeZone: "UTC", asOf: Date.UTC(2026, 3, 10) };
const BERLIN = { timeZone: "Europe/Berlin", asOf: Date.UTC(2026, 3, 10) };

function resolve(label: string, options: { timeZone: string; asOf: number }) {
  const spec = parseWindow(label);
  if (spec === null) throw new Error(`test label ${label} did not parse`);
  return resolveWindow(spec, options);
}

describe("parseWindow", () => {
  it.each<[string, WindowSpec]>([
    ["day:2026-04-03", { kind: "day", year: 2026, month: 4, day: 3 }],
    ["day:2024-02-29", { kind: "day", year: 2024, month: 2, day: 29 }],
    ["week:2026-W14", { kind: "week", year: 2026, week: 14 }],
    ["week:2026-W53", { kind: "week", year: 2026, week: 53 }],
    ["week:2020-W53", { kind: "week", year: 2020, week: 53 }],
    ["month:2026-04", { kind: "month", year: 2026, month: 4 }],
    ["quarter:2026-Q2", { kind: "quarter", year: 2026, quarter: 2 }],
    ["year:2026", { kind: "year", year: 2026 }],
    ["rolling:30d", { kind: "rolling", amount: 30, unit: "d", durationMs: 30 * D }],
    ["rolling:3660d", { kind: "rolling", amount: 3660, unit: "d", durationMs: 3660 * D }],
    ["rolling:24h", { kind: "rolling", amount: 24, unit: "h", durationMs: 24 * H }],
    [
      "range:2026-04-01T00:00:00Z/2026-04-08T02:00+02:00",
      { kind: "range", from: Date.UTC(2026, 3, 1), to: Date.UTC(2026, 3, 8) },
    ],
    [
      "range:2026-04-01T00:00:00.5Z/2026-04-01T00:00:01.123456Z",
      { kind: "range", from: Date.UTC(2026, 3, 1, 0, 0, 0, 500), to: Date.UTC(2026, 3, 1, 0, 0, 1, 123) },
    ],
  ])("%s", (label, expected) => {
    expect(parseWindow(label)).toEqual(expected);
  });

  it.each<[string, RegExp]>([
    ["month:2026-13", /01 to 12/],
    ["month:2026-00", /01 to 12/],
    ["month:2026-4", /month:YYYY-MM/],
    ["week:2026-W54", /W01 to W53/],
    ["week:2025-W53", /W01 to W52/],
    ["week:2026-W00", /W01 to W53/],
    ["week:2026-14", /week:YYYY-Www/],
    ["day:2026-02-30", /not a date/],
    ["day:2023-02-29", /not a date/],
    ["day:2026-4-3", /day:YYYY-MM-DD/],
    ["quarter:2026-Q5", /Qn/],
    ["year:26", /year:YYYY/],
    ["year:1969", /between 1970 and 9999/],
    ["rolling:0d", /rolling:<N>d/],
    ["rolling:3661d", /at most 3660 days/],
    ["rolling:30", /rolling:<N>d/],
    ["range:2026-04-02T00:00Z/2026-04-01T00:00Z", /before its end/],
    ["range:2026-04-01T00:00Z/2026-04-01T00:00Z", /before its end/],
    ["range:2026-04-01/2026-04-02", /with an offset/],
    ["range:2026-04-01T00:00", /range:<from>\/<to>/],
    ["range:2026-02-30T00:00Z/2026-04-01T00:00Z", /with an offset/],
    ["fortnight:2026-1", /unknown window kind/],
    ["month", /<kind>:<value>/],
    ["", /<kind>:<value>/],
  ])("rejects %s with a reason", (label, reason) => {
    expect(parseWindow(label)).toBeNull();
    const result = parseWindowLabel(label);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it("round-trips canonical labels", () => {
    for (const label of ["day:2026-04-03", "week:2026-W05", "month:2026-04", "quarter:2026-Q2", "year:2026", "rolling:28d", "rolling:6h"]) {
      const spec = parseWindow(label);
      expect(spec && formatWindowLabel(spec)).toBe(label);
    }
    expect(resolve("range:2026-04-01T02:00+02:00/2026-04-02T00:00Z", UTC).label).toBe(
      "range:2026-04-01T00:00:00.000Z/2026-04-02T00:00:00.000Z",
    );
  });
});

describe("resolveWindow", () => {
  it("cuts calendar windows at local midnight", () => {
    expect(resolve("month:2026-04", UTC)).toEqual({ label: "month:2026-04", from: Date.UTC(2026, 3, 1), to: Date.UTC(2026, 4, 1) });
    // April in Berlin is CEST throughout: local midnight is 22:00 UTC the day before.
    expect(resolve("month:2026-04", BERLIN)).toEqual({
      label: "month:2026-04",
      from: Date.UTC(2026, 2, 31, 22),
      to: Date.UTC(2026, 3, 30, 22),
    });
    expect(resolve("week:2026-W14", UTC)).toMatchObject({ from: Date.UTC(2026, 2, 30), to: Date.UTC(2026, 3, 6) });
    expect(resolve("quarter:2026-Q4", UTC)).toMatchObject({ from: Date.UTC(2026, 9, 1), to: Date.UTC(2027, 0, 1) });
    expect(resolve("day:2026-12-31", UTC)).toMatchObject({ from: Date.UTC(2026, 11, 31), to: Date.UTC(2027, 0, 1) });
    expect(resolve("week:2026-W01", UTC)).toMatchObject({ from: Date.UTC(2025, 11, 29), to: Date.UTC(2026, 0, 5) });
  });

  it("uses the real length of a week across a DST change", () => {
    // Berlin springs forward on Sunday 29 March 2026, inside ISO week 13: 167 hours.
    const spring = resolve("week:2026-W13", BERLIN);
    expect(spring.from).toBe(Date.UTC(2026, 2, 22, 23)); // Monday 00:00 CET
    expect(spring.to).toBe(Date.UTC(2026, 2, 29, 22)); // next Monday 00:00 CEST
    expect(spring.to - spring.from).toBe(167 * H);
    // New York falls back on Sunday 1 November 2026, inside ISO week 44: 169 hours.
    const autumn = resolve("week:2026-W44", { timeZone: "America/New_York", asOf: 0 });
    expect(autumn.from).toBe(Date.UTC(2026, 9, 26, 4)); // Monday 00:00 EDT
    expect(autumn.to).toBe(Date.UTC(2026, 10, 2, 5)); // Monday 00:00 EST
    expect(autumn.to - autumn.from).toBe(169 * H);
    expect(resolve("day:2026-03-29", BERLIN)).toMatchObject({ from: Date.UTC(2026, 2, 28, 23), to: Date.UTC(2026, 2, 29, 22) });
  });

  it("counts leap days", () => {
    expect(resolve("year:2024", UTC)).toMatchObject({ from: Date.UTC(2024, 0, 1), to: Date.UTC(2025, 0, 1) });
    const y2024 = resolve("year:2024", BERLIN);
    expect(y2024.to - y2024.from).toBe(366 * D); // both ends in CET, so whole days
    const y2026 = resolve("year:2026", BERLIN);
    expect(y2026.to - y2026.from).toBe(365 * D);
    const feb = resolve("month:2024-02", BERLIN);
    expect(feb.to - feb.from).toBe(29 * D);
    const feb2026 = resolve("month:2026-02", UTC);
    expect(feb2026.to - feb2026.from).toBe(28 * D);
  });

  it("ends rolling windows at asOf", () => {
    expect(resolve("rolling:30d", BERLIN)).toEqual({ label: "rolling:30d", from: BERLIN.asOf - 30 * D, to: BERLIN.asOf });
    expect(resolve("rolling:24h", UTC)).toEqual({ label: "rolling:24h", from: UTC.asOf - 24 * H, to: UTC.asOf });
  });
});

describe("buckets", () => {
  it("returns the last N weeks ending with the current one, oldest first", () => {
    const weeks = bucketWindows("week", 3, { timeZone: "Europe/Berlin", asOf: Date.UTC(2026, 3, 1) });
    expect(weeks).toEqual([
      { label: "week:2026-W12", from: Date.UTC(2026, 2, 15, 23), to: Date.UTC(2026, 2, 22, 23) },
      { label: "week:2026-W13", from: Date.UTC(2026, 2, 22, 23), to: Date.UTC(2026, 2, 29, 22) },
      { label: "week:2026-W14", from: Date.UTC(2026, 2, 29, 22), to: Date.UTC(2026, 3, 5, 22) },
    ]);
  });

  it("crosses year ends for months and days", () => {
    const months = bucketWindows("month", 3, { timeZone: "UTC", asOf: Date.UTC(2026, 0, 20) });
    expect(months.map((m) => m.label)).toEqual(["month:2025-11", "month:2025-12", "month:2026-01"]);
    expect(months[0]?.from).toBe(Date.UTC(2025, 10, 1));
    expect(months[2]?.to).toBe(Date.UTC(2026, 1, 1));
    const days = bucketWindows("day", 2, { timeZone: "UTC", asOf: Date.UTC(2026, 0, 1, 12) });
    expect(days.map((d) => d.label)).toEqual(["day:2025-12-31", "day:2026-01-01"]);
  });

  it("builds 26 contiguous weeks", () => {
    const weeks = bucketWindows("week", 26, { timeZone: "America/New_York", asOf: Date.UTC(2026, 11, 1) });
    expect(weeks).toHaveLength(26);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]?.from).toBe(weeks[i - 1]?.to);
    expect(bucketWindows("week", 0, UTC)).toEqual([]);
    expect(() => bucketWindows("week", -1, UTC)).toThrow(RangeError);
  });

  it("lists whole buckets overlapping a range", () => {
    const months = bucketsBetween("month", Date.UTC(2026, 0, 15), Date.UTC(2026, 3, 1), { timeZone: "UTC" });
    expect(months.map((m) => m.label)).toEqual(["month:2026-01", "month:2026-02", "month:2026-03"]);
    expect(months[0]?.from).toBe(Date.UTC(2026, 0, 1));
    const days = bucketsBetween("day", Date.UTC(2026, 2, 28, 23), Date.UTC(2026, 2, 30, 1), { timeZone: "Europe/Berlin" });
    expect(days.map((d) => [d.label, (d.to - d.from) / H])).toEqual([
      ["day:2026-03-29", 23],
      ["day:2026-03-30", 24],
    ]);
    expect(bucketsBetween("week", 5, 5, { timeZone: "UTC" })).toEqual([]);
  });
});

describe("SLO windows", () => {
  it.each([
    ["rolling:30d", { kind: "rolling", days: 30 }],
    ["rolling:28d", { kind: "rolling", days: 28 }],
    ["week", { kind: "calendar", unit: "week" }],
    ["month", { kind: "calendar", unit: "month" }],
    ["quarter", { kind: "calendar", unit: "quarter" }],
  ])("parses %s", (value, expected) => {
    expect(parseSloWindow(value)).toEqual(expected);
  });

  it.each(["rolling:0d", "rolling:30h", "year", "day", "rolling:3661d", "Month", ""])("rejects %s", (value) => {
    expect(parseSloWindow(value)).toBeNull();
  });

  it("finds the window containing asOf", () => {
    const asOf = Date.UTC(2026, 3, 10, 12);
    expect(currentWindowForSlo({ kind: "rolling", days: 30 }, { timeZone: "UTC", asOf })).toEqual({
      label: "rolling:30d",
      from: asOf - 30 * D,
      to: asOf,
    });
    expect(currentWindowForSlo({ kind: "calendar", unit: "month" }, { timeZone: "Europe/Berlin", asOf })).toEqual({
      label: "month:2026-04",
      from: Date.UTC(2026, 2, 31, 22),
      to: Date.UTC(2026, 3, 30, 22),
    });
    expect(currentWindowForSlo({ kind: "calendar", unit: "quarter" }, { timeZone: "UTC", asOf }).label).toBe("quarter:2026-Q2");
    // 23:30 UTC on Sunday 5 April is already Monday in Berlin: the next ISO week.
    const lateSunday = Date.UTC(2026, 3, 5, 23, 30);
    expect(currentWindowForSlo({ kind: "calendar", unit: "week" }, { timeZone: "Europe/Berlin", asOf: lateSunday }).label).toBe(
      "week:2026-W15",
    );
    expect(currentWindowForSlo({ kind: "calendar", unit: "week" }, { timeZone: "UTC", asOf: lateSunday }).label).toBe("week:2026-W14");
  });
});
