import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIsoInstant, parseIsoInstant } from "./window-labels";

describe("formatIsoInstant", () => {
  it("writes what Date#toISOString writes, for any instant in years 0000-9999 and outside", () => {
    const min = Date.UTC(-2, 0, 1);
    const max = Date.UTC(10_001, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min, max }), (ms) => {
        expect(formatIsoInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
  });

  it.each([0, -1, 951_782_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), 1.5])("%s", (ms) => {
    expect(formatIsoInstant(ms)).toBe(new Date(ms).toISOString());
  });
});

describe("parseIsoInstant", () => {
  it.each<[string, number]>([
    ["2026-04-01T00:00Z", Date.UTC(2026, 3, 1)],
    ["2026-04-01T00:00:00Z", Date.UTC(2026, 3, 1)],
    ["2026-04-01t00:00:00z", Date.UTC(2026, 3, 1)],
    ["2026-04-01T02:00:00+02:00", Date.UTC(2026, 3, 1)],
    ["2026-03-31T19:30:00-04:30", Date.UTC(2026, 3, 1)],
    ["2026-04-01T00:00:00.123Z", Date.UTC(2026, 3, 1, 0, 0, 0, 123)],
    ["2026-04-01T00:00:00.1Z", Date.UTC(2026, 3, 1, 0, 0, 0, 100)],
    ["2026-04-01T00:00:00.999999Z", Date.UTC(2026, 3, 1, 0, 0, 0, 999)],
    ["1969-12-31T23:59:59Z", -1000],
  ])("%s", (text, expected) => {
    expect(parseIsoInstant(text)).toBe(expected);
  });

  it.each([
    "2026-04-01",
    "2026-04-01T00:00",
    "2026-04-01T00:00:00",
    "2026-02-30T00:00Z",
    "2026-04-01T24:00Z",
    "2026-04-01T00:60Z",
    "2026-04-01T00:00:60Z",
    "2026-04-01T00:00+24:00",
    "2026-04-01 00:00Z",
    "April 1, 2026",
    "",
  ])("rejects %s", (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });
});
