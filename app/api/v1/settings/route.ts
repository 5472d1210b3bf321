import { SettingsUpdate } from "@/lib/schemas/settings";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";
import { getSettings, updateSettings } from "@/lib/server/settings";

export const GET = apiRoute("viewer", () => getSettings());

export const PATCH = apiRoute("admin", async ({ req, actor }) =>
  updateSettings(actor, parse(SettingsUpdate, await readJson(req))),
);
