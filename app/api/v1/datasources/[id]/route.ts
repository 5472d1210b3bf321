import { DatasourceUpdate } from "@/lib/schemas/datasource";
import { deleteDatasource, getDatasource, updateDatasource } from "@/lib/server/datasources";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";

type P = { id: string };

export const GET = apiRoute<P>("viewer", ({ params }) => getDatasource(params.id));

export const PATCH = apiRoute<P>("admin", async ({ req, params, actor }) => updateDatasource(actor, params.id, parse(DatasourceUpdate, await readJson(req))));

/** Refused (409) while an SLO reads from it. */
export const DELETE = apiRoute<P>("admin", ({ params, actor }) => deleteDatasource(actor, params.id));
