import "server-only";
import type { RiskDto } from "@/lib/dto/risks";
import type { RiskListQuery } from "@/lib/schemas/risk";
import { csvResponse, textCell } from "./csv";
import { listRisks } from "./risks-read";

// A risk title typed by one person must not run as a formula on another's machine (textCell).
const text = textCell;
const num = (n: number | null) => (n === null ? "" : String(n));
const bool = (b: boolean | null) => (b === null ? "" : b ? "yes" : "no");

const COLUMNS: [string, (r: RiskDto) => string][] = [
  ["reference", (r) => r.reference],
  ["title", (r) => text(r.title)],
  ["status", (r) => r.status],
  ["service", (r) => r.service?.slug ?? ""],
  ["owner", (r) => text(r.owner)],
  ["identified_at", (r) => r.identifiedAt],
  ...(["inherent", "current", "target"] as const).flatMap((a): [string, (r: RiskDto) => string][] => [
    [`${a}_likelihood`, (r) => r[a].likelihood],
    [`${a}_consequence`, (r) => String(r[a].consequence)],
    [`${a}_score`, (r) => String(r[a].score)],
    [`${a}_level`, (r) => r[a].level],
  ]),
  ["treatment", (r) => r.treatment],
  ["accepted_by", (r) => text(r.acceptedBy)],
  ["accepted_until", (r) => r.acceptedUntil ?? ""],
  ["monitoring_detects", (r) => bool(r.monitoringDetects)],
  ["last_reviewed_at", (r) => r.lastReviewedAt ?? ""],
  ["review_due_at", (r) => r.reviewDueAt ?? ""],
  ["review_overdue", (r) => bool(r.reviewOverdue)],
  ["ettd_minutes", (r) => num(r.ettdMinutes)],
  ["ettr_minutes", (r) => num(r.ettrMinutes)],
  ["ettf_days", (r) => num(r.ettfDays)],
  ["impact_fraction", (r) => num(r.impactFraction)],
  ["occurrences_per_year", (r) => num(r.quantitative.occurrencesPerYear)],
  ["bad_minutes_per_year", (r) => num(r.quantitative.badMinutesPerYear)],
  ["service_slo_target", (r) => num(r.service?.sloTarget ?? null)],
  ["yearly_budget_minutes", (r) => num(r.quantitative.yearlyBudgetMinutes)],
  ["budget_share", (r) => num(r.quantitative.budgetShare)],
  ["unacceptable", (r) => bool(r.quantitative.unacceptable)],
  ["rank_disagreement", (r) => text(r.rankDisagreement)],
  ["realised_by_incidents", (r) => String(r.incidentCount)],
  ["cause", (r) => text(r.cause)],
  ["event", (r) => text(r.event)],
  ["consequence", (r) => text(r.consequence)],
  ["description", (r) => text(r.description)],
  ["mitigation_plan", (r) => text(r.mitigationPlan)],
  ["version", (r) => String(r.version)],
];

const EXPORT_PAGE = 500;

async function* riskPages(q: RiskListQuery): AsyncGenerator<string[][]> {
  let cursor: string | undefined;
  do {
    const page = await listRisks({ ...q, ...(cursor ? { cursor } : {}) }, EXPORT_PAGE);
    yield page.risks.map((r) => COLUMNS.map(([, cell]) => cell(r)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** GET /api/v1/risks?format=csv: the register, one row per risk with every field and computed figure (full precision), in the list's order, streamed a page at a time. */
export function risksCsvResponse(q: Omit<RiskListQuery, "cursor" | "limit" | "format">): Promise<Response> {
  return csvResponse("nines-risks.csv", COLUMNS.map(([name]) => name), riskPages(q));
}
