import { UserInput } from "@/lib/schemas/user";
import { parse, readJson } from "@/lib/server/http";
import { apiRoute, created } from "@/lib/server/route";
import { createUser, listUsers } from "@/lib/server/users";

export const GET = apiRoute("admin", async () => ({ users: await listUsers() }));

export const POST = apiRoute("admin", async ({ req, actor }) =>
  created(await createUser(actor, parse(UserInput, await readJson(req)))),
);
