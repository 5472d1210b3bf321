import { z } from "zod";
import { CONSEQUENCES, LIKELIHOODS, RISK_ASSESSMENTS, RISK_LEVELS } from "@/lib/domain/risk-matrix";
import { MAX_CADENCE_DAYS } from "@/lib/domain/risk-review";
import { RISK_STATUSES, RISK_TREATMENTS, riskIssues } from "@/lib/domain/risk-rules";
import { BooleanFlag, CommaList, Instant, Name, PlainString, QueryInt, Slug, Text, Version } from "./common";

export const Likelihood = z.enum(LIKELIHOODS, { error: "Must be A (almost certain), B, C, D or E (rare)" });
export const Consequence = z
  .number({ error: "Must be a whole number from 1 (insignificant) to 5 (catastrophic)" })
  .int({ error: "Must be a whole number from 1 to 5" })
  .min(1, { error: "Must be from 1 to 5" })
  .max(5, { error: "Must be from 1 to 5" })
  .transform((n) => n as (typeof CONSEQUENCES)[number]);

export const RiskAssessment = z.strictObject(
  { likelihood: Likelihood, consequence: Consequence },
  { error: 'Must be {"likelihood": "A".."E", "consequence": 1..5}' },
);
export type RiskAssessment = z.infer<typeof RiskAssessment>;

export const RiskTreatment = z.enum(RISK_TREATMENTS, { error: "Must be mitigate, accept, avoid or transfer" });
export const RiskStatus = z.enum(RISK_STATUSES, { error: "Must be open or closed" });

const Minutes = z.number({ error: "Must be a number of minutes" }).min(0, { error: "Must not be negative" }).max(5_256_000, { error: "Must be at most 5256000 (ten years)" });
const ImpactFraction = z
  .number({ error: "Must be a number in (0, 1], e.g. 0.02 for 2 % of users" })
  .gt(0, { error: "Must be above 0" })
  .max(1, { error: "Must be at most 1 (everyone)" });
const EttfDays = z.number({ error: "Must be a number of days" }).gt(0, { error: "Must be above 0 days" }).max(36_525, { error: "Must be at most 36525 (a century)" });

const fields = {
  title: Name,
  description: Text(10_000).optional(),
  cause: Text(5_000).optional(),
  event: Text(5_000).optional(),
  consequence: Text(5_000).optional(),
  /** A service slug, or null for a cross-cutting risk. */
  service: Slug.nullish(),
  owner: Text(120).optional(),
  identifiedAt: Instant.optional(),
  inherent: RiskAssessment,
  current: RiskAssessment,
  target: RiskAssessment,
  treatment: RiskTreatment.optional(),
  acceptedBy: Text(120).nullish(),
  acceptedUntil: Instant.nullish(),
  monitoringDetects: z.boolean({ error: "Must be true or false" }).nullish(),
  mitigationPlan: Text(10_000).optional(),
  status: RiskStatus.optional(),
  ettdMinutes: Minutes.nullish(),
  ettrMinutes: Minutes.nullish(),
  ettfDays: EttfDays.nullish(),
  impactFraction: ImpactFraction.nullish(),
};

export const RiskInput = z.strictObject(fields).superRefine((risk, ctx) => {
  for (const issue of riskIssues({ ...risk, treatment: risk.treatment ?? "mitigate", acceptedBy: risk.acceptedBy ?? null, acceptedUntil: risk.acceptedUntil ?? null })) {
    ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  }
});
export type RiskInput = z.infer<typeof RiskInput>;

/** PATCH: any subset plus the version read; the whole-risk rules are checked on the merged result. */
export const RiskUpdate = z.strictObject({
  ...fields,
  title: Name.optional(),
  inherent: RiskAssessment.optional(),
  current: RiskAssessment.optional(),
  target: RiskAssessment.optional(),
  version: Version,
});
export type RiskUpdate = z.infer<typeof RiskUpdate>;

export const RiskReviewInput = z.strictObject({
  note: Text(5_000).optional(),
  version: Version.optional(),
});
export type RiskReviewInput = z.infer<typeof RiskReviewInput>;

export const RiskAssessmentName = z.enum(RISK_ASSESSMENTS, { error: "Must be inherent, current or target" });

export const RISK_SORTS = ["score", "badMinutes", "reviewDue", "newest"] as const;

export const RiskListQuery = z.strictObject({
  /** A slug, or "none" for the cross-cutting risks. */
  service: z.union([z.literal("none"), Slug]).optional(),
  assessment: RiskAssessmentName.optional(),
  level: CommaList(RISK_LEVELS, "LOW, MEDIUM, HIGH or CRITICAL, comma-separated").optional(),
  /** One heat-map cell in the chosen assessment: likelihood then consequence, e.g. B4. */
  cell: PlainString().trim().regex(/^[A-Ea-e][1-5]$/, { error: "Must be a cell such as B4 (likelihood A–E, consequence 1–5)" }).optional(),
  treatment: CommaList(RISK_TREATMENTS, "mitigate, accept, avoid or transfer, comma-separated").optional(),
  status: RiskStatus.optional(),
  overdue: BooleanFlag.optional(),
  owner: PlainString().trim().max(120).optional(),
  q: PlainString().trim().max(120).optional(),
  sort: z.enum(RISK_SORTS, { error: "Must be score, badMinutes, reviewDue or newest" }).optional(),
  format: z.enum(["json", "csv"], { error: "Must be json or csv" }).optional(),
  cursor: PlainString().max(64).optional(),
  limit: QueryInt(1, 500).optional(),
});
export type RiskListQuery = z.infer<typeof RiskListQuery>;

export const RiskCadenceUpdate = z.strictObject(
  Object.fromEntries(
    RISK_LEVELS.map((l) => [
      l,
      z
        .number({ error: "Must be a number of days" })
        .int({ error: "Must be whole days" })
        .min(1, { error: "Must be at least 1 day" })
        .max(MAX_CADENCE_DAYS, { error: `Must be at most ${MAX_CADENCE_DAYS} days` }),
    ]),
  ) as Record<(typeof RISK_LEVELS)[number], z.ZodNumber>,
);
