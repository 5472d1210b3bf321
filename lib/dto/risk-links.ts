// Response of PUT/DELETE /api/v1/risks/{id}/incidents/{incidentId}.
import { z } from "zod";

const Ref = z.strictObject({ id: z.string(), reference: z.string() });
export const RiskIncidentLinkDto = z.strictObject({ risk: Ref, incident: Ref, linked: z.boolean() });
export type RiskIncidentLinkDto = z.infer<typeof RiskIncidentLinkDto>;
