import { ServiceInput, ServiceListQuery } from "@/lib/schemas/service";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { servicesCsv } from "@/lib/server/incident-csv";
import { apiRoute, created } from "@/lib/server/route";
import { createService, listServices } from "@/lib/server/services";

/** Services; `?format=csv` as one file (effective and own SLO, tier, dependencies). */
export const GET = apiRoute("viewer", async ({ req }) => {
  const q = parse(ServiceListQuery, searchParamsObject(req));
  const services = await listServices(q);
  if (q.format !== "csv") return { services };
  return new Response(servicesCsv(services), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="nines-services.csv"' } });
});

export const POST = apiRoute("editor", async ({ req, actor }) =>
  created(await createService(actor, parse(ServiceInput, await readJson(req)))),
);
