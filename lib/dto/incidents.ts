// Response types of the incidents API, shared by the server, the client hooks and components.
import type { TimelineData } from "@/lib/domain/incident-history";
import type { IncidentKind, IncidentStatus, Severity } from "@/lib/domain/incident-lifecycle";
import type { ActionItemDto } from "./action-items";

export type ImpactDto = { service: string; serviceName: string; fraction: number; startedAt: string | null; endedAt: string | null };

export type IncidentDto = {
  id: string;
  number: number;
  reference: string;
  title: string;
  severity: Severity;
  kind: IncidentKind;
  status: IncidentStatus;
  startedAt: string;
  detectedAt: string | null;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  ongoing: boolean;
  summary: string;
  rootCause: string;
  postmortem: string;
  source: string | null;
  externalId: string | null;
  impacts: ImpactDto[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type TimelineEventDto = {
  id: string;
  at: string;
  type: string;
  /** What a person typed; empty for entries Nines wrote itself. */
  message: string;
  /** What Nines recorded, as data (lib/domain/incident-history.ts); null for typed entries. */
  data: TimelineData | null;
  author: string;
};

export type IncidentDetailDto = IncidentDto & {
  timeline: TimelineEventDto[];
  /** What it cost each service it hit (the engine's attribution), in the order of impacts. */
  costs: ImpactCostDto[];
  actionItems: ActionItemDto[];
  /** The latest change, from the audit trail: who, when. */
  lastChange: { changedBy: string; changedAt: string } | null;
};

export type ImpactCostDto = {
  service: string;
  serviceName: string;
  /** Counted seconds attributed to the incident on this service, over the incident's span. */
  downtimeSeconds: number;
  sloTarget: number;
  /** The service's SLO window as of the incident's end (or now, while it is ongoing). */
  window: { label: string; from: string; to: string };
  budgetSeconds: number;
  windowSeconds: number;
  budgetShare: number;
};
