"use client";

import { useState } from "react";
import { AvailabilityTrend, type Beside } from "@/components/charts/availability-trend";
import { IncidentLane, laneIncidents } from "@/components/charts/incident-lane";
import { CHANGE_SHAPES, ChangeLane, FreezeBands } from "@/components/charts/change-marks";
import { marksHeadline, TrendMarksLists } from "./trend-marks";
import { formatDateTime, formatPercent } from "@/components/format";
import { measuredEntries } from "@/components/charts/nines-scale";
import type { SeriesEntryDto } from "@/lib/dto/availability";
import { formatDuration } from "@/lib/domain/format";
import type { SloSeriesDto } from "@/lib/dto/slos";
import { TREND_COUNTS, useAvailabilityView, useServiceTrend, useSloTrend, type AvailabilityView, type ServiceTrend } from "@/lib/query/availability";
import { TableScroll } from "@/components/ui/table-scroll";

const BUCKETS = [
  ["day", "Days"],
  ["week", "Weeks"],
  ["month", "Months"],
] as const;

/** What the chart says in words: over the buckets that were measured only, never a bucket before measuredSince. */
function trendHeadline(entries: SeriesEntryDto[], target: number, unit: string, measuredSince: string, timeZone: string): string {
  const measured = measuredEntries(entries);
  const since = `measured since ${formatDateTime(measuredSince, timeZone)} ${timeZone}`;
  if (measured.length === 0) return `Availability per ${unit}: no data, the service is ${since}.`;
  const met = measured.filter((e) => e.metTarget).length;
  const lowest = measured.reduce((a, b) => (b.availability < a.availability ? b : a));
  const unmeasured = entries.length - measured.length;
  return (
    `Availability per ${unit}, last ${entries.length}: ${met} of ${measured.length} measured met the ${formatPercent(target)} target; lowest ${formatPercent(lowest.availability, 3)} (${lowest.label.replace(/^\w+:/, "")}).` +
    (unmeasured > 0 ? ` ${unmeasured} ${unmeasured === 1 ? "has" : "have"} no data: the service is ${since}.` : "")
  );
}

/** What the measured line says in words: its buckets that met its own target, and its lowest. */
function besideHeadline(name: string, target: number, entries: SloSeriesDto["entries"]): string {
  const measured = entries.filter((e): e is typeof e & { sli: number } => e.sli !== null);
  if (measured.length === 0) return `Beside it, ${name} (measured): nothing measured in these buckets.`;
  const met = measured.filter((e) => e.metTarget).length;
  const lowest = measured.reduce((a, b) => (b.sli < a.sli ? b : a));
  const none = entries.length - measured.length;
  return `Beside it, ${name} (measured): ${met} of ${measured.length} measured met its ${formatPercent(target)} target; lowest ${formatPercent(lowest.sli, 3)} (${lowest.label.replace(/^\w+:/, "")})${none > 0 ? `; ${none} with nothing measured` : ""}.`;
}

function besideCell(p: { sli: number | null; metTarget: boolean | null } | undefined): string {
  if (!p || p.sli === null) return "nothing measured";
  return `${formatPercent(p.sli, 3)} ${p.metTarget ? "✓" : "✗"}`;
}

/** A probe or Prometheus SLO of the service, which the trend can draw beside the incident record. */
export type MeasuredChoice = { id: string; name: string; target: number; source: "probe" | "prometheus" };

type Props = { slug: string; timeZone: string; initial: { view: AvailabilityView } & ServiceTrend; measured: MeasuredChoice[] };

/**
 * Availability per day, week or month, and beneath it, on the same time axis, the incidents that
 * caused it. The chart's text alternative is its headline (its accessible name) and a table.
 */
export function TrendPanel({ slug, timeZone, initial, measured }: Props) {
  const [view, setView] = useAvailabilityView();
  const trend = useServiceTrend(slug, view, initial);
  const [highlighted, setHighlighted] = useState<number[] | null>(null);
  const [hoveredBucket, setHoveredBucket] = useState<number | null>(null);
  const [asTable, setAsTable] = useState(false);
  const data = trend.data ?? initial;
  const { entries, slo } = data.series;
  const marks = data.marks;
  const lane = laneIncidents(entries, data.lane.incidents, Date.parse(data.series.asOf));
  const notDrawn = data.lane.total - data.lane.incidents.length;
  const unit = view.bucket === "day" ? "day" : view.bucket;
  const chosen = measured.find((m) => m.id === view.beside) ?? null;
  const besideTrend = useSloTrend(chosen?.id ?? null, view.bucket, data.series.asOf);
  // Only a series of the chosen SLO in these very buckets is drawn (not the last one while the next loads).
  const besideSeries = chosen && besideTrend.data?.slo.id === chosen.id && besideTrend.data.bucket === view.bucket ? besideTrend.data : null;
  const beside: Beside | null = chosen && besideSeries ? { name: chosen.name, target: chosen.target, byLabel: new Map(besideSeries.entries.map((e) => [e.label, { sli: e.sli, metTarget: e.metTarget }])) } : null;
  const besideByLabel = beside?.byLabel;
  const headline = trendHeadline(entries, slo.target, unit, data.series.measuredSince, timeZone) + (chosen && besideSeries ? ` ${besideHeadline(chosen.name, chosen.target, besideSeries.entries)}` : "");

  return (
    <section className="card chart-card" aria-labelledby="trend-heading">
      <div className="section-head">
        <h2 id="trend-heading">Availability trend and incidents</h2>
        {measured.length > 0 && (
          <div className="inline-field">
            {/* Its own label element: the select's name is "Beside it", not that and the option chosen. */}
            <label htmlFor="trend-beside">Beside it</label>
            <select id="trend-beside" className="input" value={chosen?.id ?? ""} onChange={(e) => setView({ beside: e.target.value || null })}>
              <option value="">the incident record only</option>
              {measured.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.source === "probe" ? "probe" : "Prometheus"})
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="segmented" role="group" aria-label="Bucket size">
          {BUCKETS.map(([value, label]) => (
            <button key={value} type="button" className="segmented-button" aria-pressed={view.bucket === value} onClick={() => setView({ bucket: value })}>
              {label}
            </button>
          ))}
        </div>
      </div>
      {chosen && besideTrend.isError && (
        <p role="alert" className="form-error">
          {chosen.name}&rsquo;s measurements could not be read: {besideTrend.error.message}
        </p>
      )}
      <figure className="trend-figure" aria-busy={trend.isFetching || besideTrend.isFetching || undefined}>
        <figcaption className="chart-headline">{headline}</figcaption>
        <div className="trend-stack">
          <div role="img" aria-label={headline}>
            <AvailabilityTrend entries={entries} target={slo.target} highlighted={new Set(highlighted ?? [])} onHoverBucket={setHoveredBucket} beside={beside} />
          </div>
          <IncidentLane entries={entries} lane={lane} timeZone={timeZone} hoveredBucket={hoveredBucket} onHighlight={setHighlighted} />
          <ChangeLane entries={entries} changes={marks.changes} timeZone={timeZone} />
          <FreezeBands entries={entries} freezes={marks.freezes} asOf={Date.parse(data.series.asOf)} />
        </div>
        <p className="chart-marks-summary">{marksHeadline(marks)}</p>
        <p className="chart-legend muted">
          Bars: availability on a scale of nines (higher is better); <span className="legend-missed">hatched red</span> missed the target (dashed line).
          {beside && <> Line with squares: {beside.name}, measured, on the same scale; a <span className="legend-beside-missed">hollow square</span> missed its own {formatPercent(beside.target)} target.</>}
          {" "}Lane: each incident from start to end, by severity; <span className="legend-maintenance">hatched</span> is planned maintenance; an open end is ongoing.
          {" "}Changes: <span className="legend-shape">{CHANGE_SHAPES.deploy}</span> deploy, <span className="legend-shape">{CHANGE_SHAPES.config}</span> config change, <span className="legend-shape">{CHANGE_SHAPES.flag}</span> flag change; a <span className="legend-freeze">band marked &ldquo;Frozen&rdquo;</span> is an error-budget freeze.
          Last {TREND_COUNTS[view.bucket]} {unit}s, times in {timeZone}.
          {notDrawn > 0 && ` The lane draws the ${data.lane.incidents.length} of the ${data.lane.total} incidents in this period that cost the most downtime.`}
        </p>
      </figure>
      <button type="button" className="btn btn-ghost btn-small" aria-expanded={asTable} aria-controls="trend-table" onClick={() => setAsTable(!asTable)}>
        {asTable ? "Hide the table" : "Show as a table"}
      </button>
      {asTable && (
        <TableScroll label={`Availability per ${unit}`} id="trend-table">
          <table className="table">
            <caption className="visually-hidden">Availability per {unit}</caption>
            <thead>
              <tr>
                <th scope="col">{unit[0]?.toUpperCase() + unit.slice(1)}</th>
                <th scope="col" className="num">Availability</th>
                <th scope="col" className="num">Downtime</th>
                <th scope="col">Target</th>
                {beside && <th scope="col" className="num">{beside.name} (measured)</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.label}>
                  <th scope="row">{e.label.replace(/^\w+:/, "")}</th>
                  <td className="num">{e.availability === null ? "no data" : formatPercent(e.availability, 4)}</td>
                  <td className="num">{e.downtimeSeconds > 0 ? formatDuration(e.downtimeSeconds) : "—"}</td>
                  <td>{e.metTarget === null ? "no data" : e.metTarget ? "✓ met" : "✗ missed"}{e.measuredFrom !== null && e.measuredFrom !== e.from ? " (measured part)" : ""}</td>
                  {besideByLabel && <td className="num">{besideCell(besideByLabel.get(e.label))}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {asTable && <TrendMarksLists marks={marks} />}
    </section>
  );
}
