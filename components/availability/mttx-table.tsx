import { formatDuration } from "@/lib/domain/format";
import type { AvailabilitySummaryDto } from "@/lib/dto/availability";
import { TableScroll } from "@/components/ui/table-scroll";

const ROWS = [
  ["mttd", "Time to detect (MTTD)", "started → detected"],
  ["mtta", "Time to acknowledge (MTTA)", "detected → acknowledged"],
  ["mttr", "Time to resolve (MTTR)", "started → resolved"],
  ["mtbf", "Time between failures (MTBF)", "start → next start"],
] as const;

const show = (s: number | null) => (s === null ? "—" : formatDuration(s));

/** Mean, median and p90 (durations are heavy-tailed: a mean alone misleads), with what was left out. */
export function MttxTable({ summary }: { summary: AvailabilitySummaryDto }) {
  const m = summary.metrics;
  return (
    <TableScroll label="Response times">
      <table className="table">
        <caption className="visually-hidden">Incident response times in this window, unplanned incidents only</caption>
        <thead>
          <tr>
            <th scope="col">Over {m.incidentCount} unplanned incident{m.incidentCount === 1 ? "" : "s"}</th>
            <th scope="col" className="num">Mean</th>
            <th scope="col" className="num">Median</th>
            <th scope="col" className="num">p90</th>
            <th scope="col" className="num">Counted</th>
            <th scope="col" className="num">Left out</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([key, label, how]) => {
            const s = m[key];
            return (
              <tr key={key}>
                <th scope="row">{label}<span className="inherited">{how}</span></th>
                <td className="num">{show(s.meanSeconds)}</td>
                <td className="num">{show(s.medianSeconds)}</td>
                <td className="num">{show(s.p90Seconds)}</td>
                <td className="num">{s.count}</td>
                <td className="num">{s.excluded > 0 ? <span title="missing a milestone">{s.excluded}</span> : 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
