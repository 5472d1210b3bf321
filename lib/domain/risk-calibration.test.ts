import { describe, expect, it } from "vitest";
import { calibrate } from "./risk-calibration";

const min = 60_000;
const day = 86_400_000;
const t0 = Date.UTC(2026, 0, 1);
const estimates = { ettdMinutes: 10, ettrMinutes: 60, ettfDays: 180, impactFraction: 0.5 };

describe("risk calibration", () => {
  it("observes detect, repair, gaps and impact from realised incidents", () => {
    const c = calibrate(
      [
        { startedAt: t0 + 90 * day, detectedAt: t0 + 90 * day + 30 * min, resolvedAt: t0 + 90 * day + 150 * min, impactFraction: 1 },
        { startedAt: t0, detectedAt: t0 + 10 * min, resolvedAt: t0 + 70 * min, impactFraction: 0.5 },
      ],
      estimates,
    );
    expect(c.incidents).toBe(2);
    expect(c.ettdMinutes).toEqual({ observed: 20, count: 2 });
    expect(c.ettrMinutes).toEqual({ observed: 90, count: 2 });
    expect(c.ettfDays).toEqual({ observed: 90, count: 1 });
    expect(c.impactFraction).toEqual({ observed: 0.75, count: 2 });
    // (20 + 90) × 0.75 × 365.25 / 90
    expect(c.badMinutesPerYear).toBeCloseTo(110 * 0.75 * (365.25 / 90), 9);
  });

  it("uses the estimate where nothing was observed, and leaves out milestones out of order", () => {
    const c = calibrate([{ startedAt: t0, detectedAt: t0 - min, resolvedAt: null, impactFraction: null }], estimates);
    expect(c.ettdMinutes).toEqual({ observed: null, count: 0 });
    expect(c.ettfDays.observed).toBeNull();
    expect(c.badMinutesPerYear).toBeNull();
  });

  it("is empty without incidents", () => {
    expect(calibrate([], estimates)).toMatchObject({ incidents: 0, badMinutesPerYear: null });
  });
});
