// Requests about SLOs, and the SLI and budgeting they store (docs/decisions/0021-slo-entity.md).
import { z } from "zod";
import { AvailabilityQuery, FLEET_INCIDENTS_DEFAULT, FLEET_INCIDENTS_MAX } from "./availability";
import { BooleanFlag, MaintenanceRule, PlainString, QueryInt, SloTarget, SloWindow, Slug, Text, Version } from "./common";

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

const PromQl = PlainString("Must be a PromQL query").trim().min(1, { error: "Required: a PromQL query" }).max(5000, { error: "Must be at most 5000 characters" });

/**
 * A Prometheus server's answers: a `ratio` of good (or bad) over total events, as rate queries with
 * `$window` for their range, or a `threshold` query whose value each minute is compared with `op`
 * and `threshold`. `datasource` is its id or name.
 */
const PrometheusSliInput = z.strictObject({
  source: z.literal("prometheus"),
  datasource: PlainString("Must be a datasource's id or name").trim().min(1, { error: "Required: a datasource's id or name" }),
  kind: z.enum(["ratio", "threshold"], { error: "Must be ratio or threshold" }),
  good: PromQl.optional(),
  bad: PromQl.optional(),
  total: PromQl.optional(),
  query: PromQl.optional(),
  op: z.enum(["lt", "lte", "gt", "gte"], { error: "Must be lt, lte, gt or gte" }).optional(),
  threshold: z.number({ error: "Must be a number" }).refine(Number.isFinite, { error: "Must be a finite number" }).optional(),
});

export const SliInput = z
  .discriminatedUnion("source", [IncidentsSli, ProbeSli, PrometheusSliInput], { error: "Must be an SLI: source incidents, probe or prometheus" })
  .superRefine((sli, ctx) => {
    if (sli.source === "prometheus") {
      const need = (key: "good" | "bad" | "total" | "query" | "op" | "threshold", message: string) => sli[key] === undefined && ctx.addIssue({ code: "custom", path: [key], message });
      const none = (keys: ("good" | "bad" | "total" | "query" | "op" | "threshold")[], why: string) => keys.forEach((k) => sli[k] !== undefined && ctx.addIssue({ code: "custom", path: [k], message: why }));
      if (sli.kind === "ratio") {
        need("total", "A ratio names its total events' query");
        if ((sli.good === undefined) === (sli.bad === undefined)) ctx.addIssue({ code: "custom", path: ["good"], message: "A ratio has exactly one of good and bad" });
        none(["query", "op", "threshold"], "Only a threshold SLI has this");
      } else {
        need("query", "A threshold SLI names its query");
        need("op", "A threshold SLI names op: lt, lte, gt or gte");
        need("threshold", "A threshold SLI names the threshold its value is compared with");
        none(["good", "bad", "total"], "Only a ratio SLI has this");
      }
      return;
    }
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

/** Every SLO's figures at once: the window (default each SLO's own), optionally one service's only. */
export const SloFiguresQuery = AvailabilityQuery.extend({
  service: Slug.optional(),
  // An incident record SLO lists its largest incidents, as the all-services summary does.
  incidents: QueryInt(0, FLEET_INCIDENTS_MAX).default(FLEET_INCIDENTS_DEFAULT),
});
export type SloFiguresQuery = z.infer<typeof SloFiguresQuery>;

export const SloListQuery = z.strictObject({
  archived: BooleanFlag.optional(),
  cursor: PlainString().max(200).optional(),
  limit: QueryInt(1, 500).optional(),
});

// Stored as written by lib/server/slos.ts (lib/schemas/stored.ts versions them).
export const StoredSliV1 = z.union([
  IncidentsSli,
  z.strictObject({ source: z.literal("probe"), probe: z.string(), kind: z.enum(["success", "latency"]), thresholdMs: z.int().optional() }),
  z.strictObject({ source: z.literal("prometheus"), datasource: z.string(), kind: z.literal("ratio"), good: z.string().optional(), bad: z.string().optional(), total: z.string() }),
  z.strictObject({ source: z.literal("prometheus"), datasource: z.string(), kind: z.literal("threshold"), query: z.string(), op: z.enum(["lt", "lte", "gt", "gte"]), threshold: z.number() }),
]);
export const StoredBudgetingV1 = z.discriminatedUnion("method", [
  z.strictObject({ method: z.literal("occurrences") }),
  z.strictObject({ method: z.literal("time") }),
  z.strictObject({ method: z.literal("timeslices"), sliceSeconds: z.int().positive(), sliceTarget: z.number().gt(0).max(1) }),
]);
