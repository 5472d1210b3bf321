/**
 * The public status page's rules: a component's state from the incidents ongoing on its services,
 * its daily uptime from its services' figures, and the Atom feed's text. What the page shows is
 * decided here; what it may show (public titles, public updates) is decided by what the server
 * reads. Pure.
 */

export const COMPONENT_STATES = ["operational", "maintenance", "degraded", "partial_outage", "major_outage"] as const;
export type ComponentState = (typeof COMPONENT_STATES)[number];

export const COMPONENT_STATE_LABELS: Record<ComponentState, string> = {
  operational: "Operational",
  maintenance: "Under maintenance",
  degraded: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
};

/** From this share of a service down, an outage is partial (below: degraded performance). */
export const PARTIAL_OUTAGE_FRACTION = 0.25;

/**
 * A component's state from the impacts of the incidents ongoing on its services: the largest
 * unplanned fraction decides (100 %: major outage; from 25 %: partial; below: degraded); with only
 * planned work ongoing, under maintenance; with nothing, operational.
 */
export function componentState(ongoing: readonly { fraction: number; kind: "unplanned" | "maintenance" }[]): ComponentState {
  const unplanned = ongoing.filter((i) => i.kind === "unplanned").map((i) => i.fraction);
  if (unplanned.length) {
    const worst = Math.max(...unplanned);
    return worst >= 1 ? "major_outage" : worst >= PARTIAL_OUTAGE_FRACTION ? "partial_outage" : "degraded";
  }
  return ongoing.length ? "maintenance" : "operational";
}

/** The page's overall state: its worst component's. */
export function overallState(states: readonly ComponentState[]): ComponentState {
  return states.reduce<ComponentState>((worst, s) => (COMPONENT_STATES.indexOf(s) > COMPONENT_STATES.indexOf(worst) ? s : worst), "operational");
}

export const OVERALL_LABELS: Record<ComponentState, string> = {
  operational: "All systems operational",
  maintenance: "Maintenance in progress",
  degraded: "Some systems are degraded",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
};

/**
 * A component's uptime for one day: the lowest of its services' (a component is as up as its
 * least available part); null when none of them was measured that day.
 */
export function componentDayUptime(services: readonly (number | null)[]): number | null {
  const known = services.filter((u): u is number => u !== null);
  return known.length ? Math.min(...known) : null;
}

/** Uptime over several days: the mean of the days measured, each day weighing the same; null when none was. */
export function uptimeOverDays(days: readonly (number | null)[]): number | null {
  const known = days.filter((u): u is number => u !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
export const xmlEscape = (s: string) => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);

export type FeedEntry = { id: string; title: string; updated: string; link: string; summary: string };

/** An Atom 1.0 feed (RFC 4287): feed id, title, updated; each entry id, title, updated, link, summary. */
export function atomFeed(feed: { id: string; title: string; link: string; self: string; updated: string; entries: readonly FeedEntry[] }): string {
  const entry = (e: FeedEntry) =>
    [`  <entry>`, `    <id>${xmlEscape(e.id)}</id>`, `    <title>${xmlEscape(e.title)}</title>`, `    <updated>${e.updated}</updated>`, `    <link rel="alternate" href="${xmlEscape(e.link)}"/>`, `    <summary>${xmlEscape(e.summary)}</summary>`, `  </entry>`].join("\n");
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <id>${xmlEscape(feed.id)}</id>`,
    `  <title>${xmlEscape(feed.title)}</title>`,
    `  <updated>${feed.updated}</updated>`,
    `  <link rel="alternate" href="${xmlEscape(feed.link)}"/>`,
    `  <link rel="self" href="${xmlEscape(feed.self)}"/>`,
    `  <author><name>${xmlEscape(feed.title)}</name></author>`,
    ...feed.entries.map(entry),
    `</feed>`,
    "",
  ].join("\n");
}

export type BarClass = "bar-up" | "bar-dip" | "bar-down" | "bar-none";

/** How a day's bar is drawn: full uptime, a dip (from 99 %), down (below), or not measured. */
export function dayBarClass(uptime: number | null): BarClass {
  if (uptime === null) return "bar-none";
  if (uptime >= 1) return "bar-up";
  return uptime >= 0.99 ? "bar-dip" : "bar-down";
}

/**
 * A component's days as one SVG path per kind of bar (viewBox "0 0 <days> 1", a day a unit wide):
 * days in a row of the same kind are one rectangle, so a page of a thousand mostly quiet
 * components stays small; the gaps between days are drawn over them once (a pattern).
 */
export function uptimeBarPaths(days: readonly (number | null)[]): Record<BarClass, string> {
  const paths: Record<BarClass, string> = { "bar-up": "", "bar-dip": "", "bar-down": "", "bar-none": "" };
  for (let i = 0; i < days.length; ) {
    const cls = dayBarClass(days[i] ?? null);
    let end = i + 1;
    while (end < days.length && dayBarClass(days[end] ?? null) === cls) end += 1;
    paths[cls] += `M${i} 0h${end - i}v1h-${end - i}z`;
    i = end;
  }
  return paths;
}

/** Which kind of bar day `i` is drawn as, read back from the paths (for tests and text alternatives). */
export function barClassAt(paths: Record<BarClass, string>, i: number): BarClass | null {
  for (const [cls, d] of Object.entries(paths) as [BarClass, string][]) {
    for (const m of d.matchAll(/M(\d+) 0h(\d+)/g)) if (i >= Number(m[1]) && i < Number(m[1]) + Number(m[2])) return cls;
  }
  return null;
}
