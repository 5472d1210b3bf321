import { describe, expect, it } from "vitest";
import { instantOfWallTime, isValidTimeZone, localDateOf, startOfLocalDay, zonedParts, zoneOffsetMs } from "./time-zone";

const H = 3_600_000;

describe("time zones via Intl", () => {
  it("validates IANA names", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("reads offsets either side of DST", () => {
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15), "Europe/Berlin")).toBe(1 * H);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 15), "Europe/Berlin")).toBe(2 * H);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15), "America/New_York")).toBe(-5 * H);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 15), "America/New_York")).toBe(-4 * H);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 15), "Asia/Kolkata")).toBe(5.5 * H);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 15), "UTC")).toBe(0);
  });

  it("gives the local wall clock with milliseconds", () => {
    expect(zonedParts(Date.UTC(2026, 2, 31, 22, 30, 15, 250), "Europe/Berlin")).toEqual({
      year: 2026,
      month: 4,
      day: 1,
      hour: 0,
      minute: 30,
      second: 15,
      millisecond: 250,
    });
    expect(localDateOf(Date.UTC(2026, 3, 1, 3), "America/New_York")).toEqual({ year: 2026, month: 3, day: 31 });
  });

  it("finds local midnight as a real instant", () => {
    expect(startOfLocalDay({ year: 2026, month: 3, day: 29 }, "Europe/Berlin")).toBe(Date.UTC(2026, 2, 28, 23));
    expect(startOfLocalDay({ year: 2026, month: 3, day: 30 }, "Europe/Berlin")).toBe(Date.UTC(2026, 2, 29, 22));
    expect(startOfLocalDay({ year: 2026, month: 11, day: 2 }, "America/New_York")).toBe(Date.UTC(2026, 10, 2, 5));
  });

  it("resolves a skipped wall time to the end of the gap", () => {
    // Berlin 2026-03-29: 02:00 CET jumps to 03:00 CEST at 01:00 UTC; 02:30 never appears.
    expect(instantOfWallTime({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/Berlin")).toBe(
      Date.UTC(2026, 2, 29, 1),
    );
  });

  it("resolves a repeated wall time to its first occurrence", () => {
    // Berlin 2026-10-25: 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET).
    expect(instantOfWallTime({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, "Europe/Berlin")).toBe(
      Date.UTC(2026, 9, 25, 0, 30),
    );
  });

  it("starts a day at the end of a midnight DST gap", () => {
    // Chile springs forward at 24:00 (00:00 → 01:00), so 7 Sep 2025 starts at 01:00 local, 04:00 UTC.
    expect(startOfLocalDay({ year: 2025, month: 9, day: 7 }, "America/Santiago")).toBe(Date.UTC(2025, 8, 7, 4));
  });
});
