import { ServiceUpdate } from "@/lib/schemas/service";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";
import { archiveService, getService, updateService } from "@/lib/server/services";

type P = { slug: string };

export const GET = apiRoute<P>("viewer", ({ params }) => getService(params.slug));

export const PATCH = apiRoute<P>("editor", async ({ req, params, actor }) =>
  updateService(actor, params.slug, parse(ServiceUpdate, await readJson(req))),
);

export const DELETE = apiRoute<P>("editor", ({ params, actor }) => archiveService(actor, params.slug));
