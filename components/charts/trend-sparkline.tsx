import { formatPercent } from "@/components/format";
import type { SeriesEntryDto } from "@/lib/dto/availability";
import { targetComplement } from "@/lib/domain/error-budget";
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
  // Weeks before the service's measuredSince are no data: no point, and not counted as met.
  const measured = entries.flatMap((e, i) => (e.availability !== null && e.unavailability !== null && e.metTarget !== null ? [{ ...e, availability: e.availability, unavailability: e.unavailability, i }] : []));
  if (measured.length === 0) {
    const none = `${label}: no data, every week lies before the service was measured`;
    return <span className="muted" title={none} aria-label={none} role="img">no data</span>;
  }
  const scaleMax = Math.max(NINES_MAX, ninesOf(targetComplement(target)) + 0.5);
  const x = (i: number) => (entries.length === 1 ? W / 2 : (i / (entries.length - 1)) * (W - 4) + 2);
  const y = (nines: number) => H - 2 - (Math.min(nines, scaleMax) / scaleMax) * (H - 4);
  const at = measured.map((e) => `${x(e.i).toFixed(1)} ${y(ninesOf(e.unavailability)).toFixed(1)}`);
  const points = at.join(" ");
  // The missed weeks as one path of dots (zero-length segments with round caps) rather than an
  // element each: fifty rows of twenty-six circles were most of the overview's markup.
  const dots = measured.flatMap((e, k) => (e.metTarget ? [] : [`M${at[k]}h0`])).join("");
  const targetY = y(ninesOf(targetComplement(target))).toFixed(1);
  const missed = measured.filter((e) => !e.metTarget);
  const worst = measured.reduce((a, b) => (b.availability < a.availability ? b : a));
  const unmeasured = entries.length - measured.length;
  const summary =
    `${label}: ${measured.length - missed.length} of ${measured.length} measured weeks met the target; lowest ${formatPercent(worst.availability, 3)} in ${worst.label.replace("week:", "")}` +
    (unmeasured > 0 ? `; ${unmeasured} before the service was measured, no data` : "");
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={summary}>
      <title>{summary}</title>
      <line x1="0" x2={W} y1={targetY} y2={targetY} className="sparkline-target" />
      <polyline points={points} className="sparkline-line" />
      {dots && <path d={dots} className="sparkline-missed" />}
    </svg>
  );
}
