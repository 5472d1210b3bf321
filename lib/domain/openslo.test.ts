import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromOpenSloWindow, parseOpenSloDuration, toOpenSloWindow } from "./openslo";

describe("OpenSLO time windows", () => {
  it.each(["rolling:30d", "rolling:7d", "rolling:399d", "week", "month", "quarter"])("%s round-trips", (w) => {
    const doc = toOpenSloWindow(w, "Europe/Berlin");
    expect(fromOpenSloWindow(doc, "Europe/Berlin")).toEqual({ window: w });
  });

  it("every rolling window round-trips", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 399 }), (days) => {
      expect(fromOpenSloWindow(toOpenSloWindow(`rolling:${days}d`, "UTC"), "UTC")).toEqual({ window: `rolling:${days}d` });
    }));
  });

  it("names the calendar's zone and start", () => {
    expect(toOpenSloWindow("month", "Europe/Berlin")).toEqual({ duration: "1M", isRolling: false, calendar: { startTime: "2024-01-01 00:00:00", timeZone: "Europe/Berlin" } });
  });

  it.each([
    ["2w", "rolling:14d"],
    ["4w", "rolling:28d"],
    ["720h", "rolling:30d"],
    ["1440m", "rolling:1d"],
    ["28d", "rolling:28d"],
  ])("reads a rolling %s as %s", (duration, window) => {
    expect(fromOpenSloWindow({ duration, isRolling: true })).toEqual({ window });
  });

  it.each([
    [{ duration: "1w", isRolling: false, calendar: { startTime: "2025-06-02 00:00:00", timeZone: "UTC" } }, "week"],
    [{ duration: "7d", isRolling: false }, "week"],
    [{ duration: "1M", isRolling: false, calendar: { startTime: "2022-03-01 00:00:00", timeZone: "UTC" } }, "month"],
    [{ duration: "3M", isRolling: false }, "quarter"],
    [{ duration: "1Q", isRolling: false, calendar: { startTime: "2023-10-01 00:00:00" } }, "quarter"],
  ])("reads the calendar window %j as %s", (w, window) => {
    expect(fromOpenSloWindow(w, "UTC")).toEqual({ window });
  });

  it.each([
    [{ duration: "2w", isRolling: false }, "duration", /week \(1w\), a month \(1M\) or a quarter/],
    [{ duration: "1Y", isRolling: false }, "duration", /year/],
    [{ duration: "1Y", isRolling: true }, "duration", /year/],
    [{ duration: "12h", isRolling: true }, "duration", /under a day/],
    [{ duration: "30m", isRolling: true }, "duration", /under a day/],
    [{ duration: "36h", isRolling: true }, "duration", /whole number of days/],
    [{ duration: "1M", isRolling: true }, "duration", /no fixed length/],
    [{ duration: "400d", isRolling: true }, "duration", /at most 399/],
    [{ duration: "30 days", isRolling: true }, "duration", /whole number and a unit/],
    [{}, "duration", /whole number and a unit/],
    [{ duration: "1M", isRolling: false, calendar: { startTime: "2024-01-15 00:00:00", timeZone: "UTC" } }, "calendar.startTime", /first day/],
    [{ duration: "1w", isRolling: false, calendar: { startTime: "2024-01-02 00:00:00", timeZone: "UTC" } }, "calendar.startTime", /Monday/],
    [{ duration: "1Q", isRolling: false, calendar: { startTime: "2024-02-01 00:00:00", timeZone: "UTC" } }, "calendar.startTime", /quarter/],
    [{ duration: "1M", isRolling: false, calendar: { startTime: "2024-01-01 12:00:00", timeZone: "UTC" } }, "calendar.startTime", /midnight/],
    [{ duration: "1M", isRolling: false, calendar: { startTime: "2024-01-01 00:00:00", timeZone: "America/New_York" } }, "calendar.timeZone", /UTC; this one is in America\/New_York/],
  ])("refuses %j, naming %s", (w, field, message) => {
    const read = fromOpenSloWindow(w, "UTC");
    expect(read).toMatchObject({ field });
    expect("error" in read && read.error).toMatch(message);
  });

  it("reads every duration unit", () => {
    expect(["5m", "2h", "3d", "1w", "1M", "1Q", "1Y"].map((d) => parseOpenSloDuration(d)?.unit)).toEqual(["m", "h", "d", "w", "M", "Q", "Y"]);
    expect(parseOpenSloDuration("0d")).toBeNull();
    expect(parseOpenSloDuration("1.5d")).toBeNull();
  });
});
