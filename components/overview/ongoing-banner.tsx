import Link from "next/link";
import { formatCount } from "@/components/format";
import type { IncidentDto } from "@/lib/dto/incidents";

/**
 * While something is down, the first thing on the overview: how many incidents are ongoing (the
 * server's count) and the few that started last. Nothing is shown when nothing is.
 */
export function OngoingBanner({ incidents, total }: { incidents: IncidentDto[]; total: number }) {
  if (total === 0) return null;
  return (
    <section className="ongoing-banner" aria-labelledby="ongoing-heading">
      <h2 id="ongoing-heading">
        <span className="live">{formatCount(total)} ongoing incident{total === 1 ? "" : "s"}</span>
      </h2>
      <ul className="plain-list">
        {incidents.map((i) => (
          <li key={i.id}>
            <Link prefetch={false} href={`/incidents/${i.reference}`}>{i.reference} · {i.title}</Link> <span className="muted">({i.severity}, {i.impacts.map((x) => x.service).join(", ")})</span>
          </li>
        ))}
      </ul>
      {total > incidents.length && (
        <p>
          <span className="muted">The {incidents.length} that started last of {formatCount(total)}.</span> <Link prefetch={false} href="/incidents?status=open">All {formatCount(total)} ongoing incidents</Link>
        </p>
      )}
    </section>
  );
}
