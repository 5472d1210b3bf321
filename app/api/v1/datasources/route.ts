import { DatasourceInput } from "@/lib/schemas/datasource";
import { createDatasource, listDatasources } from "@/lib/server/datasources";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute, created } from "@/lib/server/route";

/** Every registered Prometheus server: names, URLs and state (never a credential). */
export const GET = apiRoute("viewer", async () => ({ datasources: await listDatasources() }));

/** Registers one (admin); it is asked once at once, and its state says whether it answered. */
export const POST = apiRoute("admin", async ({ req, actor }) => created(await createDatasource(actor, parse(DatasourceInput, await readJson(req)))));
