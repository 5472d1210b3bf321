import Link from "next/link";
import { formatPercent } from "@/components/format";
import type { ReviewDto } from "@/lib/dto/reviews";
import { formatDuration } from "@/lib/domain/format";

/** The week at a glance: targets met and missed, budgets exhausted, ongoing incidents, the costliest five. */
export function ReviewHeadline({ review }: { review: ReviewDto }) {
  const h = review.headline;
  const tiles = [
    { n: h.met, label: `of ${h.services} met their target`, tone: "ok" },
    { n: h.missed, label: "missed their target", tone: h.missed ? "bad" : "ok" },
    { n: h.budgetsExhausted, label: h.budgetsExhausted === 1 ? "budget exhausted" : "budgets exhausted", tone: h.budgetsExhausted ? "bad" : "ok" },
    { n: h.ongoingIncidents, label: h.ongoingIncidents === 1 ? "incident ongoing" : "incidents ongoing", tone: h.ongoingIncidents ? "warn" : "ok" },
    ...(h.failed ? [{ n: h.failed, label: "could not be computed", tone: "bad" }] : []),
  ];
  return (
    <section aria-labelledby="headline-heading">
      <h2 id="headline-heading" className="visually-hidden">Headline</h2>
      <ul className="state-counts review-tiles">
        {tiles.map((t) => (
          <li key={t.label}>
            <span className={`state-count review-tile tone-${t.tone}`}>
              <span className="state-count-value">{t.n}</span>
              <span className="state-count-label">{t.label}</span>
            </span>
          </li>
        ))}
      </ul>
      <h3 className="review-top-heading">Incidents that cost the most budget</h3>
      {h.topIncidents.length === 0 ? (
        <p className="muted">No incident spent any budget this week.</p>
      ) : (
        <ol className="top-incidents">
          {h.topIncidents.map((t) => (
            <li key={t.id}>
              {t.reference ? <Link prefetch={false} href={`/incidents/${t.reference}`}><span className="ref">{t.reference}</span> {t.title}</Link> : "Planned maintenance"}{" "}
              <span className="num-inline">{formatDuration(t.downtimeSeconds)}</span> down
              {t.services > 1 ? ` across ${t.services} services` : ""}; up to <strong>{formatPercent(t.budgetShare, 1)}</strong> of a service&apos;s budget for the week
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
