import { describe, expect, it } from "vitest";
import { fromOpenSloWindow, toOpenSloWindow } from "./openslo";

describe("OpenSLO time windows", () => {
  it.each(["rolling:30d", "rolling:7d", "rolling:399d", "week", "month", "quarter"])("%s round-trips", (w) => {
    const doc = toOpenSloWindow(w, "Europe/Berlin");
    expect(fromOpenSloWindow(doc)).toEqual({ window: w });
  });

  it("names the calendar's zone and start", () => {
    expect(toOpenSloWindow("month", "Europe/Berlin")).toEqual({ duration: "1M", isRolling: false, calendar: { startTime: "2024-01-01 00:00:00", timeZone: "Europe/Berlin" } });
  });

  it.each([[{ duration: "2w", isRolling: false }], [{ duration: "400d", isRolling: true }], [{ duration: "30h", isRolling: true }], [{}]])("refuses %j", (w) => {
    expect(fromOpenSloWindow(w)).toHaveProperty("error");
  });
});
