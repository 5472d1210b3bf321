import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { atomFeed, barClassAt, componentDayUptime, componentState, dayBarClass, overallState, uptimeBarPaths, uptimeOverDays, xmlEscape } from "./status-page";

describe("componentState", () => {
  it.each<[string, { fraction: number; kind: "unplanned" | "maintenance" }[], string]>([
    ["nothing ongoing", [], "operational"],
    ["a full outage", [{ fraction: 1, kind: "unplanned" }], "major_outage"],
    ["25 % down", [{ fraction: 0.25, kind: "unplanned" }], "partial_outage"],
    ["just under 25 %", [{ fraction: 0.2499, kind: "unplanned" }], "degraded"],
    ["the largest decides", [{ fraction: 0.1, kind: "unplanned" }, { fraction: 0.5, kind: "unplanned" }], "partial_outage"],
    ["only planned work", [{ fraction: 1, kind: "maintenance" }], "maintenance"],
    ["planned work and a small unplanned impact", [{ fraction: 1, kind: "maintenance" }, { fraction: 0.1, kind: "unplanned" }], "degraded"],
  ])("%s → %s", (_, ongoing, expected) => expect(componentState(ongoing)).toBe(expected));

  it("the page is as bad as its worst component", () => {
    expect(overallState(["operational", "maintenance", "partial_outage", "degraded"])).toBe("partial_outage");
    expect(overallState([])).toBe("operational");
  });
});

describe("uptime", () => {
  it("a component's day is its least available service's; unmeasured services do not count", () => {
    expect(componentDayUptime([0.99, null, 0.5])).toBe(0.5);
    expect(componentDayUptime([null, null])).toBeNull();
    expect(uptimeOverDays([1, null, 0.5])).toBe(0.75);
  });

  it("every day is drawn once, in the path of its kind, at its place; a quiet stretch is one rectangle", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 120 }), (days) => {
        const paths = uptimeBarPaths(days);
        const width = [...Object.values(paths).join("").matchAll(/h(\d+)v/g)].reduce((a, m) => a + Number(m[1]), 0);
        return width === days.length && days.every((u, i) => barClassAt(paths, i) === dayBarClass(u));
      }),
    );
    expect(uptimeBarPaths([1, 1, 1, 0.5, 1])).toEqual({ "bar-up": "M0 0h3v1h-3zM4 0h1v1h-1z", "bar-dip": "", "bar-down": "M3 0h1v1h-1z", "bar-none": "" });
  });
});

describe("atomFeed", () => {
  it("escapes text, so a title cannot break the XML", () => {
    expect(xmlEscape(`<b>"a" & 'b'</b>`)).toBe("&lt;b&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/b&gt;");
    const xml = atomFeed({ id: "u:1", title: "A & B", link: "https://s/status", self: "https://s/status/feed.atom", updated: "2026-12-01T00:00:00.000Z", entries: [{ id: "u:2", title: "<script>", updated: "2026-12-01T00:00:00.000Z", link: "https://s/status#x", summary: "a & b" }] });
    expect(xml).toContain("<title>&lt;script&gt;</title>");
    expect(xml).not.toContain("<script>");
  });
});
