import "server-only";
import { formatPercent } from "@/lib/domain/format";
import { COMPONENT_STATE_LABELS, uptimeBarPaths, xmlEscape, type ComponentState } from "@/lib/domain/status-page";
import type { StatusSnapshotDto } from "@/lib/dto/status-page";

// The status page's component list as HTML, made once per snapshot and shared by every request
// that serves it (docs/decisions/0026-status-page-snapshot.md): at a thousand components, React
// rendering the list per request cost seconds; the string costs nothing to serve again. Every
// text in it is escaped.

/** A mark beside each state's words, so its colour is never the only signal. */
export const STATE_MARKS: Record<ComponentState, string> = { operational: "✓", maintenance: "🔧", degraded: "!", partial_outage: "!", major_outage: "✕" };

type Component = StatusSnapshotDto["components"][number];

function summary(c: Component): { text: string; down: Component["days"] } {
  const down = c.days.filter((d) => d.uptime !== null && d.uptime < 1);
  const uptime = c.uptime === null ? "not measured" : `${formatPercent(c.uptime, 2)} uptime`;
  return { text: `${c.name}: ${uptime} over ${c.days.length} days; ${down.length === 0 ? "no day with downtime" : `${down.length} day${down.length === 1 ? "" : "s"} with downtime`}.`, down };
}

function componentHtml(c: Component): string {
  const e = xmlEscape;
  const { text, down } = summary(c);
  const paths = Object.entries(uptimeBarPaths(c.days.map((d) => d.uptime)))
    .filter(([, d]) => d)
    .map(([cls, d]) => `<path class="${cls}" d="${d}"/>`)
    .join("");
  // The gaps between days, drawn over the bars (the pattern is defined once, by the page).
  const gaps = `<rect width="${c.days.length}" height="1" fill="url(#uptime-day-gaps)"/>`;
  const downList = down.length
    ? `<details class="uptime-days"><summary>${down.length} day${down.length === 1 ? "" : "s"} with downtime</summary><ul>${down.map((d) => `<li>${e(d.date)}: ${e(formatPercent(d.uptime as number, 3))}</li>`).join("")}</ul></details>`
    : "";
  return [
    `<li><div class="status-component-head"><h3>${e(c.name)}</h3>`,
    `<span class="status-state state-${c.state}"><span aria-hidden="true">${STATE_MARKS[c.state]}</span> ${e(COMPONENT_STATE_LABELS[c.state])}</span></div>`,
    `<figure class="uptime"><svg class="uptime-bars" role="img" aria-label="${e(text)}" viewBox="0 0 ${c.days.length} 1" preserveAspectRatio="none">${paths}${gaps}</svg>`,
    `<figcaption class="uptime-caption"><span>${e(c.days[0]?.date ?? "")}</span><span>${e(c.uptime === null ? "no data" : `${formatPercent(c.uptime, 2)} uptime`)}</span><span>today</span></figcaption>${downList}</figure></li>`,
  ].join("");
}

const made = new WeakMap<StatusSnapshotDto, string>();

/** The list's inner HTML for this snapshot (made on first use). */
export function componentsHtml(s: StatusSnapshotDto): string {
  let html = made.get(s);
  if (html === undefined) {
    html = s.components.map(componentHtml).join("");
    made.set(s, html);
  }
  return html;
}

const json = new WeakMap<StatusSnapshotDto, string>();

/** The snapshot as /status.json sends it (serialized on first use). */
export function snapshotJson(s: StatusSnapshotDto): string {
  let text = json.get(s);
  if (text === undefined) {
    text = JSON.stringify(s);
    json.set(s, text);
  }
  return text;
}
