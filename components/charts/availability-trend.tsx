"use client";

import { Bar, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/components/format";
import { formatDuration } from "@/lib/domain/format";
import type { SeriesEntryDto } from "@/lib/dto/availability";
import { PLOT_MARGIN, shortBucketLabel, Y_AXIS_WIDTH } from "./chart-frame";
import { targetComplement } from "@/lib/domain/error-budget";
import { measuredEntries, NINES_MAX, ninesLabel, ninesOf } from "./nines-scale";

type Datum = { label: string; short: string; height: number; entry: SeriesEntryDto; index: number; beside: BesidePoint | null; besideHeight: number | null };

/** A measured SLO's SLI in one of the trend's buckets (null: nothing measured in it). */
export type BesidePoint = { sli: number | null; metTarget: boolean | null };
/** A measured SLO drawn as a line over the incident record's bars, its points by bucket label. */
export type Beside = { name: string; target: number; byLabel: ReadonlyMap<string, BesidePoint> };

type Props = {
  entries: SeriesEntryDto[];
  target: number;
  /** Buckets to highlight (those an incident hit, while it is hovered or focused in the lane). */
  highlighted: ReadonlySet<number>;
  onHoverBucket: (index: number | null) => void;
  height?: number;
  beside?: Beside | null;
};

function BucketTooltip({ active, payload, besideName }: { active?: boolean; payload?: { payload: Datum }[]; besideName?: string }) {
  const d = active ? payload?.[0]?.payload : undefined;
  if (!d) return null;
  return (
    <div className="chart-tooltip">
      <strong>{d.entry.label.replace(":", " ")}</strong>
      {d.entry.availability === null ? (
        <div>No data: before the service was measured</div>
      ) : (
        <>
          <div>{formatPercent(d.entry.availability, 3)} available, {d.entry.downtimeSeconds > 0 ? `${formatDuration(d.entry.downtimeSeconds)} down` : "no downtime"}</div>
          <div>{d.entry.metTarget ? "✓ met the target" : "✗ missed the target"}</div>
        </>
      )}
      {besideName && d.beside && (
        <div>
          {besideName} (measured): {d.beside.sli === null ? "nothing measured" : `${formatPercent(d.beside.sli, 3)}, ${d.beside.metTarget ? "✓ met" : "✗ missed"} its target`}
        </div>
      )}
    </div>
  );
}

/** The target's label on an opaque ground at the line's right end: legible over any bar. */
function TargetLabel({ viewBox, value }: { viewBox?: { x: number; y: number; width: number }; value: string }) {
  if (!viewBox) return null;
  const width = value.length * 6.4 + 12;
  const x = viewBox.x + viewBox.width - width - 2;
  return (
    <g className="chart-target-label" data-testid="target-label">
      <rect x={x} y={viewBox.y - 9} width={width} height={18} rx={4} />
      <text x={x + width / 2} y={viewBox.y + 4} textAnchor="middle" fontSize={11}>{value}</text>
    </g>
  );
}

/**
 * Availability per bucket on the nines scale (higher is better: 99.9 % is 3, 99.99 % is 4), the
 * target as a dashed line; buckets that missed it are drawn red and hatched. The y axis starts a
 * nine below the lowest bar, so that the differences that matter fill the height.
 */
export function AvailabilityTrend({ entries, target, highlighted, onHoverBucket, height = 220, beside = null }: Props) {
  const targetNines = ninesOf(targetComplement(target));
  const besideNines = (p: BesidePoint | null | undefined) => (p?.sli === null || p?.sli === undefined ? null : ninesOf(1 - p.sli));
  const besideLowest = entries.map((e) => besideNines(beside?.byLabel.get(e.label))).filter((n): n is number => n !== null);
  const lowest = Math.min(targetNines, ...measuredEntries(entries).map((e) => ninesOf(e.unavailability)), ...besideLowest);
  const base = Math.max(0, Math.floor(lowest) - 1);
  const top = Math.max(NINES_MAX, Math.ceil(targetNines) + 1);
  const data: Datum[] = entries.map((entry, index) => {
    const point = beside?.byLabel.get(entry.label) ?? null;
    const n = besideNines(point);
    return { label: entry.label, short: shortBucketLabel(entry.label), height: entry.unavailability === null ? 0 : ninesOf(entry.unavailability) - base, entry, index, beside: point, besideHeight: n === null ? null : n - base };
  });
  const ticks = Array.from({ length: top - base + 1 }, (_, i) => i);
  return (
    <div className="chart" style={{ height }} onMouseLeave={() => onHoverBucket(null)}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={PLOT_MARGIN} barCategoryGap="12%">
          <defs>
            <pattern id="bucket-missed-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" className="hatch-ground" />
              <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" strokeWidth="3" />
            </pattern>
          </defs>
          <XAxis dataKey="short" tickLine={false} interval="preserveStartEnd" minTickGap={8} fontSize={11} />
          <YAxis width={Y_AXIS_WIDTH} domain={[0, top - base]} ticks={ticks} tickFormatter={(v: number) => ninesLabel(v + base)} fontSize={11} allowDataOverflow />
          <Tooltip content={<BucketTooltip besideName={beside?.name} />} cursor={{ fill: "var(--accent-soft)", opacity: 0.5 }} />
          <ReferenceLine y={targetNines - base} className="chart-target" strokeDasharray="5 3" label={<TargetLabel value={`target ${formatPercent(target)}`} />} />
          <Bar
            dataKey="height"
            isAnimationActive={false}
            shape={(props: unknown) => {
              const { x, y, width, height: h, payload } = props as { x: number; y: number; width: number; height: number; payload: Datum };
              // No data (before measuredSince): no bar at all, neither met nor missed.
              if (payload.entry.metTarget === null) return <rect x={x} y={y} width={width} height={0} className="bucket bucket-no-data" data-bucket={payload.label} data-no-data onMouseEnter={() => onHoverBucket(payload.index)} />;
              const classes = ["bucket", payload.entry.metTarget ? "bucket-met" : "bucket-missed", highlighted.has(payload.index) ? "bucket-highlighted" : ""].join(" ");
              return (
                <rect
                  x={x}
                  y={y}
                  width={width}
                  height={Math.max(h, 1)}
                  className={classes}
                  data-bucket={payload.label}
                  data-highlighted={highlighted.has(payload.index) || undefined}
                  onMouseEnter={() => onHoverBucket(payload.index)}
                />
              );
            }}
          />
          {beside && (
            // The measured SLO: a line with a square at each bucket, so it is told from the bars by shape as well as colour.
            <Line
              dataKey="besideHeight"
              className="chart-beside"
              isAnimationActive={false}
              connectNulls={false}
              strokeWidth={2}
              dot={(props: unknown) => {
                const { cx, cy, payload } = props as { cx?: number; cy?: number; payload: Datum };
                if (cx === undefined || cy === undefined || payload.besideHeight === null) return <g key={payload.label} />;
                return <rect key={payload.label} x={cx - 3.5} y={cy - 3.5} width={7} height={7} className={`chart-beside-dot${payload.beside?.metTarget === false ? " chart-beside-missed" : ""}`} data-beside={payload.label} />;
              }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
