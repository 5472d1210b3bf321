import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { SeverityBadge } from "@/components/incidents/incident-badges";
import type { ReviewDto, ReviewServiceDto } from "@/lib/dto/reviews";

// The error-budget policy in the weekly review: the freezes that held in the week and the
// required postmortems now overdue, each said in words (the "Frozen"/"Overdue" tags are text).

/** Each service frozen in the week, with its line: "frozen since …, recovers when …" (or how it ended). */
export function ReviewFreezes({ services }: { services: ReviewServiceDto[] }) {
  const frozen = services.filter((s) => s.freezes.length > 0);
  if (frozen.length === 0) return <p className="muted">No service was frozen by the error-budget policy this week.</p>;
  return (
    <ul className="plain-list review-freezes" aria-label="Services frozen this week">
      {frozen.flatMap((s) =>
        s.freezes.map((f) => (
          <li key={f.id} data-freeze={f.id}>
            <span className="freeze-tag">Frozen</span> <Link href={`/services/${s.slug}`} prefetch={false}>{s.name}</Link>: {f.text}
            {f.reason && <div className="muted small">{f.reason}</div>}
          </li>
        )),
      )}
    </ul>
  );
}

/** Required postmortems past their date with none written: overdue work, oldest due first. */
export function ReviewOverduePostmortems({ review }: { review: ReviewDto }) {
  const tz = review.timeZone;
  if (review.postmortemsOverdue.length === 0) return <p className="muted">No required postmortem is overdue.</p>;
  return (
    <ul className="plain-list review-postmortems" aria-label="Required postmortems overdue">
      {review.postmortemsOverdue.map((p) => (
        <li key={p.id} data-postmortem-overdue={p.reference}>
          <span className="overdue-tag text-danger">Overdue</span> <Link href={`/incidents/${p.reference}`} prefetch={false}>{p.reference}</Link> {p.title} <SeverityBadge severity={p.severity} />
          <div className="small">
            Due {formatDateTime(p.postmortemDueAt, tz)} {tz}
            {p.postmortemReason && <> — {p.postmortemReason}</>}
            {p.services.length > 0 && <span className="muted"> · {p.services.join(", ")}</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** A service's count of changes in the week, under its name in the review's table. */
export function WeekChanges({ count }: { count: number }) {
  return <div className="muted small review-changes">{count === 0 ? "No changes recorded" : `${count} ${count === 1 ? "change" : "changes"} recorded`} this week</div>;
}
