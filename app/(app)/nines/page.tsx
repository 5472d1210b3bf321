import type { Metadata } from "next";
import { PageHeader } from "@/components/feedback/page-header";
import { formatPercent, percentText, percentTextToRatio } from "@/components/format";
import { allowedDowntime, type AllowedDowntimePeriod } from "@/lib/domain/allowed-downtime";
import { formatDuration } from "@/lib/domain/format";
import { targetPercentProblem } from "@/lib/domain/percent-input";
import { SloTarget } from "@/lib/schemas/common";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "The nines" };

/** The usual targets, two nines to six; a target the person asks for joins them. */
const STANDARD_TARGETS = [0.99, 0.999, 0.9999, 0.99999, 0.999999];
const PERIODS: { key: AllowedDowntimePeriod; label: string }[] = [
  { key: "day", label: "Per day" },
  { key: "week", label: "Per week" },
  { key: "month", label: "Per month (30 days)" },
  { key: "quarter", label: "Per quarter" },
  { key: "year", label: "Per year" },
];

/** "three nines" for 99.9 %: only for targets written with nines alone. */
function ninesName(target: number): string | null {
  const text = percentText(target);
  if (!/^9+(\.9+)?$/.test(text)) return null;
  const count = text.replace(".", "").length;
  return `${["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"][count] ?? count} nines`;
}

/** Any target as allowed downtime per period, computed on the server; a GET form, no script needed. */
export default async function NinesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor();
  const raw = [(await searchParams).target].flat()[0]?.trim() ?? "";
  const ratio = raw ? percentTextToRatio(raw) : null;
  const parsed = ratio === null ? null : SloTarget.safeParse(ratio);
  // Typed in percent, answered in percent: the schema's ratio-worded message is the API's.
  const error = parsed && !parsed.success ? (targetPercentProblem(ratio, true) ?? parsed.error.issues[0]?.message) : null;
  const own = parsed?.success ? parsed.data : null;
  const targets = [...new Set([...STANDARD_TARGETS, ...(own === null ? [] : [own])])].sort((a, b) => a - b);

  return (
    <>
      <PageHeader title="The nines" description="How much downtime a target allows in each period. Periods have fixed lengths so targets compare: a month is 30 days, a year 365.25 (a leap day spread over four years), a quarter one fourth of that. An SLO over a calendar month or quarter uses its real length." />
      <form className="filters" action="/nines" method="get" aria-label="Allowed downtime for a target">
        <div className={`field${error ? " field-invalid" : ""}`}>
          <label htmlFor="nines-target">Target (%)</label>
          <input id="nines-target" name="target" className="input" inputMode="decimal" defaultValue={raw} placeholder="99.95" aria-invalid={error ? true : undefined} aria-describedby={error ? "nines-target-error" : "nines-target-hint"} />
          {error ? <p id="nines-target-error" className="field-error">{error}</p> : <p id="nines-target-hint" className="field-hint">From 50 to 99.99999; added to the table below.</p>}
        </div>
        <button type="submit" className="btn btn-secondary">Show</button>
      </form>
      <TableScroll label="Allowed downtime per target">
        <table className="table nines-table">
          <caption className="visually-hidden">Allowed downtime per period for each target</caption>
          <thead>
            <tr>
              <th scope="col">Target</th>
              {PERIODS.map((p) => (
                <th key={p.key} scope="col" className="num">{p.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {targets.map((t) => {
              const allowed = allowedDowntime(t);
              return (
                <tr key={t} className={t === own ? "row-highlight" : undefined}>
                  <th scope="row">
                    {formatPercent(t)} {t === own && <span className="badge badge-info">yours</span>}
                    {ninesName(t) && <span className="inherited">{ninesName(t)}</span>}
                  </th>
                  {PERIODS.map((p) => (
                    <td key={p.key} className="num">{formatDuration(allowed[p.key])}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
