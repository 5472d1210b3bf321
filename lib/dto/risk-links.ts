// Response of PUT/DELETE /api/v1/risks/{id}/incidents/{incidentId}.
export type RiskIncidentLinkDto = { risk: { id: string; reference: string }; incident: { id: string; reference: string }; linked: boolean };
