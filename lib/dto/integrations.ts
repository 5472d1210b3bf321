// Response of GET/PATCH /api/v1/integrations: settings without their secrets.
export type IntegrationsDto = {
  alertmanager: { serviceLabel: string; severityLabel: string; severityMap: Record<string, string> };
  pagerduty: { secretConfigured: boolean; services: Record<string, string> };
  version: number;
};
