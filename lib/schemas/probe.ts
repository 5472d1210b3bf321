import { z } from "zod";
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS, parseStatusRange, PROBE_METHODS } from "@/lib/domain/probes";
import { HttpUrl, PlainString, QueryInt, Version } from "./common";

const ProbeUrl = HttpUrl("https://checkout.example.com/health", { credentials: "Must not carry a user name or password" });

const fields = {
  url: ProbeUrl,
  method: z.enum(PROBE_METHODS, { error: "Must be GET or HEAD" }).optional(),
  intervalSeconds: z
    .number({ error: "Must be a number of seconds" })
    .int({ error: "Must be whole seconds" })
    .min(MIN_INTERVAL_SECONDS, { error: `Must be at least ${MIN_INTERVAL_SECONDS} seconds` })
    .max(MAX_INTERVAL_SECONDS, { error: `Must be at most ${MAX_INTERVAL_SECONDS} seconds (a day)` }),
  timeoutSeconds: z.number({ error: "Must be a number of seconds" }).int({ error: "Must be whole seconds" }).min(1, { error: "Must be at least 1 second" }).max(60, { error: "Must be at most 60 seconds" }).optional(),
  expectedStatus: PlainString()
    .trim()
    .refine((s) => parseStatusRange(s) !== null, { error: "Must be a status or a range of them, e.g. 200-299" })
    .optional(),
  expectText: PlainString().max(200, { error: "Must be at most 200 characters" }).nullish(),
  failuresToOpen: z.number({ error: "Must be a number" }).int({ error: "Must be a whole number" }).min(1, { error: "Must be at least 1" }).max(100, { error: "Must be at most 100" }).optional(),
  enabled: z.boolean({ error: "Must be true or false" }).optional(),
  /** Admin only: the URL may reach link-local and cloud-metadata addresses. */
  allowPrivate: z.boolean({ error: "Must be true or false" }).optional(),
};

const timeoutWithinInterval = (p: { intervalSeconds?: number; timeoutSeconds?: number }, ctx: z.RefinementCtx) => {
  if (p.intervalSeconds !== undefined && p.timeoutSeconds !== undefined && p.timeoutSeconds > p.intervalSeconds) ctx.addIssue({ code: "custom", path: ["timeoutSeconds"], message: "Must not be longer than the interval" });
};

export const ProbeInput = z.strictObject(fields).superRefine(timeoutWithinInterval);
export type ProbeInput = z.infer<typeof ProbeInput>;

export const ProbeUpdate = z.strictObject({ ...fields, url: ProbeUrl.optional(), intervalSeconds: fields.intervalSeconds.optional(), version: Version }).superRefine(timeoutWithinInterval);
export type ProbeUpdate = z.infer<typeof ProbeUpdate>;

export const ProbeRunsQuery = z.strictObject({ limit: QueryInt(1, 1000).optional(), cursor: PlainString().max(30).regex(/^\d+$/, { error: "Not a cursor this API returned" }).optional() });
export type ProbeRunsQuery = z.infer<typeof ProbeRunsQuery>;
