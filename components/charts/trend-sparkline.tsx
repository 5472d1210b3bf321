import { formatPercent } from "@/components/format";
import type { SeriesEntryDto } from "@/lib/dto/availability";
import { NINES_MAX, ninesOf } from "./nines-scale";

const W = 120;
const H = 28;

/**
 * A small trend of a service's weekly availability, on the nines scale, with the target as a dashed
 * line and missed weeks as dots. Plain SVG rendered on the server: a thousand services' overview
 * ships no chart code. Its accessible name says what it shows.
 */
export function TrendSparkline({ entries, target, label }: { entries: Pick<SeriesEntryDto, "label" | "availability" | "unavailability" | "metTarget">[]; target: number; label: string }) {
  if (entries.length === 0) return <span className="muted">—</span>;
  const scaleMax = Math.max(NINES_MAX, ninesOf(1 - target) + 0.5);
  const x = (i: number) => (entries.length === 1 ? W / 2 : (i / (entries.length - 1)) * (W - 4) + 2);
  const y = (nines: number) => H - 2 - (Math.min(nines, scaleMax) / scaleMax) * (H - 4);
  const at = entries.map((e, i) => `${x(i).toFixed(1)} ${y(ninesOf(e.unavailability)).toFixed(1)}`);
  const points = at.join(" ");
  // The missed weeks as one path of dots (zero-length segments with round caps) rather than an
  // element each: fifty rows of twenty-six circles were most of the overview's markup.
  const dots = entries.flatMap((e, i) => (e.metTarget ? [] : [`M${at[i]}h0`])).join("");
  const targetY = y(ninesOf(1 - target)).toFixed(1);
  const missed = entries.filter((e) => !e.metTarget);
  const worst = entries.reduce((a, b) => (b.availability < a.availability ? b : a));
  const summary = `${label}: ${entries.length - missed.length} of ${entries.length} weeks met the target; lowest ${formatPercent(worst.availability, 3)} in ${worst.label.replace("week:", "")}`;
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={summary}>
      <title>{summary}</title>
      <line x1="0" x2={W} y1={targetY} y2={targetY} className="sparkline-target" />
      <polyline points={points} className="sparkline-line" />
      {dots && <path d={dots} className="sparkline-missed" />}
    </svg>
  );
}
