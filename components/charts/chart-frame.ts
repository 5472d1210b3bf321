// Geometry the trend chart and the incident lane beneath it share, so that both put an instant at
// the same x: the same left offset (the y axis), the same right margin, equal buckets between.
export const PLOT_MARGIN = { top: 8, right: 12, bottom: 0, left: 0 } as const;
export const Y_AXIS_WIDTH = 76;
export const PLOT_LEFT = PLOT_MARGIN.left + Y_AXIS_WIDTH;
export const PLOT_RIGHT = PLOT_MARGIN.right;

/** "week:2026-W48" → "W48", "day:2026-11-30" → "30 Nov", "month:2026-11" → "Nov 26". */
export function shortBucketLabel(label: string): string {
  const [kind, value = ""] = label.split(":");
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  if (kind === "week") return value.slice(5);
  if (kind === "day") return `${Number(value.slice(8, 10))} ${months[Number(value.slice(5, 7)) - 1]}`;
  if (kind === "month") return `${months[Number(value.slice(5, 7)) - 1]} ${value.slice(2, 4)}`;
  return value;
}
