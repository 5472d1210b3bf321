// Requests about SLOs, and the SLI and budgeting they store (docs/decisions/0021-slo-entity.md).
import { z } from "zod";
import { BooleanFlag, MaintenanceRule, PlainString, QueryInt, SloTarget, SloWindow, Text, Version } from "./common";

/** An SLO's name: unique within its service, as it appears in URLs, `/metrics` and OpenSLO. */
export const SloName = z
  .string({ error: "Required" })
  .trim()
  .min(2, { error: "Must be at least 2 characters" })
  .max(63, { error: "Must be at most 63 characters" })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "Use lowercase letters, digits and single hyphens, e.g. checkout-success" });

/** The incident record: the engine's availability, to the second. */
const IncidentsSli = z.strictObject({ source: z.literal("incidents") });

/** A probe's runs: the share that succeeded, or that succeeded under a latency threshold. */
const ProbeSli = z.strictObject({
  source: z.literal("probe"),
  probe: PlainString("Must be a probe's id").trim().min(1, { error: "Required: the probe's id" }),
  kind: z.enum(["success", "latency"], { error: "Must be success or latency" }),
  thresholdMs: z.int({ error: "Must be a whole number of milliseconds" }).min(1, { error: "Must be at least 1 ms" }).max(600_000, { error: "Must be at most 600000 ms" }).optional(),
});

export const SliInput = z
  .discriminatedUnion("source", [IncidentsSli, ProbeSli], { error: "Must be an SLI: source incidents or probe" })
  .superRefine((sli, ctx) => {
    if (sli.source !== "probe") return;
    if (sli.kind === "latency" && sli.thresholdMs === undefined) ctx.addIssue({ code: "custom", path: ["thresholdMs"], message: "A latency SLI names its threshold in milliseconds" });
    if (sli.kind === "success" && sli.thresholdMs !== undefined) ctx.addIssue({ code: "custom", path: ["thresholdMs"], message: "Only a latency SLI has a threshold" });
  });
export type SliInput = z.infer<typeof SliInput>;

/** A slice's length as written ("1m", "5m", "1h") in whole minutes or hours, or seconds as a number. */
const SliceLength = z.union([
  z.int().min(60, { error: "A slice is at least 60 seconds" }).max(86_400, { error: "A slice is at most 86400 seconds (a day)" }),
  z.string().regex(/^([1-9]\d{0,3})(m|h)$/, { error: "Must be minutes or hours, e.g. 1m, 5m, 1h" }),
], { error: "Must be a slice length, e.g. 1m, or seconds" });

export const BudgetingInput = z.discriminatedUnion("method", [
  z.strictObject({ method: z.literal("occurrences") }),
  z.strictObject({
    method: z.literal("timeslices"),
    slice: SliceLength,
    sliceTarget: z.number({ error: "Must be a number above 0 and at most 1" }).gt(0, { error: "Must be above 0" }).max(1, { error: "Must be at most 1" }),
  }),
], { error: "Must be {\"method\": \"occurrences\"} or {\"method\": \"timeslices\", \"slice\": \"1m\", \"sliceTarget\": 0.95}" });
export type BudgetingInput = z.infer<typeof BudgetingInput>;

export const SloInput = z.strictObject({
  name: SloName,
  description: Text(2000).optional(),
  sli: SliInput,
  /** null or absent: the tier's default. */
  target: SloTarget.nullish(),
  window: SloWindow.nullish(),
  maintenance: MaintenanceRule.nullish(),
  /** Absent: occurrences for a probe; the incident record is always counted in time. */
  budgeting: BudgetingInput.optional(),
});
export type SloInput = z.infer<typeof SloInput>;

/** What can change: not its SLI (a different measure is a different SLO, with its own history). */
export const SloUpdate = SloInput.omit({ sli: true }).partial().extend({ version: Version, archived: z.boolean({ error: "Must be true or false" }).optional() });
export type SloUpdate = z.infer<typeof SloUpdate>;

export const SloListQuery = z.strictObject({
  archived: BooleanFlag.optional(),
  cursor: PlainString().max(200).optional(),
  limit: QueryInt(1, 500).optional(),
});

// Stored as written by lib/server/slos.ts (lib/schemas/stored.ts versions them).
export const StoredSliV1 = z.discriminatedUnion("source", [
  IncidentsSli,
  z.strictObject({ source: z.literal("probe"), probe: z.string(), kind: z.enum(["success", "latency"]), thresholdMs: z.int().optional() }),
]);
export const StoredBudgetingV1 = z.discriminatedUnion("method", [
  z.strictObject({ method: z.literal("occurrences") }),
  z.strictObject({ method: z.literal("time") }),
  z.strictObject({ method: z.literal("timeslices"), sliceSeconds: z.int().positive(), sliceTarget: z.number().gt(0).max(1) }),
]);
