import { z } from "zod";
import { fromOrgInputValue, toOrgInputValue } from "@/components/forms/org-datetime";
import { percentText } from "@/lib/domain/format";
import { parsePercentText } from "@/lib/domain/percent-input";
import type { RiskDto } from "@/lib/dto/risks";
import type { RiskAssessmentName } from "@/lib/domain/risk-matrix";

/** What the risk form edits: text as typed, turned into the API's body by toPayload. Also a stored draft's shape. */
export const RiskFormValues = z.strictObject({
  title: z.string(),
  service: z.string(),
  owner: z.string(),
  identifiedAt: z.string(),
  cause: z.string(),
  event: z.string(),
  consequence: z.string(),
  description: z.string(),
  inherentLikelihood: z.string(),
  inherentConsequence: z.string(),
  currentLikelihood: z.string(),
  currentConsequence: z.string(),
  targetLikelihood: z.string(),
  targetConsequence: z.string(),
  treatment: z.string(),
  acceptedBy: z.string(),
  acceptedUntil: z.string(),
  monitoringDetects: z.string(),
  mitigationPlan: z.string(),
  status: z.string(),
  ettdMinutes: z.string(),
  ettrMinutes: z.string(),
  ettfDays: z.string(),
  impactFraction: z.string(),
});
export type RiskFormValues = z.infer<typeof RiskFormValues>;

const num = (n: number | null) => (n === null ? "" : String(n));

export function initialRiskValues(risk: RiskDto | undefined, timeZone: string, service = ""): RiskFormValues {
  const a = (name: RiskAssessmentName, fallback: [string, string]) => (risk ? [risk[name].likelihood, String(risk[name].consequence)] : fallback);
  const [il, ic] = a("inherent", ["C", "3"]);
  const [cl, cc] = a("current", ["C", "3"]);
  const [tl, tc] = a("target", ["D", "3"]);
  return {
    title: risk?.title ?? "",
    service: risk ? (risk.service?.slug ?? "") : service,
    owner: risk?.owner ?? "",
    identifiedAt: risk ? toOrgInputValue(risk.identifiedAt, timeZone) : "",
    cause: risk?.cause ?? "",
    event: risk?.event ?? "",
    consequence: risk?.consequence ?? "",
    description: risk?.description ?? "",
    inherentLikelihood: il as string,
    inherentConsequence: ic as string,
    currentLikelihood: cl as string,
    currentConsequence: cc as string,
    targetLikelihood: tl as string,
    targetConsequence: tc as string,
    treatment: risk?.treatment ?? "mitigate",
    acceptedBy: risk?.acceptedBy ?? "",
    acceptedUntil: risk?.acceptedUntil ? toOrgInputValue(risk.acceptedUntil, timeZone) : "",
    monitoringDetects: risk?.monitoringDetects === null || risk === undefined ? "" : String(risk.monitoringDetects),
    mitigationPlan: risk?.mitigationPlan ?? "",
    status: risk?.status ?? "open",
    ettdMinutes: num(risk?.ettdMinutes ?? null),
    ettrMinutes: num(risk?.ettrMinutes ?? null),
    ettfDays: num(risk?.ettfDays ?? null),
    // Typed and shown in percent (2 = 2 % of users); the API keeps the ratio.
    impactFraction: risk?.impactFraction === null || risk === undefined ? "" : percentText(risk.impactFraction),
  };
}

/** Empty → null; anything else as a number (NaN for text, which the shared schema refuses by name). */
const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text.trim().replace(",", ".")));

export function toRiskPayload(v: RiskFormValues, timeZone: string) {
  const instant = (text: string) => (text ? (fromOrgInputValue(text, timeZone) ?? text) : null);
  return {
    title: v.title,
    service: v.service || null,
    owner: v.owner,
    ...(v.identifiedAt ? { identifiedAt: instant(v.identifiedAt) } : {}),
    cause: v.cause,
    event: v.event,
    consequence: v.consequence,
    description: v.description,
    inherent: { likelihood: v.inherentLikelihood, consequence: Number(v.inherentConsequence) },
    current: { likelihood: v.currentLikelihood, consequence: Number(v.currentConsequence) },
    target: { likelihood: v.targetLikelihood, consequence: Number(v.targetConsequence) },
    treatment: v.treatment,
    acceptedBy: v.acceptedBy.trim() ? v.acceptedBy : null,
    acceptedUntil: instant(v.acceptedUntil),
    monitoringDetects: v.monitoringDetects === "" ? null : v.monitoringDetects === "true",
    mitigationPlan: v.mitigationPlan,
    status: v.status,
    ettdMinutes: numberOrNull(v.ettdMinutes),
    ettrMinutes: numberOrNull(v.ettrMinutes),
    ettfDays: numberOrNull(v.ettfDays),
    impactFraction: parsePercentText(v.impactFraction),
  };
}
