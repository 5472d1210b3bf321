import { describe, expect, it } from "vitest";
import { incidentOfAlerts, mergeAlertEnd, severityOf } from "./alerts";

describe("alerts as incidents", () => {
  it("maps severity labels, the most severe winning", () => {
    expect(severityOf(["warning", "critical"])).toBe("SEV1");
    expect(severityOf(["Info"])).toBe("SEV4");
    expect(severityOf([undefined, "nonsense"])).toBe("SEV3");
  });

  it.each([
    [undefined, null, { end: null, changed: "new" }],
    [undefined, 50, { end: 50, changed: "new" }],
    [null, null, { end: null, changed: null }],
    [null, 50, { end: 50, changed: "resolved" }],
    [50, null, { end: 50, changed: null }], // a firing notification that arrives after the resolution
    [50, 50, { end: 50, changed: null }],
    [50, 70, { end: 70, changed: null }],
  ] as const)("recorded end %s, reported %s", (recorded, reported, out) => expect(mergeAlertEnd(recorded, reported)).toEqual(out));

  it("derives the incident: services from their first alert, ended when all their alerts end", () => {
    expect(incidentOfAlerts([{ service: "a", start: 10, end: 40 }, { service: "b", start: 20, end: null }, { service: "a", start: 15, end: 30 }])).toEqual({
      startedAt: 10,
      resolvedAt: null,
      impacts: [{ service: "a", startedAt: 10, endedAt: 40 }, { service: "b", startedAt: 20, endedAt: null }],
    });
    expect(incidentOfAlerts([{ service: "a", start: 10, end: 40 }])?.resolvedAt).toBe(40);
    expect(incidentOfAlerts([])).toBeNull();
  });
});
