import { formatPercent } from "@/lib/domain/format";

type Day = { date: string; uptime: number | null };

/** How a day's bar is drawn, and said: colour is never the only signal (the summary and each bar's name say it). */
function dayClass(uptime: number | null): string {
  if (uptime === null) return "bar-none";
  if (uptime >= 1) return "bar-up";
  return uptime >= 0.99 ? "bar-dip" : "bar-down";
}

/** A component's days as bars, oldest first, with a sentence that says what they show. */
export function UptimeBars({ name, days, uptime }: { name: string; days: Day[]; uptime: number | null }) {
  const down = days.filter((d) => d.uptime !== null && d.uptime < 1);
  const summary = `${name}: ${uptime === null ? "not measured" : `${formatPercent(uptime, 2)} uptime`} over ${days.length} days; ${down.length === 0 ? "no day with downtime" : `${down.length} day${down.length === 1 ? "" : "s"} with downtime`}.`;
  return (
    <figure className="uptime">
      <div className="uptime-bars" role="img" aria-label={summary}>
        {days.map((d) => (
          <span key={d.date} className={`uptime-bar ${dayClass(d.uptime)}`} title={`${d.date}: ${d.uptime === null ? "no data" : formatPercent(d.uptime, 3)}`} />
        ))}
      </div>
      <figcaption className="uptime-caption">
        <span>{days[0]?.date ?? ""}</span>
        <span>{uptime === null ? "no data" : `${formatPercent(uptime, 2)} uptime`}</span>
        <span>today</span>
      </figcaption>
      {down.length > 0 && (
        <details className="uptime-days">
          <summary>
            {down.length} day{down.length === 1 ? "" : "s"} with downtime
          </summary>
          <ul>
            {down.map((d) => (
              <li key={d.date}>
                {d.date}: {formatPercent(d.uptime as number, 3)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </figure>
  );
}
