"use client";

import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { useIncident } from "@/lib/query/incidents";
import type { IncidentDetailDto, ServiceOption } from "@/lib/query/types";
import { roleLabel } from "@/lib/domain/incident-roles";
import type { IncidentChangesDto } from "@/lib/dto/changes";
import { ActionItemsPanel } from "./action-items-panel";
import { ChangesBefore } from "./changes-before";
import { DeleteIncident } from "./delete-incident";
import { DetailsPanel } from "./details-panel";
import { ImpactsPanel } from "./impacts-panel";
import { KindBadge, SeverityBadge, StatusBadge } from "./incident-badges";
import { IncidentTexts } from "./incident-texts";
import { LiveDuration } from "./live-duration";
import { MilestonesPanel } from "./milestones-panel";
import { PostmortemRequired } from "./postmortem-required";
import { HolderName, RolesPanel, type Person } from "./roles-panel";
import { TimelinePanel } from "./timeline-panel";

type Props = {
  initial: IncidentDetailDto;
  timeZone: string;
  canEdit: boolean;
  services: ServiceOption[];
  renderedAt: number;
  /** The incident roles the settings list, in their order. */
  roles: string[];
  /** Who can be given a role (active users), and the person reading. */
  people: Person[];
  me: Person | null;
  /** The changes to its services in the two hours before it started. */
  changesBefore: IncidentChangesDto;
  /** The postmortem the error-budget policy requires of it, if any. */
  requiredPostmortem: { dueAt: string; reason: string | null } | null;
};

/**
 * The incident page: one place to run the incident. While it is ongoing the page reads the
 * incident again every few seconds (React Query), so responders see each other's updates.
 */
export function IncidentView({ initial, timeZone, canEdit, services, renderedAt, roles, people, me, changesBefore, requiredPostmortem }: Props) {
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
          <StatusBadge status={incident.status} phase={incident.phase} />
          <SeverityBadge severity={incident.severity} />
          <KindBadge kind={incident.kind} />
          {incident.phase === "upcoming" ? (
            <span>
              Planned from {formatDateTime(incident.startedAt, timeZone)}
              {incident.resolvedAt ? ` to ${formatDateTime(incident.resolvedAt, timeZone)}` : ", end not set"} {timeZone}
            </span>
          ) : (
            <>
              <span>
                <LiveDuration since={incident.startedAt} until={incident.ongoing ? null : incident.resolvedAt} renderedAt={renderedAt} prefix={incident.ongoing ? "Ongoing for " : "Lasted "} />
              </span>
              <span className="muted">
                since {formatDateTime(incident.startedAt, timeZone)} {timeZone}
                {incident.ongoing && incident.resolvedAt && `, planned to end ${formatDateTime(incident.resolvedAt, timeZone)}`}
              </span>
            </>
          )}
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
        {incident.ongoing && incident.roles.length > 0 && (
          <ul className="incident-roles" aria-label="Incident roles">
            {incident.roles.map((r) => (
              <li key={r.role}>
                <span className="role-name">{roleLabel(r.role)}:</span>
                <HolderName holder={{ user: r.user?.id ?? null, name: r.name }} />
              </li>
            ))}
          </ul>
        )}
        {requiredPostmortem && <PostmortemRequired required={requiredPostmortem} postmortem={incident.postmortem} timeZone={timeZone} now={renderedAt} />}
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
          {canEdit && <DetailsPanel incident={incident} timeZone={timeZone} />}
          <RolesPanel incident={incident} roles={roles} people={people} me={me} timeZone={timeZone} canEdit={canEdit} />
          <MilestonesPanel incident={incident} timeZone={timeZone} canEdit={canEdit} />
          <ImpactsPanel incident={incident} timeZone={timeZone} canEdit={canEdit} services={services} />
          <ChangesBefore incident={incident} initial={changesBefore} timeZone={timeZone} />
          <ActionItemsPanel incident={incident} canEdit={canEdit} />
        </div>
      </div>
      <IncidentTexts incident={incident} canEdit={canEdit} timeZone={timeZone} />
      {canEdit && <DeleteIncident incident={incident} />}
    </>
  );
}
