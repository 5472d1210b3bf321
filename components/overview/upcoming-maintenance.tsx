import Link from "next/link";
import { formatCount, formatDateTime } from "@/components/format";
import type { IncidentDto } from "@/lib/dto/incidents";

/**
 * Planned work still to come, under the ongoing banner: it counts nowhere yet, but the team plans
 * the week around it. The soonest few, and the server's count of all of them.
 */
export function UpcomingMaintenance({ incidents, total, timeZone }: { incidents: IncidentDto[]; total: number; timeZone: string }) {
  if (total === 0) return null;
  return (
    <section className="upcoming-note" aria-labelledby="upcoming-heading">
      <h2 id="upcoming-heading" className="section-title">
        Scheduled maintenance <span className="count">{formatCount(total)}</span>
      </h2>
      <ul className="plain-list">
        {incidents.map((i) => (
          <li key={i.id}>
            <Link prefetch={false} href={`/incidents/${i.reference}`}>{i.reference} · {i.title}</Link>{" "}
            <span className="muted">
              starts {formatDateTime(i.startedAt, timeZone)}
              {i.resolvedAt && `, ends ${formatDateTime(i.resolvedAt, timeZone)}`} {timeZone} ({i.impacts.map((x) => x.service).join(", ")})
            </span>
          </li>
        ))}
      </ul>
      {total > incidents.length && (
        <p>
          <Link prefetch={false} href="/incidents?status=upcoming">All {formatCount(total)} scheduled</Link>
        </p>
      )}
    </section>
  );
}
