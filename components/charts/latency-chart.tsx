"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDateTime } from "@/components/format";
import { numberTicks, timeTicks } from "@/lib/domain/axis-ticks";
import { Y_AXIS_WIDTH } from "./chart-frame";

type Run = { at: string; ok: boolean; latencyMs: number; status: number | null; error: string | null };
type Point = { t: number; latency: number; run: Run };

function RunTooltip({ active, payload, timeZone }: { active?: boolean; payload?: { payload: Point }[]; timeZone: string }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="chart-tooltip">
      <strong>{formatDateTime(p.run.at, timeZone)}:{p.run.at.slice(17, 19)} {timeZone}</strong>
      <div>{p.run.latencyMs} ms, {p.run.ok ? "ok" : `failed: ${p.run.error ?? `status ${p.run.status}`}`}</div>
    </div>
  );
}

/**
 * A probe's latency per run, oldest on the left, failed runs marked with a red ring. The figures
 * come from the server; the text alternative is the caption beside it and the runs table.
 */
export function LatencyChart({ runs, timeZone, height = 160 }: { runs: Run[]; timeZone: string; height?: number }) {
  const points: Point[] = runs.map((run) => ({ t: Date.parse(run.at), latency: run.latencyMs, run })).sort((a, b) => a.t - b.t);
  const from = points[0]?.t ?? 0;
  const to = points.at(-1)?.t ?? 0;
  const yTicks = numberTicks(0, Math.max(1, ...points.map((p) => p.latency)), 5);
  const xTicks = timeTicks(from, to, timeZone, 6);
  const tick = (t: number) => formatDateTime(new Date(t).toISOString(), timeZone).slice(11, 16);
  return (
    <div className="chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="2 4" className="chart-grid" vertical={false} />
          <XAxis type="number" dataKey="t" domain={[from, to]} scale="time" ticks={xTicks.map((x) => x.at)} tickFormatter={tick} fontSize={11} />
          <YAxis width={Y_AXIS_WIDTH} domain={[0, yTicks.at(-1) ?? 1]} ticks={yTicks} tickFormatter={(v: number) => `${v} ms`} fontSize={11} />
          <Tooltip content={<RunTooltip timeZone={timeZone} />} />
          <Line
            dataKey="latency"
            stroke="var(--accent)"
            strokeWidth={2}
            isAnimationActive={false}
            dot={(props: unknown) => {
              const { cx, cy, payload, index } = props as { cx: number; cy: number; payload: Point; index: number };
              return payload.run.ok ? <g key={index} /> : <circle key={index} cx={cx} cy={cy} r={4} className="latency-failed" />;
            }}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
