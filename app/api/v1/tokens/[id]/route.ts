import { revokeApiToken } from "@/lib/server/api-tokens";
import { apiRoute } from "@/lib/server/route";

export const DELETE = apiRoute<{ id: string }>("admin", ({ params, actor }) => revokeApiToken(actor, params.id));
