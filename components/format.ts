// Presentation-only formatting shared by server and client components. No business rules:
// numbers arrive computed from the API; these only turn them into text.

import { formatZonedDateTime } from "@/lib/domain/time-zone";

// Percentages: formatPercent and percentText of lib/domain/format.ts, the one rule for the app.
export { budgetLeftText, formatCount, formatPercent, percentText } from "@/lib/domain/format";

/** "99.9" → 0.999: the domain's reading of percent typed in a form (lib/domain/percent-input.ts). */
export { parsePercentText as percentTextToRatio } from "@/lib/domain/percent-input";

export function formatWindow(window: string): string {
  const rolling = /^rolling:(\d+)d$/.exec(window);
  if (rolling) return `Rolling ${rolling[1]} days`;
  if (window === "week") return "Calendar week";
  if (window === "month") return "Calendar month";
  if (window === "quarter") return "Calendar quarter";
  return window;
}

export function formatMaintenance(rule: "count" | "exclude"): string {
  return rule === "count" ? "Maintenance counts" : "Maintenance excluded";
}

export function tierLabel(tier: { rank: number; name: string }): string {
  return `Tier ${tier.rank} · ${tier.name}`;
}

/**
 * ISO instant → "2025-03-30 14:05" on the wall clock of `timeZone`, from the domain's zone
 * arithmetic (numeric parts, so server and browser print the same text and hydration matches).
 */
export function formatDateTime(iso: string, timeZone: string): string {
  return formatZonedDateTime(Date.parse(iso), timeZone);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A window label as people say it: "November 2026", "week 2026-W48", "the last 30 days". */
export function describeWindowLabel(label: string): string {
  const [kind, value = ""] = label.split(/:(.*)/s);
  if (kind === "month") {
    const [year, month] = value.split("-");
    return `${MONTHS[Number(month) - 1] ?? value} ${year}`;
  }
  if (kind === "week") return `week ${value}`;
  if (kind === "quarter") return value.replace("-", " ");
  if (kind === "year") return value;
  if (kind === "day") return value;
  if (kind === "rolling") return `the last ${value.replace(/d$/, " days").replace(/h$/, " hours")}`;
  return "the chosen range";
}

/** A burn rate as people read it: "0×", "<0.1×", "2.4×", "36×". */
export function formatBurnRate(rate: number | undefined): string {
  if (rate === undefined || !Number.isFinite(rate)) return "—";
  if (rate === 0) return "0×";
  if (rate < 0.1) return "<0.1×";
  return `${rate < 10 ? rate.toFixed(1) : Math.round(rate)}×`;
}

/** An axis tick: one unit, rounded ("−23m", "4.3h", "48s"); the tooltip and tables give the exact figure. */
export function formatAxisDuration(seconds: number): string {
  const sign = seconds < 0 ? "−" : "";
  const s = Math.abs(seconds);
  if (s >= 86_400) return `${sign}${Number((s / 86_400).toFixed(1))}d`;
  if (s >= 3600) return `${sign}${Number((s / 3600).toFixed(1))}h`;
  if (s >= 60) return `${sign}${Number((s / 60).toFixed(s >= 600 ? 0 : 1))}m`;
  return `${sign}${Number(s.toFixed(s >= 10 ? 0 : 1))}s`;
}
