import { describe, expect, it } from "vitest";
import type { StatusSnapshotDto } from "@/lib/dto/status-page";
import { componentsHtml } from "./status-html";

// The status page renders this string as raw HTML: every text in it must arrive escaped.
describe("componentsHtml", () => {
  it("escapes a component's name, which an admin types, wherever it appears", () => {
    const name = `<img src=x onerror="alert(1)"> & 'quotes'`;
    const snapshot = {
      title: "t",
      generatedAt: "2026-12-01T00:00:00.000Z",
      timeZone: "UTC",
      state: "degraded",
      components: [{ name, state: "degraded", uptime: 0.5, days: [{ date: "2026-11-30", uptime: 1 }, { date: "2026-12-01", uptime: 0.5 }] }],
      ongoing: [],
      history: [],
      scheduled: [],
    } satisfies StatusSnapshotDto;
    const html = componentsHtml(snapshot);
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/onerror="/);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &apos;quotes&apos;");
    // Only the markup this module writes: its own tags, nothing else.
    const tags = new Set([...html.matchAll(/<\/?([a-z][a-z0-9]*)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(["details", "div", "figcaption", "figure", "h3", "li", "path", "rect", "span", "summary", "svg", "ul"]);
  });
});
