import { ServiceInput, ServiceListQuery } from "@/lib/schemas/service";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { apiRoute, created } from "@/lib/server/route";
import { createService, listServices } from "@/lib/server/services";

export const GET = apiRoute("viewer", async ({ req }) => ({
  services: await listServices(parse(ServiceListQuery, searchParamsObject(req))),
}));

export const POST = apiRoute("editor", async ({ req, actor }) =>
  created(await createService(actor, parse(ServiceInput, await readJson(req)))),
);
