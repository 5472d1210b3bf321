import { z } from "zod";
import { Name, RoleName } from "./common";

export const ApiTokenInput = z.strictObject({
  name: Name,
  role: RoleName,
  expiresInDays: z
    .number({ error: "Must be a number of days" })
    .int({ error: "Must be a whole number" })
    .min(1, { error: "Must be at least 1" })
    .max(3650, { error: "Must be at most 3650" })
    .nullish(),
});
export type ApiTokenInput = z.infer<typeof ApiTokenInput>;
