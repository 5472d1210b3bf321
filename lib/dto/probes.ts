// Response types of the probes API, shared by the server, the client hooks and components.

export type ProbeDto = {
  id: string;
  service: { slug: string; name: string };
  url: string;
  method: "GET" | "HEAD";
  intervalSeconds: number;
  timeoutSeconds: number;
  expectedStatus: string;
  expectText: string | null;
  failuresToOpen: number;
  enabled: boolean;
  allowPrivate: boolean;
  /** up / down by its last run; unknown when it has not run within its interval (or is disabled). */
  state: "up" | "down" | "unknown";
  lastRun: { at: string; ok: boolean; status: number | null; latencyMs: number; error: string | null } | null;
  consecutiveFailures: number;
  openIncident: { id: string; reference: string } | null;
  nextRunAt: string;
  /** What the probe saw over the last 24 hours: time nobody watched is unknown, not down. Null where not read (the service page's summary). */
  last24h: { upSeconds: number; downSeconds: number; unknownSeconds: number; uptime: number | null } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** `lagMs`: how late the run started after it was due (the scheduler's lag). */
export type ProbeRunDto = { id: string; at: string; scheduledAt: string; lagMs: number; ok: boolean; status: number | null; latencyMs: number; textMatched: boolean | null; error: string | null };

export type ReconcileDto = {
  service: string;
  window: { label: string; from: string; to: string };
  probes: number;
  /** What the probes saw (all of the service's probes: down when any was down). */
  probe: { upSeconds: number; downSeconds: number; unknownSeconds: number };
  /** What the incident record says: the engine's downtime of unplanned incidents in the window. */
  incidentDowntimeSeconds: number;
  disagreements: { from: string; to: string; seconds: number; kind: "probe_only" | "incident_only" }[];
};
