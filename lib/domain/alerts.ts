/**
 * Alerts from a monitoring system (Alertmanager) as incidents: one alert is one (fingerprint,
 * startsAt); it is firing until an end is reported, and once resolved it stays resolved, so a
 * notification delivered twice or out of order changes nothing the second time. Pure.
 */
import type { Severity } from "./incident-lifecycle";

export const DEFAULT_SEVERITY_MAP: Readonly<Record<string, Severity>> = {
  critical: "SEV1",
  page: "SEV1",
  error: "SEV2",
  high: "SEV2",
  major: "SEV2",
  warning: "SEV3",
  warn: "SEV3",
  minor: "SEV3",
  info: "SEV4",
  low: "SEV4",
  none: "SEV5",
};

/** The most severe of the alerts' severity labels (SEV3 when none is known). */
export function severityOf(labels: readonly (string | undefined)[], map: Readonly<Record<string, Severity>> = DEFAULT_SEVERITY_MAP): Severity {
  const known = labels.map((l) => (l === undefined ? undefined : map[l.toLowerCase()])).filter((s): s is Severity => s !== undefined);
  return known.sort()[0] ?? "SEV3";
}

/**
 * An alert's end after a notification: a reported end is kept (the latest, if it moved); a firing
 * notification never clears an end already recorded for the same start (it arrived late).
 */
export function mergeAlertEnd(recorded: number | null | undefined, reported: number | null): { end: number | null; changed: "new" | "resolved" | null } {
  if (recorded === undefined) return { end: reported, changed: "new" };
  if (reported === null || (recorded !== null && reported <= recorded)) return { end: recorded, changed: null };
  return { end: reported, changed: recorded === null ? "resolved" : null };
}

export type AlertSpan = { service: string; start: number; end: number | null };

/**
 * The incident its alerts describe: each service hit from its first alert's start, ended when all
 * its alerts have ended (at the last end); the incident from the first start to the last end, or
 * ongoing while any alert fires.
 */
export function incidentOfAlerts(alerts: readonly AlertSpan[]): { startedAt: number; resolvedAt: number | null; impacts: { service: string; startedAt: number; endedAt: number | null }[] } | null {
  if (alerts.length === 0) return null;
  const services = [...new Set(alerts.map((a) => a.service))].sort();
  const spanOf = (list: readonly AlertSpan[]) => ({
    start: Math.min(...list.map((a) => a.start)),
    end: list.some((a) => a.end === null) ? null : Math.max(...list.map((a) => a.end as number)),
  });
  const whole = spanOf(alerts);
  return {
    startedAt: whole.start,
    resolvedAt: whole.end,
    impacts: services.map((service) => {
      const s = spanOf(alerts.filter((a) => a.service === service));
      return { service, startedAt: s.start, endedAt: s.end };
    }),
  };
}
