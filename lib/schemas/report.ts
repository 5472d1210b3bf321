import { z } from "zod";
import { Slug, TierFilter } from "./common";

/** Which part of the organisation a report covers: the whole (neither), a tier (by rank or id) or a service (by slug). */
export const ReportScopeQuery = z
  .strictObject({
    tier: TierFilter.optional(),
    service: Slug.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.tier !== undefined && q.service !== undefined) ctx.addIssue({ code: "custom", path: ["service"], message: "Give a tier or a service, not both" });
  });
export type ReportScopeQuery = z.infer<typeof ReportScopeQuery>;

export const REPORT_FORMATS = ["json", "markdown", "csv", "pdf"] as const;

export const ReportQuery = z
  .strictObject({
    tier: TierFilter.optional(),
    service: Slug.optional(),
    format: z.enum(REPORT_FORMATS, { error: "Must be json, markdown, csv or pdf" }).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.tier !== undefined && q.service !== undefined) ctx.addIssue({ code: "custom", path: ["service"], message: "Give a tier or a service, not both" });
  });
export type ReportQuery = z.infer<typeof ReportQuery>;
