import { describe, expect, it } from "vitest";
import { changeEntries, openingEntries, type IncidentState } from "./incident-history";

const base: IncidentState = {
  reference: "INC-7",
  title: "Checkout errors",
  severity: "SEV2",
  kind: "unplanned",
  status: "investigating",
  startedAt: "2026-11-30T10:00:00.000Z",
  detectedAt: "2026-11-30T10:04:00.000Z",
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  source: null,
  externalId: null,
  summary: "",
  rootCause: "",
  postmortem: "",
  impacts: [{ service: "checkout", fraction: 1, startedAt: null, endedAt: null }],
};
const NOW = "2026-11-30T11:00:00.000Z";

describe("openingEntries", () => {
  it("the opening at the start of impact, and each milestone declared with it at its own instant", () => {
    expect(openingEntries(base)).toEqual([
      { type: "note", at: base.startedAt, data: { kind: "opened", reference: "INC-7" } },
      { type: "detected", at: base.detectedAt, data: { kind: "milestone", milestone: "detectedAt", at: base.detectedAt, was: null } },
    ]);
  });
});

describe("scheduled maintenance's history", () => {
  const planned: IncidentState = { ...base, kind: "maintenance", status: "scheduled", startedAt: "2026-12-05T02:00:00.000Z", detectedAt: null, resolvedAt: "2026-12-05T04:00:00.000Z", createdAt: NOW };
  it("opens when it was planned, with its planned end, and logs no resolution ahead", () => {
    expect(openingEntries(planned)).toEqual([{ type: "note", at: NOW, data: { kind: "scheduled", reference: "INC-7", plannedEnd: "2026-12-05T04:00:00.000Z" } }]);
  });

  it("a moved planned end is a change of plan, said now; finishing it is the resolution at its instant", () => {
    expect(changeEntries(planned, { ...planned, resolvedAt: "2026-12-05T05:00:00.000Z" }, NOW)).toEqual([
      { type: "update", at: NOW, data: { kind: "planned_end", at: "2026-12-05T05:00:00.000Z", was: "2026-12-05T04:00:00.000Z" } },
    ]);
    const finished = changeEntries(planned, { ...planned, status: "resolved", resolvedAt: "2026-12-05T03:10:00.000Z" }, NOW);
    expect(finished[0]).toEqual({ type: "resolved", at: "2026-12-05T03:10:00.000Z", data: { kind: "milestone", milestone: "resolvedAt", at: "2026-12-05T03:10:00.000Z", was: "2026-12-05T04:00:00.000Z" } });
  });
});

describe("changeEntries", () => {
  it("nothing changed, nothing written", () => {
    expect(changeEntries(base, { ...base }, NOW)).toEqual([]);
  });

  it.each<[string, Partial<IncidentState>, unknown[]]>([
    ["a milestone set", { acknowledgedAt: "2026-11-30T10:20:00.000Z" }, [{ type: "acknowledged", at: "2026-11-30T10:20:00.000Z", data: { kind: "milestone", milestone: "acknowledgedAt", at: "2026-11-30T10:20:00.000Z", was: null } }]],
    ["a milestone corrected", { detectedAt: "2026-11-30T10:06:00.000Z" }, [{ type: "detected", at: "2026-11-30T10:06:00.000Z", data: { kind: "milestone", milestone: "detectedAt", at: "2026-11-30T10:06:00.000Z", was: base.detectedAt } }]],
    ["a milestone cleared", { detectedAt: null }, [{ type: "update", at: NOW, data: { kind: "milestone_cleared", milestone: "detectedAt", was: base.detectedAt } }]],
    ["the status", { status: "identified" }, [{ type: "status_change", at: NOW, data: { kind: "status", from: "investigating", to: "identified" } }]],
    ["the severity, an entry of its own type", { severity: "SEV1" }, [{ type: "severity_change", at: NOW, data: { kind: "field", field: "severity", from: "SEV2", to: "SEV1" } }]],
    ["the start, an instant", { startedAt: "2026-11-30T09:55:00.000Z" }, [{ type: "update", at: NOW, data: { kind: "field", field: "startedAt", from: base.startedAt, to: "2026-11-30T09:55:00.000Z" } }]],
    ["a long text (not copied into the timeline)", { postmortem: "# What happened" }, [{ type: "update", at: NOW, data: { kind: "text", field: "postmortem" } }]],
  ])("%s", (_, change, expected) => {
    expect(changeEntries(base, { ...base, ...change }, NOW)).toEqual(expected);
  });

  it("impacts added, changed and removed", () => {
    const after: IncidentState = {
      ...base,
      impacts: [
        { service: "checkout", fraction: 0.25, startedAt: null, endedAt: null },
        { service: "search", fraction: 1, startedAt: "2026-11-30T10:10:00.000Z", endedAt: null },
      ],
    };
    expect(changeEntries(base, after, NOW).map((e) => e.data)).toEqual([
      { kind: "impact_changed", service: "checkout", from: { fraction: 1, startedAt: null, endedAt: null }, to: { fraction: 0.25, startedAt: null, endedAt: null } },
      { kind: "impact_added", service: "search", to: { fraction: 1, startedAt: "2026-11-30T10:10:00.000Z", endedAt: null } },
    ]);
    expect(changeEntries(after, base, NOW).map((e) => e.data.kind)).toEqual(["impact_changed", "impact_removed"]);
  });
});

describe("corrections and roles", () => {
  it("severity, title and kind changes are entries of their own type; other fields stay updates", () => {
    const after = { ...base, severity: "SEV1", title: "Checkout down", kind: "maintenance", source: "pagerduty" };
    expect(changeEntries(base, after, NOW).map((e) => e.type)).toEqual(["title_change", "severity_change", "kind_change", "update"]);
  });

  it("compares role holders only when both states carry them", () => {
    const holders = [{ role: "commander", user: null, name: "Ada" }];
    expect(changeEntries(base, { ...base, holders }, NOW)).toEqual([]);
    expect(changeEntries({ ...base, holders: [] }, { ...base, holders }, NOW).map((e) => e.type)).toEqual(["role_change"]);
  });
});
