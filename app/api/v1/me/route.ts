import { apiRoute } from "@/lib/server/route";

export const GET = apiRoute("viewer", async ({ actor }) => ({
  kind: actor.kind,
  email: actor.email,
  name: actor.name,
  role: actor.role,
}));
