"use client";

import { useFrameWidth } from "./use-frame-width";
import { formatDateTime } from "@/components/format";
import { CHANGE_KIND_LABELS, type ChangeKind } from "@/lib/domain/changes";
import type { FreezePeriodDto, LaneChangeDto } from "@/lib/dto/changes";
import type { SeriesEntryDto } from "@/lib/dto/availability";
import { PLOT_LEFT, PLOT_RIGHT } from "./chart-frame";
import { position } from "./incident-lane";

const MARK_PX = 16;
const ROW_HEIGHT = 20;
const MAX_ROWS = 3;

/** Each kind has its own shape, so a marker is told by shape (and its name) as well as colour. */
export const CHANGE_SHAPES: Record<ChangeKind, string> = { deploy: "▲", config: "◆", flag: "⚑" };

/** "Deploy at 2026-11-25 10:00 UTC: raise pool size (release 4.2)": a marker's name and its row in the table. */
export function describeChange(c: LaneChangeDto, timeZone: string): string {
  return `${CHANGE_KIND_LABELS[c.kind]} at ${formatDateTime(c.at, timeZone)} ${timeZone}: ${c.summary}${c.release ? ` (release ${c.release})` : ""}`;
}

/** Rows so that marks closer than a marker's width do not cover each other (the last row takes the rest). */
function rowsOf(lefts: number[], widthPx: number): number[] {
  const ends: number[] = [];
  const least = (MARK_PX + 2) / Math.max(1, widthPx);
  return lefts.map((left) => {
    let row = ends.findIndex((end) => end <= left);
    if (row < 0) row = ends.length < MAX_ROWS ? ends.length : MAX_ROWS - 1;
    ends[row] = left + least;
    return row;
  });
}

type LaneProps = { entries: SeriesEntryDto[]; changes: LaneChangeDto[]; timeZone: string };

/**
 * The service's changes beneath its incidents, on the same time axis: a shape per kind at the
 * instant of the change. Each is focusable and named in words (a link where the change has one);
 * hovering or focusing it shows what changed.
 */
export function ChangeLane({ entries, changes, timeZone }: LaneProps) {
  const { frame, widthPx } = useFrameWidth<HTMLDivElement>();
  const placed = changes.map((c) => ({ c, left: position(entries, Date.parse(c.at)) })).sort((a, b) => a.left - b.left);
  const rows = rowsOf(placed.map((p) => p.left), widthPx);
  const height = Math.max(1, Math.max(0, ...rows) + 1) * ROW_HEIGHT;
  return (
    <div className="lane-frame change-lane-frame" ref={frame} style={{ paddingLeft: PLOT_LEFT, paddingRight: PLOT_RIGHT }}>
      <span className="change-lane-title" aria-hidden="true">Changes</span>
      {placed.length === 0 ? (
        <p className="muted lane-empty">No changes recorded in this period. Pipelines record them with POST /api/v1/changes.</p>
      ) : (
        <ol className="lane change-lane" style={{ height }} aria-label="Changes on the same time axis">
          {placed.map(({ c, left }, i) => {
            const name = describeChange(c, timeZone);
            const mark = <span aria-hidden="true">{CHANGE_SHAPES[c.kind]}</span>;
            return (
              <li key={c.id} style={{ left: `calc(min(${left * 100}%, 100% - ${MARK_PX}px) - ${left > 0 ? MARK_PX / 2 : 0}px)`, top: (rows[i] as number) * ROW_HEIGHT, width: MARK_PX }}>
                {c.url ? (
                  <a href={c.url} className={`change-mark change-${c.kind}`} aria-label={name} data-change={c.id} rel="noreferrer">{mark}</a>
                ) : (
                  <span role="img" tabIndex={0} className={`change-mark change-${c.kind}`} aria-label={name} data-change={c.id}>{mark}</span>
                )}
                <span className={`lane-tip${left > 0.6 ? " lane-tip-end" : ""}`} aria-hidden="true">
                  <strong>{CHANGE_KIND_LABELS[c.kind]}</strong> {formatDateTime(c.at, timeZone)} · {c.summary}{c.release ? ` · ${c.release}` : ""}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

/**
 * The freezes over the whole figure (bars and lanes) as hatched bands, each labelled "Frozen" so
 * that the band is not told by colour alone. Decorative: the figure's text and table say them.
 */
export function FreezeBands({ entries, freezes, asOf }: { entries: SeriesEntryDto[]; freezes: FreezePeriodDto[]; asOf: number }) {
  if (freezes.length === 0) return null;
  return (
    <div className="freeze-bands" aria-hidden="true" style={{ left: PLOT_LEFT, right: PLOT_RIGHT }}>
      {freezes.map((f) => {
        const left = position(entries, Date.parse(f.startedAt));
        const right = position(entries, f.endedAt ? Date.parse(f.endedAt) : asOf);
        return (
          <div key={f.id} className={`freeze-band${f.endedAt ? "" : " freeze-ongoing"}`} data-freeze={f.id} style={{ left: `${left * 100}%`, width: `max(3px, ${(right - left) * 100}%)` }}>
            <span className="freeze-label">Frozen</span>
          </div>
        );
      })}
    </div>
  );
}
