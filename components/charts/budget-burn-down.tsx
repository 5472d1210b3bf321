"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatAxisDuration, formatDateTime } from "@/components/format";
import { formatDuration } from "@/lib/domain/format";
import { Y_AXIS_WIDTH } from "./chart-frame";

type Point = { t: number; remaining: number };

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
  const tick = (t: number) => formatDateTime(new Date(t).toISOString(), timeZone).slice(5, 10);
  return (
    <div className="chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="2 4" className="chart-grid" vertical={false} />
          <XAxis type="number" dataKey="t" domain={[from, to]} scale="time" tickFormatter={tick} fontSize={11} allowDuplicatedCategory={false} />
          <YAxis width={Y_AXIS_WIDTH} domain={[low, budgetSeconds]} tickCount={5} tickFormatter={formatAxisDuration} fontSize={11} />
          <Tooltip
            labelFormatter={(t) => `${formatDateTime(new Date(Number(t)).toISOString(), timeZone)} ${timeZone}`}
            formatter={(v) => [Number(v) < 0 ? `overspent by ${formatDuration(-Number(v))}` : `${formatDuration(Number(v))} left`, "Budget"]}
          />
          <ReferenceLine y={0} className="chart-zero" />
          <ReferenceLine x={now} className="chart-now" label={{ value: "now", position: "insideTopLeft", fontSize: 11 }} />
          <Line data={ideal} dataKey="remaining" className="line-ideal" stroke="var(--muted)" strokeDasharray="6 4" dot={false} isAnimationActive={false} name="Ideal pace" />
          <Line data={actual} dataKey="remaining" stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} name="Remaining" />
          {projection.length > 0 && <Line data={projection} dataKey="remaining" stroke="var(--danger)" strokeDasharray="2 3" dot={false} isAnimationActive={false} name="Projection" />}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
