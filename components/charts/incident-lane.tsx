"use client";

import { useFrameWidth } from "./use-frame-width";
import Link from "next/link";
import { formatDateTime } from "@/components/format";
import type { LaneIncidentDto, SeriesEntryDto } from "@/lib/dto/availability";
import { PLOT_LEFT, PLOT_RIGHT } from "./chart-frame";

const ROW_HEIGHT = 22;
/** Narrowest a marker is drawn: an outage of minutes in a 26-week range is still a target to hover, focus and click. */
const MIN_MARKER_PX = 16;
const MAX_ROWS = 4;

export type LaneIncident = { incident: LaneIncidentDto; start: number; end: number; ongoing: boolean; buckets: number[] };

/**
 * Where each incident sits on the trend's axis (an ongoing one runs to asOf), and the buckets it
 * overlaps. Layout only: the server chose the incidents and their intervals on this service.
 */
export function laneIncidents(entries: SeriesEntryDto[], incidents: LaneIncidentDto[], asOf: number): LaneIncident[] {
  const bounds = entries.map((e) => [Date.parse(e.from), Date.parse(e.to)] as const);
  return incidents.flatMap((incident) => {
    const start = Date.parse(incident.start);
    const end = incident.end ? Date.parse(incident.end) : asOf;
    const buckets = bounds.flatMap(([from, to], i) => (start < to && end > from ? [i] : []));
    return buckets.length ? [{ incident, start, end, ongoing: incident.end === null, buckets }] : [];
  });
}

/** x of an instant as a share of the plot's width: each bucket an equal band, linear inside it. */
export function position(entries: SeriesEntryDto[], t: number): number {
  const n = entries.length;
  for (let i = 0; i < n; i++) {
    const from = Date.parse((entries[i] as SeriesEntryDto).from);
    const to = Date.parse((entries[i] as SeriesEntryDto).to);
    if (t < to) return Math.max(0, (i + Math.max(0, t - from) / (to - from)) / n);
  }
  return 1;
}

/**
 * Rows so that incidents that overlap on screen do not cover each other: a marker is at least
 * MIN_MARKER_PX wide, so how far it reaches depends on the lane's width in pixels (narrower on a
 * phone, where more markers would touch).
 */
function rowsOf(items: { left: number; right: number }[], widthPx: number): number[] {
  const ends: number[] = [];
  const least = (MIN_MARKER_PX + 3) / Math.max(1, widthPx);
  return items.map(({ left: at, right }) => {
    // Where it is drawn: a marker near the end is pulled in to stay whole (the li's style).
    const left = Math.min(at, 1 - MIN_MARKER_PX / Math.max(1, widthPx));
    let row = ends.findIndex((end) => end <= left);
    if (row < 0) row = ends.length < MAX_ROWS ? ends.length : ends.indexOf(Math.min(...ends));
    ends[row] = Math.max(right, left + least) + 0.004;
    return row;
  });
}

type Props = {
  entries: SeriesEntryDto[];
  lane: LaneIncident[];
  timeZone: string;
  /** The bucket hovered on the chart: the incidents that hit it are highlighted. */
  hoveredBucket: number | null;
  onHighlight: (buckets: number[] | null) => void;
};

/**
 * The incidents beneath the trend, on the same time axis and width: a bar from start to end,
 * coloured by severity (and labelled), maintenance hatched, an ongoing one with an open end.
 * Each bar is a link (a click, or Enter, opens the incident); hovering or focusing it highlights
 * the buckets it hit.
 */
export function IncidentLane({ entries, lane, timeZone, hoveredBucket, onHighlight }: Props) {
  const placed = lane
    .map((l) => ({ ...l, left: position(entries, l.start), right: position(entries, l.end) }))
    .sort((a, b) => a.left - b.left);
  const { frame, widthPx } = useFrameWidth<HTMLDivElement>();
  const rows = rowsOf(placed, widthPx);
  const height = Math.max(1, Math.min(MAX_ROWS, Math.max(0, ...rows) + 1)) * ROW_HEIGHT;
  return (
    <div className="lane-frame" ref={frame} style={{ paddingLeft: PLOT_LEFT, paddingRight: PLOT_RIGHT }}>
      {placed.length === 0 ? (
        <p className="muted lane-empty">No incidents in this period.</p>
      ) : (
        <ol className="lane" style={{ height }} aria-label="Incidents on the same time axis">
          {placed.map((p, i) => {
            const { incident } = p;
            const lit = hoveredBucket !== null && p.buckets.includes(hoveredBucket);
            const until = p.ongoing ? "ongoing" : formatDateTime(new Date(p.end).toISOString(), timeZone);
            const classes = ["lane-bar", `sev-${incident.severity.toLowerCase()}`, incident.kind === "maintenance" ? "lane-maintenance" : "", p.ongoing ? "lane-ongoing" : "", lit ? "lane-highlighted" : ""].join(" ");
            return (
              <li key={incident.reference} style={{ left: `min(${p.left * 100}%, 100% - ${MIN_MARKER_PX}px)`, width: `max(${MIN_MARKER_PX}px, ${(p.right - p.left) * 100}%)`, top: (rows[i] as number) * ROW_HEIGHT }}>
                <Link
                  href={`/incidents/${incident.reference}`}
                  className={classes}
                  data-incident={incident.reference}
                  aria-label={`${incident.reference} ${incident.title}, ${incident.severity}${incident.kind === "maintenance" ? ", planned maintenance" : ""}, from ${formatDateTime(incident.start, timeZone)} to ${until} (${timeZone})`}
                  onMouseEnter={() => onHighlight(p.buckets)}
                  onMouseLeave={() => onHighlight(null)}
                  onFocus={() => onHighlight(p.buckets)}
                  onBlur={() => onHighlight(null)}
                >
                  <span aria-hidden="true">{incident.reference}</span>
                </Link>
                {/* What the marker is, shown on hover and on keyboard focus (its accessible name says it already). */}
                <span className={`lane-tip${p.left > 0.6 ? " lane-tip-end" : ""}`} aria-hidden="true">
                  <strong>{incident.reference}</strong> {incident.title} · {incident.severity}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
