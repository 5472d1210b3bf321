import { formatDateTime, formatPercent } from "@/components/format";
import { formatDuration, formatSecondsFigure } from "@/lib/domain/format";
import type { ServiceAvailabilityDto } from "@/lib/dto/availability";
import { TableScroll } from "@/components/ui/table-scroll";
import { MeasuredNote } from "./measured-note";

/** The figure, against the target, and beside it how it is computed, with the actual numbers. */
export function AvailabilityHeadline({ summary, timeZone }: { summary: ServiceAvailabilityDto; timeZone: string }) {
  const explanation = summary.explanation;
  if (summary.availability === null) {
    return (
      <div className="headline">
        <p className="headline-figure"><span className="headline-value">No data</span></p>
        <MeasuredNote summary={summary} timeZone={timeZone} />
      </div>
    );
  }
  return (
    <div className="headline">
      <p className="headline-figure">
        <span className="headline-value">{formatPercent(summary.availability, 4)}</span>
        <span className={summary.metTarget ? "headline-met" : "headline-missed"}>
          {summary.metTarget ? "✓ meets" : "✗ below"} the {formatPercent(summary.slo.target)} target
        </span>
      </p>
      <p className="muted">
        {formatDuration(summary.countedSeconds)} counted downtime in {formatDuration(summary.window.elapsedSeconds)} measured
        {summary.maintenanceSeconds > 0 && `; ${formatDuration(summary.maintenanceSeconds)} of planned maintenance, ${summary.slo.maintenance === "count" ? "counted" : "excluded"}`}.
      </p>
      <MeasuredNote summary={summary} timeZone={timeZone} />
      {explanation && (
        <details className="explain">
          <summary>How is this computed?</summary>
          <div className="explain-body">
            <p>{explanation.rule}.</p>
            <p>
              Measured from {formatDateTime(summary.measuredFrom ?? summary.window.from, timeZone)} to {formatDateTime(summary.window.end, timeZone)} {timeZone}: {formatSecondsFigure(summary.window.elapsedSeconds)} s.
              Downtime is the union of the incidents&apos; impacts: where they overlap, the largest fraction counts, never two at once.
            </p>
            <p className="formula"><code>{explanation.formula}</code></p>
            {explanation.intervals.length > 0 ? (
              // Focusable: a wide table scrolls sideways, and keyboard users must be able to scroll it.
              <TableScroll label="Merged intervals">
                <table className="table table-compact explain-intervals">
                  <caption>The merged intervals ({timeZone}); their counted seconds sum to {formatSecondsFigure(summary.countedSeconds)} s</caption>
                  <thead>
                    <tr>
                      <th scope="col">Interval</th>
                      <th scope="col" className="num">Down</th>
                      <th scope="col" className="num">Counted</th>
                      <th scope="col">Incident</th>
                    </tr>
                  </thead>
                  <tbody>
                    {explanation.intervals.map((i) => (
                      <tr key={i.from}>
                        <td>
                          <span className="nowrap">{formatDateTime(i.from, timeZone)}</span> <span className="nowrap">to {formatDateTime(i.to, timeZone)}</span>
                          <div className="muted small">{formatSecondsFigure(i.seconds)} s</div>
                        </td>
                        <td className="num">{formatPercent(i.fraction)}</td>
                        <td className="num">
                          {formatSecondsFigure(i.countedSeconds)} s
                          {i.counted !== i.fraction && <div className="muted small">at {formatPercent(i.counted)}</div>}
                        </td>
                        <td>{i.reference ?? <span className="muted">—</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : (
              <p className="muted">No downtime in this window: nothing to merge.</p>
            )}
          </div>
        </details>
      )}
    </div>
  );
}
