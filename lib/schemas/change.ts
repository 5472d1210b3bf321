import { z } from "zod";
import { CHANGE_KINDS } from "@/lib/domain/changes";
import { HttpUrl, Instant, PlainString, QueryInt, Slug } from "./common";

// Request schemas of the changes API: what a pipeline posts after a deploy, a config change or a
// flag flip, and the list's filters.

const ChangeKind = z.enum(CHANGE_KINDS, { error: "Must be deploy, config or flag" });

/** `POST /api/v1/changes`: `at` defaults to now (the moment the pipeline posts). */
export const ChangeInput = z.strictObject({
  service: Slug,
  at: Instant.optional(),
  kind: ChangeKind,
  summary: PlainString("Required: say what changed")
    .trim()
    .min(1, { error: "Required: say what changed" })
    .max(500, { error: "Must be at most 500 characters" }),
  url: HttpUrl("https://ci.example.com/pipelines/1234", { credentials: "Must not carry a user name or password" }).nullable().optional(),
  release: PlainString().trim().min(1, { error: "Must not be empty (leave it out instead)" }).max(200, { error: "Must be at most 200 characters" }).nullable().optional(),
});
export type ChangeInput = z.infer<typeof ChangeInput>;

/** `GET /api/v1/changes`: newest first; `from`/`to` bound `at` (from included, to included). */
export const ChangeListQuery = z
  .strictObject({
    service: Slug.optional(),
    kind: ChangeKind.optional(),
    from: Instant.optional(),
    to: Instant.optional(),
    cursor: PlainString().max(64).optional(),
    limit: QueryInt(1, 200).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Must not be before from" });
  });
export type ChangeListQuery = z.infer<typeof ChangeListQuery>;
