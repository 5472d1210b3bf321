import { z } from "zod";
import { HttpUrl, Name, PlainString, Version } from "./common";

const DatasourceUrl = HttpUrl("http://prometheus.internal:9090", {
  credentials: "Give credentials as bearerToken or basicAuth, not in the URL",
  extra: (url, ctx) => {
    if (url.search || url.hash) ctx.addIssue({ code: "custom", message: "Must be the server's base URL, without a query or fragment" });
  },
});

const DatasourceName = Name.max(80, { error: "Must be at most 80 characters" });
const Secret = PlainString("Must be text").min(1, { error: "Required" }).max(4000, { error: "Must be at most 4000 characters" });
const BasicAuth = z.strictObject({ username: PlainString().trim().min(1, { error: "Required" }).max(200, { error: "Must be at most 200 characters" }), password: Secret });

/** A Prometheus server: at most one of bearerToken and basicAuth; both are stored sealed and never shown again. */
export const DatasourceInput = z
  .strictObject({
    name: DatasourceName,
    type: z.literal("prometheus", { error: "Must be prometheus" }),
    url: DatasourceUrl,
    bearerToken: Secret.optional(),
    basicAuth: BasicAuth.optional(),
  })
  .refine((d) => !(d.bearerToken && d.basicAuth), { path: ["basicAuth"], message: "Give a bearer token or basic auth, not both" });
export type DatasourceInput = z.infer<typeof DatasourceInput>;

/** `bearerToken` / `basicAuth` replace the stored credentials; null removes them; absent keeps them. */
export const DatasourceUpdate = z
  .strictObject({
    name: DatasourceName.optional(),
    url: DatasourceUrl.optional(),
    bearerToken: Secret.nullable().optional(),
    basicAuth: BasicAuth.nullable().optional(),
    version: Version,
  })
  .refine((d) => !(d.bearerToken && d.basicAuth), { path: ["basicAuth"], message: "Give a bearer token or basic auth, not both" });
export type DatasourceUpdate = z.infer<typeof DatasourceUpdate>;
