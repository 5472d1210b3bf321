import { UserUpdate } from "@/lib/schemas/user";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute } from "@/lib/server/route";
import { updateUser } from "@/lib/server/users";

export const PATCH = apiRoute<{ id: string }>("admin", async ({ req, params, actor }) =>
  updateUser(actor, params.id, parse(UserUpdate, await readJson(req))),
);
