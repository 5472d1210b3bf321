import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime, tierLabel } from "@/components/format";
import { Markdown } from "@/components/markdown";
import { ReviewActions } from "@/components/reviews/review-actions";
import { ReviewActionItems, ReviewRisks } from "@/components/reviews/review-follow-up";
import { ReviewFreezes, ReviewOverduePostmortems } from "@/components/reviews/review-policy";
import { ReviewHeadline } from "@/components/reviews/review-headline";
import { ReviewIncidents } from "@/components/reviews/review-incidents";
import { ReviewNotesForm } from "@/components/reviews/review-notes";
import { ReviewPager } from "@/components/reviews/review-pager";
import { ReviewServices } from "@/components/reviews/review-services";
import { discussionFacts } from "@/components/reviews/discussion-facts";
import { pageWindow } from "@/lib/domain/page-window";
import { splitForDiscussion } from "@/lib/domain/review-discussion";
import { plural } from "@/lib/domain/format";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { ValidationError } from "@/lib/server/errors";
import { roleAllows } from "@/lib/server/auth/roles";
import { getReview } from "@/lib/server/reviews";
import { listTiers } from "@/lib/server/tiers";

/**
 * Rows per page of a view, and incidents listed before "Show all": a large organisation's week is
 * read a page at a time (a review of 1,000 services is megabytes of HTML in one piece), and printed
 * whole from "Show all".
 */
const SERVICES_PER_PAGE = 100;
const INCIDENTS_PER_PAGE = 100;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

type Params = { params: Promise<{ week: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Review ${decodeURIComponent((await params).week)}` };
}

/**
 * /reviews/2026-W48[?tier=1][&view=all][&page=2|&rows=all][&incidents=all]: the page the weekly meeting is held on. It opens on the
 * services that need discussion (lib/domain/review-discussion.ts), each with its reasons; every
 * service is one link away, so a large organisation's page is not every row before it is asked for.
 */
export default async function ReviewPage({ params, searchParams }: Params) {
  const actor = await requirePageActor();
  const week = decodeURIComponent((await params).week).toUpperCase();
  const sp = await searchParams;
  const tierText = typeof sp.tier === "string" ? sp.tier : "";
  const tier = /^\d{1,2}$/.test(tierText) ? Number(tierText) : null;
  const view = sp.view === "all" ? "all" : "discussion";
  const [review, tiers] = await Promise.all([
    getReview(week, tier).catch((err: unknown) => {
      // Not an ISO week, or one that has not begun: there is no such review page.
      if (err instanceof ValidationError) notFound();
      throw err;
    }),
    listTiers(),
  ]);
  const tz = review.timeZone;
  const canEdit = roleAllows(actor.role, "editor");
  const changed = new Set(review.changes.map((c) => c.key));
  const { discuss } = splitForDiscussion(review.services, (s) => discussionFacts(s, review.week, changed));
  const reasons = new Map(discuss.map((d) => [d.row.slug, d.reasons]));
  const viewRows = view === "all" ? review.services : discuss.map((d) => d.row);
  const allRows = one(sp.rows) === "all";
  const requestedPage = /^[1-9]\d{0,5}$/.test(one(sp.page)) ? Number(one(sp.page)) : 1;
  const rowsWindow = pageWindow(viewRows.length, allRows ? 1 : requestedPage, allRows ? Math.max(1, viewRows.length) : SERVICES_PER_PAGE);
  const shown = viewRows.slice(rowsWindow.start, rowsWindow.end);
  const allIncidents = one(sp.incidents) === "all";
  const incidentsWindow = pageWindow(review.incidents.length, 1, allIncidents ? Math.max(1, review.incidents.length) : INCIDENTS_PER_PAGE);
  // A link keeps the tier and the view; paging is of the services' rows, "all" of either list.
  const href = (t: number | null, v: string, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams({ ...(t !== null ? { tier: String(t) } : {}), ...(v === "all" ? { view: "all" } : {}), ...extra }).toString();
    return `/reviews/${review.week}${q ? `?${q}` : ""}`;
  };
  const rowsAt = (p: number | "all"): Record<string, string> => (p === "all" ? { rows: "all" } : p > 1 ? { page: String(p) } : {});
  const incidentsAt = (all: boolean): Record<string, string> => (all ? { incidents: "all" } : {});
  const rowsHref = (p: number | "all") => href(tier, view, { ...rowsAt(p), ...incidentsAt(allIncidents) });
  const incidentsHref = (p: number | "all") => `${href(tier, view, { ...rowsAt(allRows ? "all" : rowsWindow.page), ...incidentsAt(p === "all") })}#incidents-heading`;
  const exportHref = (format: string) => `/api/v1/reviews/${review.week}?format=${format}${tier ? `&tier=${tier}` : ""}`;
  const lastDay = formatDateTime(new Date(Date.parse(review.window.to) - 1).toISOString(), tz).slice(0, 10);
  return (
    <>
      <div className="page-header">
        <nav aria-label="Breadcrumb" className="crumbs no-print">
          <ol>
            <li><Link href="/reviews">Reviews</Link></li>
          </ol>
        </nav>
        <div className="page-header-row">
          <div>
            <h1>Availability review {review.week}</h1>
            <p className="page-description">
              {formatDateTime(review.window.from, tz).slice(0, 10)} to {lastDay} ({tz}) ·{" "}
              {review.state === "closed" ? (
                <strong>Closed {review.closedAt && formatDateTime(review.closedAt, tz)} by {review.closedBy}; figures frozen as of {formatDateTime(review.asOf, tz)} {tz}</strong>
              ) : (
                <>
                  {review.state === "open" ? "Open" : "Not started"}; figures as of {formatDateTime(review.asOf, tz)} {tz}
                </>
              )}
            </p>
          </div>
          <div className="page-actions no-print">
            <a className="btn btn-secondary" href={exportHref("markdown")} download>Markdown</a>
            <a className="btn btn-secondary" href={exportHref("csv")} download>CSV</a>
          </div>
        </div>
        <ReviewActions review={{ week: review.week, state: review.state, version: review.version }} canEdit={canEdit} isAdmin={roleAllows(actor.role, "admin")} />
      </div>
      {review.changes.length > 0 && (
        <section className="alert alert-warning" aria-labelledby="changes-heading">
          <h2 id="changes-heading">Changed since the review</h2>
          <p>The figures below are the ones the review was closed with. A fresh computation for the same instant now says:</p>
          <ul>
            {review.changes.map((c) => (
              <li key={`${c.kind}-${c.key}-${c.message}`}>{c.message}</li>
            ))}
          </ul>
        </section>
      )}
      <nav aria-label="Tier" className="segmented no-print">
        <Link href={href(null, view)} prefetch={false} aria-current={tier === null ? "page" : undefined}>All tiers</Link>
        {tiers.map((t) => (
          <Link key={t.id} href={href(t.rank, view)} prefetch={false} aria-current={tier === t.rank ? "page" : undefined}>{tierLabel(t)}</Link>
        ))}
      </nav>
      <ReviewHeadline review={review} />
      <section aria-labelledby="services-heading">
        <div className="section-head">
          <h2 id="services-heading">{view === "all" ? "All services" : "Services that need discussion"}</h2>
          <nav aria-label="Services shown" className="segmented no-print">
            <Link href={href(tier, "discussion")} prefetch={false} aria-current={view === "discussion" ? "page" : undefined}>Needs discussion ({discuss.length})</Link>
            <Link href={href(tier, "all")} prefetch={false} aria-current={view === "all" ? "page" : undefined}>All services ({review.services.length})</Link>
          </nav>
        </div>
        {view === "discussion" && (
          <p className="muted small">
            {discuss.length === 0
              ? `None of the ${plural(review.services.length, "service")} missed its target, ran out of budget, burned fast, had an incident or changed its result since last week.`
              : `${plural(discuss.length, "service")} of ${review.services.length}: missed the target, budget exhausted, burning fast, incidents, a result changed since last week, or figures changed since the review. The others are under "All services".`}
          </p>
        )}
        {shown.length > 0 || view === "all" ? (
          <>
            <ReviewPager window={rowsWindow} noun={["service", "services"]} href={rowsHref} all={allRows} />
            <ReviewServices services={shown} changed={changed} reasons={reasons} asOf={{ week: review.asOf, slo: review.sloAsOf, timeZone: tz }} />
            {rowsWindow.pages > 1 && <ReviewPager window={rowsWindow} noun={["service", "services"]} href={rowsHref} all={allRows} />}
          </>
        ) : (
          <p><Link href={href(tier, "all")} prefetch={false}>Show all {plural(review.services.length, "service")}</Link></p>
        )}
      </section>
      <section aria-labelledby="incidents-heading">
        <h2 id="incidents-heading">Incidents of the week</h2>
        <ReviewPager window={incidentsWindow} noun={["incident", "incidents"]} href={incidentsHref} all={allIncidents} />
        <ReviewIncidents incidents={review.incidents.slice(incidentsWindow.start, incidentsWindow.end)} timeZone={tz} changed={changed} />
      </section>
      <div className="two-col">
        <section className="card" aria-labelledby="freezes-heading">
          <h2 id="freezes-heading">Error-budget freezes this week</h2>
          <ReviewFreezes services={review.services} />
        </section>
        <section className="card" aria-labelledby="postmortems-heading">
          <h2 id="postmortems-heading">Required postmortems overdue</h2>
          <ReviewOverduePostmortems review={review} />
        </section>
      </div>
      <div className="two-col">
        <section className="card" aria-labelledby="actions-heading">
          <h2 id="actions-heading">Action items due this week or overdue</h2>
          <ReviewActionItems review={review} />
        </section>
        <section className="card" aria-labelledby="risks-heading">
          <h2 id="risks-heading">Risks</h2>
          <ReviewRisks review={review} />
        </section>
      </div>
      <section className="card" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes and decisions</h2>
        {review.notes.trim() ? <Markdown>{review.notes}</Markdown> : <p className="muted">No notes yet.</p>}
        <p>
          <strong>Attended:</strong> {review.attendees.length ? review.attendees.join(", ") : <span className="muted">nobody recorded</span>}
        </p>
        {canEdit && review.state === "open" && review.version !== null && <ReviewNotesForm week={review.week} notes={review.notes} attendees={review.attendees} version={review.version} />}
        {canEdit && review.state === "not_started" && <p className="muted no-print">Start the review to take notes.</p>}
      </section>
    </>
  );
}
