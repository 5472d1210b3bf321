import { z } from "zod";
import { PlainString, QueryInt, Text, Version } from "./common";

export const Week = PlainString("Must be an ISO week such as 2026-W48")
  .trim()
  .regex(/^\d{4}-W\d{2}$/, { error: "Must be an ISO week such as 2026-W48" });

export const ReviewStart = z.strictObject({ week: Week });

/** The list of weeks, newest first, a page at a time: `cursor` is the last week of the page before. */
export const ReviewListQuery = z.strictObject({ cursor: Week.optional(), limit: QueryInt(1, 200).optional() });
export type ReviewListQuery = z.infer<typeof ReviewListQuery>;
export type ReviewStart = z.infer<typeof ReviewStart>;

export const ReviewUpdate = z.strictObject({
  /** Markdown: notes and decisions typed during the meeting. */
  notes: Text(100_000).optional(),
  attendees: z
    .array(PlainString("Must be a name").trim().min(1, { error: "Must not be empty" }).max(120, { error: "Must be at most 120 characters" }), { error: "Must be a list of names" })
    .max(100, { error: "At most 100 attendees" })
    .optional(),
  version: Version,
});
export type ReviewUpdate = z.infer<typeof ReviewUpdate>;

export const ReviewClose = z.strictObject({ version: Version.optional() });
export type ReviewClose = z.infer<typeof ReviewClose>;

export const ReviewQuery = z.strictObject({
  format: z.enum(["json", "markdown", "csv"], { error: "Must be json, markdown or csv" }).optional(),
  /** `trend`: each service's last 12 weeks too (a closed review always has them). */
  include: z.enum(["trend"], { error: "Must be trend" }).optional(),
  /** One tier's services, by rank. */
  tier: QueryInt(1, 99).optional(),
});
export type ReviewQuery = z.infer<typeof ReviewQuery>;
