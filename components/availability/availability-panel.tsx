"use client";

import { useState } from "react";
import { BudgetBurnDown } from "@/components/charts/budget-burn-down";
import { describeWindowLabel, formatDateTime } from "@/components/format";
import { formatDuration } from "@/lib/domain/format";
import type { ServiceAvailabilityDto } from "@/lib/dto/availability";
import { ApiError } from "@/lib/query/api";
import { useAvailabilityView, useServiceSummary, type AvailabilityView } from "@/lib/query/availability";
import { AvailabilityHeadline } from "./availability-headline";
import { BudgetSummary } from "./budget-summary";
import { BurnRatesTable } from "./burn-rates-table";
import { MttxTable } from "./mttx-table";
import { WindowIncidents } from "./window-incidents";
import { runsOutWithinWindow } from "./outlook";
import { WindowPicker, type WindowPreset } from "./window-picker";
import { TableScroll } from "@/components/ui/table-scroll";

type Props = { slug: string; timeZone: string; presets: WindowPreset[]; initial: { view: AvailabilityView; data: ServiceAvailabilityDto } };

/** The summary of the URL's view: the server's first render, then reads through the API. */
function useSummary(slug: string, initial: Props["initial"]) {
  const [view, setView] = useAvailabilityView();
  const summary = useServiceSummary(slug, view, initial);
  return { view, setView, summary, data: summary.data ?? initial.data };
}

/**
 * A service's figures in the chosen window: availability (and how it is computed) and the error
 * budget. The window and asOf live in the URL; a change is read through the API.
 */
export function AvailabilityFigures({ slug, timeZone, presets, initial }: Props) {
  const { view, setView, summary, data } = useSummary(slug, initial);
  const badView = summary.error instanceof ApiError && summary.error.status === 400 ? summary.error : null;
  return (
    <section className="card" aria-labelledby="figures-heading" aria-busy={summary.isFetching || undefined}>
        <div className="section-head">
          <h2 id="figures-heading">
            Availability in {describeWindowLabel(data.window.label)}{" "}
            <span className="muted heading-note">
              {formatDateTime(data.window.from, timeZone)} – {formatDateTime(data.window.to, timeZone)} {timeZone}
              {view.asOf ? `, as of ${formatDateTime(data.asOf, timeZone)}` : ""}
            </span>
          </h2>
        </div>
        <WindowPicker presets={presets} view={view} timeZone={timeZone} onChange={setView} />
        {badView && (
          <p role="alert" className="alert alert-error">
            {badView.issues.map((i) => `${i.path}: ${i.message}`).join("; ") || badView.message}. Showing the last figures that worked.
          </p>
        )}
        <div className="two-col figures">
          <AvailabilityHeadline summary={data} timeZone={timeZone} />
          <BudgetSummary summary={data} timeZone={timeZone} />
        </div>
    </section>
  );
}

/** The same view's details: the budget's burn-down, burn rates, response times, what cost the most. */
export function AvailabilityDetails({ slug, timeZone, initial }: Omit<Props, "presets">) {
  const { data } = useSummary(slug, initial);
  const [burnDownTable, setBurnDownTable] = useState(false);
  const b = data.errorBudget;
  if (b === null) {
    return (
      <section className="card" aria-labelledby="burn-down-heading">
        <h2 id="burn-down-heading">Error budget burn-down</h2>
        <p className="muted">No data: this window lies wholly before the service is measured. Choose a later window.</p>
      </section>
    );
  }
  const burnHeadline = `Error budget for ${describeWindowLabel(data.window.label)}: ${b.remainingSeconds < 0 ? `overspent by ${formatDuration(-b.remainingSeconds)}` : `${formatDuration(b.remainingSeconds)} of ${formatDuration(b.budgetSeconds)} left`}${b.exhaustionAt && runsOutWithinWindow(data, b) ? `; at this pace it runs out ${formatDateTime(b.exhaustionAt, timeZone)} ${timeZone}` : ""}.`;
  return (
    <>
      <section className="card chart-card" aria-labelledby="burn-down-heading">
        <div className="section-head">
          <h2 id="burn-down-heading">Error budget burn-down</h2>
          <button type="button" className="btn btn-ghost btn-small" aria-expanded={burnDownTable} onClick={() => setBurnDownTable(!burnDownTable)}>
            {burnDownTable ? "Hide the table" : "Show as a table"}
          </button>
        </div>
        <figure>
          <figcaption className="chart-headline">{burnHeadline}</figcaption>
          {data.burnDown && (
            <div role="img" aria-label={burnHeadline}>
              <BudgetBurnDown points={data.burnDown} window={data.window} budgetSeconds={b.budgetSeconds} asOf={data.window.end} exhaustionAt={b.exhaustionAt} timeZone={timeZone} />
            </div>
          )}
          <p className="chart-legend muted">Solid: budget left. Dashed: the pace that spends it exactly by the window&apos;s end. Dotted red: where the average pace so far runs it out.</p>
        </figure>
        {burnDownTable && data.burnDown && (
          <TableScroll label="Budget left over the window">
            <table className="table">
              <caption className="visually-hidden">Budget left over the window</caption>
              <thead>
                <tr><th scope="col">At ({timeZone})</th><th scope="col" className="num">Left</th></tr>
              </thead>
              <tbody>
                {data.burnDown.map((p) => (
                  <tr key={p.at}><td>{formatDateTime(p.at, timeZone)}</td><td className="num">{p.remainingSeconds < 0 ? `−${formatDuration(-p.remainingSeconds)}` : formatDuration(p.remainingSeconds)}</td></tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section className="card" aria-labelledby="burn-heading">
        <h2 id="burn-heading">Burn rates</h2>
        <BurnRatesTable summary={data} />
      </section>
      <section className="card" aria-labelledby="mttx-heading">
        <h2 id="mttx-heading">Response times</h2>
        <MttxTable summary={data} />
      </section>
      <section className="card" aria-labelledby="window-incidents-heading">
        <h2 id="window-incidents-heading">What the downtime came from</h2>
        <WindowIncidents summary={data} />
      </section>
    </>
  );
}
