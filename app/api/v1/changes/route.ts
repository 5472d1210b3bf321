import { ChangeInput, ChangeListQuery } from "@/lib/schemas/change";
import { createChange, listChanges } from "@/lib/server/changes";
import { parse, readJson, searchParamsObject } from "@/lib/server/http";
import { apiRoute, created } from "@/lib/server/route";

export const GET = apiRoute("viewer", ({ req }) => listChanges(parse(ChangeListQuery, searchParamsObject(req))));

export const POST = apiRoute("editor", async ({ req, actor }) => created(await createChange(actor, parse(ChangeInput, await readJson(req)))));
