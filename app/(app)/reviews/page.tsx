import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/feedback/page-header";
import { plural } from "@/lib/domain/format";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { ReviewListQuery } from "@/lib/schemas/review";
import { listReviews } from "@/lib/server/reviews";
import { getSettings } from "@/lib/server/settings";

export const metadata: Metadata = { title: "Reviews" };

const STATE = { not_started: "Not started", open: "Open", closed: "Closed" } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The weeks, the current one first, each with its state and headline counts, half a year a page. */
export default async function ReviewsPage({ searchParams }: Props) {
  await requirePageActor();
  const cursor = (await searchParams).cursor;
  const parsed = ReviewListQuery.safeParse({ cursor: typeof cursor === "string" ? cursor : undefined });
  const [list, settings, latest] = await Promise.all([listReviews(parsed.success ? parsed.data : {}), getSettings(), parsed.success && parsed.data.cursor ? listReviews({ limit: 1 }) : null]);
  const weeks = list.weeks;
  const tz = settings.timeZone;
  const current = (latest ?? list).weeks.find((w) => w.current);
  return (
    <>
      <PageHeader
        title="Reviews"
        description={`The weekly availability review: one page per ISO week (cut in ${tz}) to walk through, frozen when closed.`}
        actions={current && <Link className="btn btn-primary" prefetch={false} href={`/reviews/${current.week}`}>{current.state === "not_started" ? "Start this week's review" : "This week's review"}</Link>}
      />
      {!parsed.success && <p className="alert alert-warning" role="status">That link’s week is not an ISO week such as 2026-W48: the list is shown from this week.</p>}
      <p className="muted">
        {weeks.length < list.total ? `${weeks.length} of ${plural(list.total, "week")}` : plural(list.total, "week")}, newest first.
      </p>
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
      {(list.nextCursor || parsed.data?.cursor) && (
        <nav className="pager" aria-label="Older and newer weeks">
          {parsed.data?.cursor && <Link className="btn btn-secondary" prefetch={false} href="/reviews">Newest weeks</Link>}
          {list.nextCursor && <Link className="btn btn-secondary" prefetch={false} href={`/reviews?cursor=${list.nextCursor}`}>Older weeks</Link>}
        </nav>
      )}
    </>
  );
}
