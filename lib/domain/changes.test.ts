import { describe, expect, it } from "vitest";
import { changesWindowBefore, freezeEnd, freezeLine, freezeOverlaps, isPostmortemOverdue, postmortemRequiredText, type FreezePeriod } from "./changes";

const t = (iso: string) => Date.parse(iso);
const base: FreezePeriod = { startedAt: t("2026-11-30T10:00:00Z"), endedAt: null, recoversAt: null, liftedAt: null, liftedBy: null, liftReason: null };
const asOf = t("2026-12-03T12:00:00Z");

describe("changes beside incidents", () => {
  it("looks two hours back from an incident's start, both ends included", () => {
    expect(changesWindowBefore(t("2026-11-30T10:00:00Z"))).toEqual({ from: t("2026-11-30T08:00:00Z"), to: t("2026-11-30T10:00:00Z") });
  });
});

describe("freezes", () => {
  it("says when an ongoing freeze recovers, or that it waits for the budget", () => {
    expect(freezeLine(base, "UTC", asOf)).toBe("frozen since 2026-11-30 10:00 UTC, recovers when its budget is back above the threshold");
    expect(freezeLine({ ...base, recoversAt: t("2026-12-05T08:30:00Z") }, "Europe/Berlin", asOf)).toBe("frozen since 2026-11-30 11:00 Europe/Berlin, recovers when 2026-12-05 09:30 Europe/Berlin");
  });

  it("names who lifted one early and why, and when one ended", () => {
    const lifted = { ...base, liftedAt: t("2026-12-01T09:00:00Z"), endedAt: t("2026-12-01T09:00:00Z"), liftedBy: "Ada", liftReason: "Payment fix" };
    expect(freezeLine(lifted, "UTC", asOf)).toBe("frozen since 2026-11-30 10:00 UTC, lifted early by Ada at 2026-12-01 09:00 UTC: Payment fix");
    expect(freezeLine({ ...base, endedAt: t("2026-12-02T00:00:00Z") }, "UTC", asOf)).toBe("frozen since 2026-11-30 10:00 UTC, ended 2026-12-02 00:00 UTC");
  });

  it("reads an end after asOf as still holding (a review closed before it ended)", () => {
    const later = { ...base, endedAt: t("2026-12-10T00:00:00Z") };
    expect(freezeEnd(later, asOf)).toBeNull();
    expect(freezeLine(later, "UTC", asOf)).toMatch(/recovers when/);
  });

  it("overlaps a range when it held in it", () => {
    const ended = { ...base, endedAt: t("2026-12-01T00:00:00Z") };
    expect(freezeOverlaps(ended, t("2026-11-23T00:00:00Z"), t("2026-11-30T10:00:00Z"), asOf)).toBe(false);
    expect(freezeOverlaps(ended, t("2026-11-30T00:00:00Z"), t("2026-12-07T00:00:00Z"), asOf)).toBe(true);
    expect(freezeOverlaps(ended, t("2026-12-01T00:00:00Z"), t("2026-12-07T00:00:00Z"), asOf)).toBe(false);
    expect(freezeOverlaps(base, t("2026-12-01T00:00:00Z"), t("2026-12-07T00:00:00Z"), asOf)).toBe(true);
    expect(freezeOverlaps(base, t("2026-11-23T00:00:00Z"), t("2026-11-30T00:00:00Z"), asOf)).toBe(false);
  });
});

describe("required postmortems", () => {
  it("is overdue once due and still empty", () => {
    const dueAt = t("2026-12-01T00:00:00Z");
    expect(isPostmortemOverdue({ dueAt, postmortem: " " }, asOf)).toBe(true);
    expect(isPostmortemOverdue({ dueAt, postmortem: "## Summary" }, asOf)).toBe(false);
    expect(isPostmortemOverdue({ dueAt: asOf + 1, postmortem: "" }, asOf)).toBe(false);
    expect(isPostmortemOverdue({ dueAt: null, postmortem: "" }, asOf)).toBe(false);
  });

  it("says by when and why", () => {
    expect(postmortemRequiredText(t("2026-12-04T10:00:00Z"), "It cost 31 % of the budget", "UTC")).toBe("Postmortem required by 2026-12-04 10:00 UTC — It cost 31 % of the budget");
    expect(postmortemRequiredText(t("2026-12-04T10:00:00Z"), null, "UTC")).toBe("Postmortem required by 2026-12-04 10:00 UTC");
  });
});
