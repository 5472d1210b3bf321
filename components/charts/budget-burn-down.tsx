"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatAxisDuration, formatDateTime } from "@/components/format";
import { formatDuration } from "@/lib/domain/format";
import { durationTicks, timeTicks } from "@/lib/domain/axis-ticks";
import { Y_AXIS_WIDTH } from "./chart-frame";

type Point = { t: number; remaining: number };

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "9 Nov": a day tick in the organisation's zone. */
function dayLabel(t: number, timeZone: string): string {
  const text = formatDateTime(new Date(t).toISOString(), timeZone);
  return `${Number(text.slice(8, 10))} ${MONTHS[Number(text.slice(5, 7)) - 1]}`;
}

type Props = {
  points: { at: string; remainingSeconds: number }[];
  window: { from: string; to: string };
  budgetSeconds: number;
  asOf: string;
  /** The projected exhaustion, when the server could state one. */
  exhaustionAt: string | null;
  timeZone: string;
  height?: number;
};

/**
 * The error budget across its window: what remained at each moment (exact at every change of
 * pace), the ideal straight line that spends it exactly by the end, now, and where the average pace
 * runs it out. The figures come from the server; this only draws them.
 */
export function BudgetBurnDown({ points, window, budgetSeconds, asOf, exhaustionAt, timeZone, height = 220 }: Props) {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const now = Date.parse(asOf);
  const actual: Point[] = points.map((p) => ({ t: Date.parse(p.at), remaining: p.remainingSeconds }));
  const ideal: Point[] = [{ t: from, remaining: budgetSeconds }, { t: to, remaining: 0 }];
  const last = actual.at(-1);
  const exhaustion = exhaustionAt ? Date.parse(exhaustionAt) : null;
  const projection: Point[] = last && exhaustion !== null && exhaustion <= to ? [last, { t: exhaustion, remaining: 0 }] : [];
  const low = Math.min(0, ...actual.map((p) => p.remaining));
  const yTicks = durationTicks(low, budgetSeconds, 6);
  const xTicks = timeTicks(from, to, timeZone, 7);
  const hourly = xTicks[0]?.unit !== "day";
  const tick = (t: number) => (hourly ? formatDateTime(new Date(t).toISOString(), timeZone).slice(11, 16) : dayLabel(t, timeZone));
  // In the right half the label goes left of the line: drawn to its right it was cut at the edge ("nc").
  const nowLabel = now - from > (to - from) / 2 ? "insideTopRight" : "insideTopLeft";
  return (
    <div className="chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="2 4" className="chart-grid" vertical={false} />
          <XAxis type="number" dataKey="t" domain={[from, to]} scale="time" ticks={xTicks.map((x) => x.at)} tickFormatter={tick} fontSize={11} allowDuplicatedCategory={false} />
          <YAxis width={Y_AXIS_WIDTH} domain={[low, budgetSeconds]} ticks={yTicks} tickFormatter={formatAxisDuration} fontSize={11} />
          <Tooltip
            labelFormatter={(t) => `${formatDateTime(new Date(Number(t)).toISOString(), timeZone)} ${timeZone}`}
            formatter={(v) => [Number(v) < 0 ? `overspent by ${formatDuration(-Number(v))}` : `${formatDuration(Number(v))} left`, "Budget"]}
          />
          <ReferenceLine y={0} className="chart-zero" />
          <ReferenceLine x={now} className="chart-now" label={{ value: "now", position: nowLabel, fontSize: 11 }} />
          <Line data={ideal} dataKey="remaining" className="line-ideal" stroke="var(--muted)" strokeDasharray="6 4" dot={false} isAnimationActive={false} name="Ideal pace" />
          <Line data={actual} dataKey="remaining" stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} name="Remaining" />
          {projection.length > 0 && <Line data={projection} dataKey="remaining" stroke="var(--danger)" strokeDasharray="2 3" dot={false} isAnimationActive={false} name="Projection" />}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
