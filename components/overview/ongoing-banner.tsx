import Link from "next/link";
import type { IncidentDto } from "@/lib/dto/incidents";

/** While something is down, the first thing on the overview. Nothing is shown when nothing is. */
export function OngoingBanner({ incidents }: { incidents: IncidentDto[] }) {
  if (incidents.length === 0) return null;
  return (
    <section className="ongoing-banner" aria-labelledby="ongoing-heading">
      <h2 id="ongoing-heading">
        <span className="live">{incidents.length} ongoing incident{incidents.length === 1 ? "" : "s"}</span>
      </h2>
      <ul className="plain-list">
        {incidents.slice(0, 5).map((i) => (
          <li key={i.id}>
            <Link href={`/incidents/${i.reference}`}>{i.reference} · {i.title}</Link> <span className="muted">({i.severity}, {i.impacts.map((x) => x.service).join(", ")})</span>
          </li>
        ))}
      </ul>
      {incidents.length > 5 && <Link href="/incidents?status=open">All {incidents.length} ongoing incidents</Link>}
    </section>
  );
}
