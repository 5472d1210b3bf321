"use client";

import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { useIncident } from "@/lib/query/incidents";
import type { IncidentDetailDto, ServiceOption } from "@/lib/query/types";
import { ActionItemsPanel } from "./action-items-panel";
import { DeleteIncident } from "./delete-incident";
import { ImpactsPanel } from "./impacts-panel";
import { KindBadge, SeverityBadge, StatusBadge } from "./incident-badges";
import { IncidentTexts } from "./incident-texts";
import { LiveDuration } from "./live-duration";
import { MilestonesPanel } from "./milestones-panel";
import { TimelinePanel } from "./timeline-panel";

type Props = { initial: IncidentDetailDto; timeZone: string; canEdit: boolean; services: ServiceOption[]; renderedAt: number };

/**
 * The incident page: one place to run the incident. While it is ongoing the page reads the
 * incident again every few seconds (React Query), so responders see each other's updates.
 */
export function IncidentView({ initial, timeZone, canEdit, services, renderedAt }: Props) {
  const { data: incident, isFetching, isError } = useIncident(initial.reference, initial, renderedAt);
  return (
    <>
      <div className="page-header">
        <nav aria-label="Breadcrumb" className="crumbs">
          <ol>
            <li><Link href="/incidents">Incidents</Link></li>
          </ol>
        </nav>
        <h1>
          <span className="muted">{incident.reference}</span> {incident.title}
        </h1>
        <div className="incident-facts">
          <StatusBadge status={incident.status} />
          <SeverityBadge severity={incident.severity} />
          <KindBadge kind={incident.kind} />
          <span>
            <LiveDuration since={incident.startedAt} until={incident.resolvedAt} renderedAt={renderedAt} prefix={incident.ongoing ? "Ongoing for " : "Lasted "} />
          </span>
          <span className="muted">
            since {formatDateTime(incident.startedAt, timeZone)} {timeZone}
          </span>
          {incident.ongoing && (
            <span className="muted live-note" role="status">
              {isError ? "Could not refresh; retrying" : isFetching ? "Refreshing…" : "Updates live"}
            </span>
          )}
        </div>
        <ul className="chip-list" aria-label="Services hit">
          {incident.impacts.map((i) => (
            <li key={i.service}>
              <Link className="chip" href={`/services/${i.service}`}>{i.service}</Link>
            </li>
          ))}
        </ul>
        {incident.lastChange && (
          <p className="muted small">
            Last changed by {incident.lastChange.changedBy} at {formatDateTime(incident.lastChange.changedAt, timeZone)} {timeZone}
          </p>
        )}
      </div>
      <div className="incident-grid">
        <div className="incident-main">
          <TimelinePanel incident={incident} timeZone={timeZone} canEdit={canEdit} />
        </div>
        <div className="incident-side">
          <MilestonesPanel incident={incident} timeZone={timeZone} canEdit={canEdit} />
          <ImpactsPanel incident={incident} timeZone={timeZone} canEdit={canEdit} services={services} />
          <ActionItemsPanel incident={incident} canEdit={canEdit} />
        </div>
      </div>
      <IncidentTexts incident={incident} canEdit={canEdit} timeZone={timeZone} />
      {canEdit && <DeleteIncident incident={incident} />}
    </>
  );
}
