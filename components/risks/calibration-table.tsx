import type { RiskDetailDto } from "@/lib/dto/risks";
import type { ObservedFigure } from "@/lib/domain/risk-calibration";
import { TableScroll } from "@/components/ui/table-scroll";
import { formatPercent } from "@/lib/domain/format";
import { formatBadMinutes } from "./level-badge";

const fmt = (n: number | null, unit: string) => (n === null ? "—" : unit === "%" ? formatPercent(n) : `${Number(n.toPrecision(4))} ${unit}`);

/** The estimates beside what the realised incidents show, and the bad minutes each gives. */
export function CalibrationTable({ risk }: { risk: RiskDetailDto }) {
  const c = risk.calibration;
  if (c.incidents === 0) return <p className="muted">No incident has realised this risk yet. Link the ones that did, and their detection and repair times will appear here beside the estimates.</p>;
  const row = (label: string, estimate: number | null, observed: ObservedFigure, unit: string, basis: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{fmt(estimate, unit)}</td>
      <td className="num">{fmt(observed.observed, unit)}</td>
      <td className="muted">{observed.count > 0 ? `${basis} ${observed.count}` : "not enough data"}</td>
    </tr>
  );
  return (
    <TableScroll label="Calibration">
      <table className="table">
        <caption className="visually-hidden">Estimates beside what the {c.incidents} realised incidents show</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="num">Estimate</th>
            <th scope="col" className="num">Observed</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {row("Time to detect", risk.ettdMinutes, c.ettdMinutes, "min", "incidents:")}
          {row("Time to repair (detected → resolved)", risk.ettrMinutes, c.ettrMinutes, "min", "incidents:")}
          {row("Days between occurrences", risk.ettfDays, c.ettfDays, "days", "gaps:")}
          {row("Impact (share of users)", risk.impactFraction, c.impactFraction, "%", "incidents:")}
          <tr>
            <th scope="row">Bad minutes a year</th>
            <td className="num">{formatBadMinutes(risk.quantitative.badMinutesPerYear)}</td>
            <td className="num">{formatBadMinutes(c.badMinutesPerYear)}</td>
            <td className="muted">observed figures, estimates where none</td>
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}
