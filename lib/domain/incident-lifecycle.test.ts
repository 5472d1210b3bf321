import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  copiesChanged,
  effectiveSlo,
  futureIssues,
  impactIssues,
  incidentPhase,
  impactRowCopies,
  incidentIssues,
  incidentReference,
  initialStatus,
  MILESTONES,
  milestoneBounds,
  milestoneOrderIssues,
  parseIncidentReference,
  SEVERITIES,
  SEVERITY_MEANINGS,
  statusAfterEdit,
  statusAfterMilestone,
  statusIssues,
  statusLabel,
  type IncidentCopy,
} from "./incident-lifecycle";

const T = (minute: number) => Date.UTC(2026, 10, 30, 10, minute);

describe("references", () => {
  it.each([
    [1, "INC-1"],
    [412, "INC-412"],
  ])("%i is %s and back", (n, ref) => {
    expect(incidentReference(n)).toBe(ref);
    expect(parseIncidentReference(ref)).toBe(n);
  });

  it.each(["inc-7", " INC-7 ", "Inc-7"])("reads %j", (text) => expect(parseIncidentReference(text)).toBe(7));
  it.each(["INC-0", "INC-01", "INC-", "INC-x", "7", "INC-99999999999", "cm3abc", "INC-1.5"])("refuses %j", (text) => expect(parseIncidentReference(text)).toBeNull());
});

describe("milestones", () => {
  it("in order, absent ones skipped: no issue", () => {
    expect(milestoneOrderIssues({ startedAt: T(0), detectedAt: T(4), resolvedAt: T(30) })).toEqual([]);
    expect(milestoneOrderIssues({ startedAt: T(0), detectedAt: T(4), acknowledgedAt: T(4) })).toEqual([]);
  });

  it.each([
    [{ startedAt: T(10), detectedAt: T(5) }, "detectedAt", /before impact began/],
    [{ startedAt: T(0), detectedAt: T(10), acknowledgedAt: T(5) }, "acknowledgedAt", /before detected/],
    [{ startedAt: T(0), detectedAt: T(10), resolvedAt: T(5) }, "resolvedAt", /before detected/],
    // An absent milestone in between does not hide an inversion around it.
    [{ startedAt: T(0), acknowledgedAt: T(20), resolvedAt: T(15) }, "resolvedAt", /before acknowledged/],
  ])("%j: %s is out of order", (times, path, message) => {
    const [issue] = milestoneOrderIssues(times);
    expect(issue?.path).toBe(path);
    expect(issue?.message).toMatch(message);
  });

  it("Dates and epoch ms are the same instants", () => {
    expect(milestoneOrderIssues({ startedAt: new Date(T(10)), detectedAt: T(5) })).toHaveLength(1);
  });

  it("bounds say what a form may offer for a milestone", () => {
    const times = { startedAt: T(0), detectedAt: T(4), mitigatedAt: T(20), resolvedAt: null };
    expect(milestoneBounds(times, "acknowledgedAt")).toEqual({ notBefore: T(4), notAfter: T(20) });
    expect(milestoneBounds(times, "resolvedAt")).toEqual({ notBefore: T(20), notAfter: null });
    expect(milestoneBounds(times, "startedAt")).toEqual({ notBefore: null, notAfter: T(4) });
  });

  it("a value within the bounds never breaks the order (property)", () => {
    const instants = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 5, maxLength: 5 });
    const present = fc.array(fc.boolean(), { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(instants, present, fc.constantFrom(...MILESTONES), fc.integer({ min: 0, max: 10_000 }), (values, has, which, value) => {
        // Ordered milestones, some absent (never the start): a valid incident to edit.
        const sorted = [...values].sort((a, b) => a - b);
        const times = Object.fromEntries(MILESTONES.map((m, i) => [m, i === 0 || has[i] ? sorted[i] : null])) as { startedAt: number };
        const { notBefore, notAfter } = milestoneBounds(times, which);
        fc.pre((notBefore === null || value >= notBefore) && (notAfter === null || value <= notAfter));
        expect(milestoneOrderIssues({ ...times, [which]: value })).toEqual([]);
      }),
    );
  });
});

describe("status", () => {
  it.each([
    ["resolved", null, ["status"]],
    ["resolved", T(9), []],
    ["monitoring", T(9), ["status"]],
    ["investigating", null, []],
  ] as const)("%s with resolvedAt %s", (status, resolvedAt, paths) => {
    expect(statusIssues(status, resolvedAt).map((i) => i.path)).toEqual(paths);
  });

  it.each([
    [{}, "investigating"],
    [{ mitigatedAt: T(5) }, "monitoring"],
    [{ mitigatedAt: T(5), resolvedAt: T(9) }, "resolved"],
  ] as const)("a new incident with %j starts %s", (times, status) => expect(initialStatus(times)).toBe(status));

  it.each([
    ["an explicit status wins", { requested: "identified", previous: "investigating", wasResolved: false, resolvedAt: null, mitigatedAt: null }, "identified"],
    ["resolving", { previous: "monitoring", wasResolved: false, resolvedAt: T(9), mitigatedAt: T(5) }, "resolved"],
    ["reopening", { previous: "resolved", wasResolved: true, resolvedAt: null, mitigatedAt: T(5) }, "investigating"],
    ["an edit of an open one keeps its status", { previous: "identified", wasResolved: false, resolvedAt: null, mitigatedAt: null }, "identified"],
  ] as const)("after an edit: %s", (_, args, status) => expect(statusAfterEdit(args)).toBe(status));

  it.each([
    ["resolvedAt", "identified", "resolved"],
    ["mitigatedAt", "identified", "monitoring"],
    ["mitigatedAt", "resolved", "resolved"],
    ["acknowledgedAt", "investigating", "investigating"],
  ] as const)("logging %s when %s gives %s", (milestone, previous, status) => expect(statusAfterMilestone(milestone, previous)).toBe(status));
});

describe("scheduled maintenance", () => {
  const now = T(0);
  it("only maintenance is scheduled, and a scheduled one may carry its planned end", () => {
    expect(statusIssues("scheduled", T(120), "maintenance")).toEqual([]);
    expect(statusIssues("scheduled", null, "maintenance")).toEqual([]);
    expect(statusIssues("scheduled", null, "unplanned")[0]?.message).toMatch(/Only planned maintenance/);
  });

  it("nothing is entered ahead but a scheduled maintenance's start and end; five minutes of clock skew are forgiven", () => {
    expect(futureIssues({ startedAt: T(60), resolvedAt: T(120), status: "scheduled" }, now)).toEqual([]);
    expect(futureIssues({ startedAt: T(1) }, now)).toEqual([]);
    expect(futureIssues({ startedAt: T(60) }, now).map((i) => i.path)).toEqual(["startedAt"]);
    expect(futureIssues({ startedAt: T(60) }, now)[0]?.message).toMatch(/only planned maintenance is entered ahead/);
    expect(futureIssues({ startedAt: T(-60), detectedAt: T(30), status: "scheduled" }, now).map((i) => i.path)).toEqual(["detectedAt"]);
    expect(incidentIssues({ startedAt: T(60), status: "investigating" }, "UTC", now).map((i) => i.path)).toEqual(["startedAt"]);
    expect(futureIssues({ startedAt: T(-60), impacts: [{ service: "a", endedAt: T(60) }] }, now).map((i) => i.path)).toEqual(["impacts.0.endedAt"]);
  });

  it("maintenance declared to start later is scheduled; anything else starts as before", () => {
    expect(initialStatus({ kind: "maintenance", startedAt: T(60), resolvedAt: T(120) }, now)).toBe("scheduled");
    expect(initialStatus({ kind: "maintenance", startedAt: T(-60) }, now)).toBe("investigating");
    expect(initialStatus({ kind: "unplanned", startedAt: T(60) }, now)).toBe("investigating");
  });

  it("a scheduled one stays scheduled while its plan moves; finishing or another status makes it an incident like any", () => {
    expect(statusAfterEdit({ previous: "scheduled", wasResolved: true, resolvedAt: T(200), mitigatedAt: null, kind: "maintenance" })).toBe("scheduled");
    expect(statusAfterEdit({ previous: "scheduled", wasResolved: true, resolvedAt: T(200), mitigatedAt: null, kind: "unplanned" })).toBe("resolved");
    expect(statusAfterEdit({ requested: "identified", previous: "scheduled", wasResolved: false, resolvedAt: null, mitigatedAt: null, kind: "maintenance" })).toBe("identified");
    expect(statusAfterMilestone("mitigatedAt", "scheduled")).toBe("scheduled");
    expect(statusAfterMilestone("resolvedAt", "scheduled")).toBe("resolved");
  });

  it("reads scheduled, in progress, completed by the clock", () => {
    const plan = { startedAt: T(60), resolvedAt: T(120), status: "scheduled" as const };
    expect([T(0), T(60), T(119), T(120)].map((at) => statusLabel("scheduled", incidentPhase(plan, at)))).toEqual(["scheduled", "in progress", "in progress", "completed"]);
    expect(statusLabel("identified", "ongoing")).toBe("identified");
  });

  it("only scheduled maintenance goes by the clock: another incident dated a little ahead (another clock) is ongoing, or over once resolved", () => {
    expect(incidentPhase({ startedAt: T(3), resolvedAt: null, status: "investigating" }, now)).toBe("ongoing");
    expect(incidentPhase({ startedAt: T(-30), resolvedAt: T(2), status: "resolved" }, now)).toBe("over");
  });

  it("phase: upcoming, then ongoing, then over, never back, as the clock moves (property)", () => {
    const order = { upcoming: 0, ongoing: 1, over: 2 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.option(fc.integer({ min: 0, max: 10_000 })), fc.array(fc.integer({ min: -100, max: 20_000 }), { minLength: 2 }), (start, length, instants) => {
        const times = { startedAt: start, resolvedAt: length === null ? null : start + length, status: "scheduled" as const };
        const phases = [...instants].sort((a, b) => a - b).map((at) => order[incidentPhase(times, at)]);
        expect(phases).toEqual([...phases].sort((a, b) => a - b));
        for (const at of instants) {
          const ongoing = at >= start && (times.resolvedAt === null || at < times.resolvedAt);
          expect(incidentPhase(times, at) === "ongoing").toBe(ongoing);
        }
      }),
    );
  });
});

describe("impacts", () => {
  const incident = { startedAt: T(0), resolvedAt: T(60) };
  it.each([
    [[{ service: "a" }, { service: "a" }], "impacts.1.service", /listed twice/],
    [[{ service: "a", startedAt: T(-1) }], "impacts.0.startedAt", /before the incident's startedAt/],
    [[{ service: "a", startedAt: T(61) }], "impacts.0.startedAt", /after the incident's resolvedAt/],
    [[{ service: "a", startedAt: T(10), endedAt: T(5) }], "impacts.0.endedAt", /before the impact's start/],
    [[{ service: "a", endedAt: T(61) }], "impacts.0.endedAt", /after the incident's resolvedAt/],
  ])("%j", (impacts, path, message) => {
    const [issue] = impactIssues(incident, impacts);
    expect(issue?.path).toBe(path);
    expect(issue?.message).toMatch(message);
  });

  it("an ongoing incident bounds its impacts' starts only from below", () => {
    expect(impactIssues({ startedAt: T(0) }, [{ service: "a", startedAt: T(500), endedAt: T(900) }])).toEqual([]);
  });

  it("incidentIssues gathers every rule", () => {
    const issues = incidentIssues({ startedAt: T(10), detectedAt: T(5), status: "resolved", impacts: [{ service: "a" }, { service: "a" }] });
    expect(issues.map((i) => i.path)).toEqual(["detectedAt", "status", "impacts.1.service"]);
  });
});

describe("what an impact row copies", () => {
  const incident: IncidentCopy = { number: 7, title: "Checkout down", kind: "unplanned", startedAt: new Date(T(0)), detectedAt: new Date(T(2)), acknowledgedAt: null, resolvedAt: new Date(T(40)) };

  it("the incident's fields, and bounds: its own, else the incident's", () => {
    expect(impactRowCopies(incident, {})).toMatchObject({ incidentNumber: 7, incidentTitle: "Checkout down", kind: "unplanned", effectiveStart: incident.startedAt, effectiveEnd: incident.resolvedAt });
    const own = { startedAt: new Date(T(5)), endedAt: new Date(T(20)) };
    expect(impactRowCopies(incident, own)).toMatchObject({ effectiveStart: own.startedAt, effectiveEnd: own.endedAt });
    expect(impactRowCopies({ ...incident, resolvedAt: null }, {}).effectiveEnd).toBeNull();
  });

  it("copies change with kind or a milestone, not with the title", () => {
    expect(copiesChanged(incident, { ...incident, title: "Renamed" })).toBe(false);
    expect(copiesChanged(incident, { ...incident, kind: "maintenance" })).toBe(true);
    expect(copiesChanged(incident, { ...incident, acknowledgedAt: new Date(T(3)) })).toBe(true);
    expect(copiesChanged(incident, { ...incident, resolvedAt: new Date(T(40)) })).toBe(false);
  });
});

describe("effective SLO", () => {
  const tier = { sloTarget: 0.999, sloWindow: "rolling:30d", maintenance: "count" as const };
  it.each([
    [{ sloTarget: null, sloWindow: null, maintenance: null }, tier],
    [{ sloTarget: 0.9999, sloWindow: null, maintenance: "exclude" as const }, { sloTarget: 0.9999, sloWindow: "rolling:30d", maintenance: "exclude" }],
    [{ sloTarget: null, sloWindow: "month", maintenance: null }, { ...tier, sloWindow: "month" }],
  ])("own %j", (own, expected) => expect(effectiveSlo(own, tier)).toEqual(expected));
});

describe("severities", () => {
  it("every severity has its one-line meaning", () => {
    for (const s of SEVERITIES) expect(SEVERITY_MEANINGS[s].length).toBeGreaterThan(10);
  });
});

describe("milestone messages name instants as people read them", () => {
  it("in the organisation's zone, with the zone named, not raw ISO", () => {
    const times = { startedAt: "2026-03-03T10:00:00Z", detectedAt: "2026-03-03T11:00:00Z", acknowledgedAt: "2026-03-03T10:30:00Z" };
    expect(milestoneOrderIssues(times, "Europe/Paris")).toEqual([{ path: "acknowledgedAt", message: "Must not be before detected (2026-03-03 12:00 Europe/Paris)" }]);
    expect(milestoneOrderIssues(times)[0]?.message).toBe("Must not be before detected (2026-03-03 11:00 UTC)");
  });
});
