import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrgTime } from "@/components/org-time";
import { SubscribeForms } from "@/components/status/subscribe-forms";
import { OVERALL_LABELS } from "@/lib/domain/status-page";
import type { PublicIncidentDto } from "@/lib/dto/status-page";
import { componentsHtml, STATE_MARKS } from "@/lib/server/status-html";
import { statusSnapshot } from "@/lib/server/status-snapshot";
import "./status.css";

export const metadata: Metadata = { title: "Status", robots: { index: true, follow: false }, alternates: { types: { "application/atom+xml": "/status/feed.atom" } } };


/** `upcoming`: scheduled maintenance that has not started when the snapshot was made. */
function Incident({ incident, timeZone, upcoming = false }: { incident: PublicIncidentDto; timeZone: string; upcoming?: boolean }) {
  return (
    <article className="status-incident" id={`incident-${incident.id}`} aria-labelledby={`incident-${incident.id}-title`}>
      <h3 id={`incident-${incident.id}-title`}>{incident.title}</h3>
      <p className="status-meta">
        {incident.components.join(", ")} · {upcoming ? "starts" : "started"} <OrgTime iso={incident.startedAt} timeZone={timeZone} />
        {incident.plannedEnd && (
          <>
            {" "}· {upcoming ? "ends" : "planned to end"} <OrgTime iso={incident.plannedEnd} timeZone={timeZone} />
          </>
        )}
        {incident.resolvedAt && (
          <>
            {" "}· {incident.status === "scheduled" ? "completed" : "resolved"} <OrgTime iso={incident.resolvedAt} timeZone={timeZone} />
          </>
        )}
      </p>
      {incident.updates.length > 0 ? (
        <ol className="status-updates">
          {incident.updates.map((u) => (
            <li key={u.at}>
              <OrgTime iso={u.at} timeZone={timeZone} /> — {u.message}
            </li>
          ))}
        </ol>
      ) : (
        <p className="status-meta">{incident.resolvedAt ? (incident.status === "scheduled" ? "Completed." : "Resolved.") : upcoming ? "Planned work: it has not started." : incident.kind === "maintenance" ? "Maintenance in progress; updates follow here." : "We are looking into it; updates follow here."}</p>
      )}
    </article>
  );
}

/** The public status page: no sign-in, no script needed; served from a snapshot (lib/server/status-snapshot.ts). */
export default async function StatusPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ snapshot: s, stale }, query] = await Promise.all([statusSnapshot(), searchParams]);
  if (!s) notFound();
  const tz = s.timeZone;
  return (
    <main className="status-page">
      <header className="status-header">
        <h1>{s.title}</h1>
        <p className={`status-overall state-${s.state}`} role="status">
          <span aria-hidden="true">{STATE_MARKS[s.state]}</span> {OVERALL_LABELS[s.state]}
        </p>
        <p className="status-meta">
          As of <OrgTime iso={s.generatedAt} timeZone={tz} showZone />
          {stale && " — our systems are being restored; this is the last status we published."} · <a href="/status/feed.atom">Atom feed</a> · <a href="/status.json">JSON</a>
        </p>
      </header>
      {s.ongoing.length > 0 && (
        <section aria-labelledby="ongoing-heading">
          <h2 id="ongoing-heading">Ongoing</h2>
          {s.ongoing.map((i) => (
            <Incident key={i.id} incident={i} timeZone={tz} />
          ))}
        </section>
      )}
      <section aria-labelledby="components-heading">
        <h2 id="components-heading">Components</h2>
        {/* One day's gap, the pattern every component's bars are overdrawn with. */}
        <svg width="0" height="0" className="uptime-defs" aria-hidden="true" focusable="false">
          <defs>
            <pattern id="uptime-day-gaps" width="1" height="1" patternUnits="userSpaceOnUse">
              <rect x="0.8" width="0.2" height="1" className="uptime-gap" />
            </pattern>
          </defs>
        </svg>
        {/* Made once per snapshot (lib/server/status-html.ts); every text in it is escaped. */}
        <ul className="status-components" dangerouslySetInnerHTML={{ __html: componentsHtml(s) }} />
        <p className="status-meta">Days are cut at midnight, {tz}.</p>
      </section>
      {s.scheduled.length > 0 && (
        <section aria-labelledby="scheduled-heading">
          <h2 id="scheduled-heading">Scheduled maintenance</h2>
          <p className="status-meta">Times in {tz}.</p>
          {s.scheduled.map((i) => (
            <Incident key={i.id} incident={i} timeZone={tz} upcoming />
          ))}
        </section>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Past incidents</h2>
        {s.history.length === 0 ? <p className="status-meta">No incidents in the last 90 days.</p> : s.history.map((i) => <Incident key={i.id} incident={i} timeZone={tz} />)}
      </section>
      <SubscribeForms query={query} />
    </main>
  );
}
