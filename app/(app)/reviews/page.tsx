import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/feedback/page-header";
import { plural } from "@/lib/domain/format";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { listReviews } from "@/lib/server/reviews";
import { getSettings } from "@/lib/server/settings";

export const metadata: Metadata = { title: "Reviews" };

const STATE = { not_started: "Not started", open: "Open", closed: "Closed" } as const;

/** The weeks, the current one first, each with its state and headline counts. */
export default async function ReviewsPage() {
  await requirePageActor();
  const [weeks, settings] = await Promise.all([listReviews(), getSettings()]);
  const tz = settings.timeZone;
  const current = weeks.find((w) => w.current);
  return (
    <>
      <PageHeader
        title="Reviews"
        description={`The weekly availability review: one page per ISO week (cut in ${tz}) to walk through, frozen when closed.`}
        actions={current && <Link className="btn btn-primary" prefetch={false} href={`/reviews/${current.week}`}>{current.state === "not_started" ? "Start this week's review" : "This week's review"}</Link>}
      />
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Weeks, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">Days ({tz})</th>
              <th scope="col">State</th>
              <th scope="col" className="num">Incidents</th>
              <th scope="col">Headline</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week}>
                <td className="cell-title">
                  <Link href={`/reviews/${w.week}`} prefetch={false}>{w.week}</Link> {w.current && <span className="badge badge-info">this week</span>}
                </td>
                <td className="nowrap">{formatDateTime(w.from, tz).slice(0, 10)} – {formatDateTime(new Date(Date.parse(w.to) - 1).toISOString(), tz).slice(0, 10)}</td>
                <td>
                  <span className={w.state === "closed" ? "badge badge-success" : w.state === "open" ? "badge badge-warning" : "badge"}>{STATE[w.state]}</span>
                  {w.closedAt && <span className="muted small"> on {formatDateTime(w.closedAt, tz)} by {w.closedBy}</span>}
                </td>
                <td className="num">{w.incidents}</td>
                <td>{w.headline ? <>{w.headline.met} met · <strong>{w.headline.missed} missed</strong> · {plural(w.headline.budgetsExhausted, "budget")} exhausted</> : <span className="muted">{w.state === "closed" ? "—" : "computed when you open it"}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
