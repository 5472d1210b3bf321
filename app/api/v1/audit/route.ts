import { AuditQuery } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/lib/server/audit";
import { parse, searchParamsObject } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";

export const GET = apiRoute("admin", async ({ req }) => listAuditEvents(parse(AuditQuery, searchParamsObject(req))));
