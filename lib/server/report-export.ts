import "server-only";
import { isServiceFailure } from "@/lib/dto/availability";
import type { ReportDto, ReportIncidentDto } from "@/lib/dto/reports";
import { formatDuration, formatPercent, formatZonedDateTime } from "@/lib/domain";
import { SERVICE_SLO_NAME } from "@/lib/domain/slo";
import { textCell, toCsv } from "./csv";

// Every export is made from the same DTO the page and the JSON API show (and a published report's
// DTO is its snapshot), so they cannot disagree. The PDF is in report-pdf.ts.

const md = (s: string) => s.replace(/([\\`*_[\]|<>#])/g, "\\$1").replace(/\r?\n/g, " ");
const n = (v: number | null | undefined) => (v === undefined || v === null ? "" : String(v));
const yesNo = (v: boolean | null) => (v === null ? "" : v ? "yes" : "no");
const dur = (s: number | null) => (s === null ? "—" : formatDuration(s));

/** The scope in words: "the whole organisation", "tier 1 (Critical)", "Checkout (checkout)". */
export function scopeText(r: ReportDto): string {
  if (r.scope.kind === "org") return `${r.scope.name} (whole organisation)`;
  return r.scope.kind === "tier" ? `tier ${r.scope.reference} (${r.scope.name})` : `${r.scope.name} (${r.scope.reference})`;
}

/** Who published it and the instant its figures are of, or that they are live and whether final. */
export function statusText(r: ReportDto): string {
  const at = (iso: string) => `${formatZonedDateTime(Date.parse(iso), r.timeZone)} ${r.timeZone}`;
  if (r.published) return `Published ${at(r.published.publishedAt)} by ${r.published.publishedBy}; figures as of ${at(r.published.snapshotAsOf)}`;
  return `Not published; figures as of ${at(r.asOf)}${r.complete ? "" : " (the period is still running: they will change)"}`;
}

/** The total of the incident's downtime on each service it hit, over its own span. */
export const incidentDowntime = (i: ReportIncidentDto) => i.costs.reduce((sum, c) => sum + c.downtimeSeconds, 0);

/**
 * One table: one row per figure, its `section` saying what it is (slo, incident, mttx, freeze,
 * risk, action_item), so one file holds the whole report and a spreadsheet can filter by section.
 */
export function reportCsv(r: ReportDto): string {
  const header = ["period", "scope", "section", "service", "reference", "name", "target", "achieved", "met_target", "budget", "spent", "spent_share", "started_at", "ended_at", "count", "mean_seconds", "detail"];
  const scope = r.scope.reference ?? "org";
  const row = (section: string, cells: Partial<Record<(typeof header)[number], string>>) => header.map((h) => (h === "period" ? r.period : h === "scope" ? scope : h === "section" ? section : (cells[h] ?? "")));
  const rows: string[][] = [];
  for (const s of r.services) {
    const p = s.period;
    if (isServiceFailure(p)) rows.push(row("slo", { service: s.slug, reference: SERVICE_SLO_NAME, name: textCell(s.name), detail: textCell(p.error.message) }));
    else rows.push(row("slo", { service: s.slug, reference: SERVICE_SLO_NAME, name: textCell(s.name), target: n(p.slo.target), achieved: n(p.availability), met_target: yesNo(p.metTarget), budget: n(p.errorBudget?.budgetSeconds), spent: n(p.errorBudget?.consumedSeconds), spent_share: n(s.spent?.shareOfBudget), count: n(p.incidentCount), detail: "seconds" }));
    for (const o of s.slos) rows.push(row("slo", { service: s.slug, reference: o.id, name: textCell(o.name), target: n(o.target), achieved: n(o.sli), met_target: yesNo(o.metTarget), budget: n(o.errorBudget?.allowed), spent: n(o.errorBudget?.consumed), spent_share: n(o.spentShare), detail: o.unit }));
  }
  for (const i of r.incidents) {
    const costs = i.costs.map((c) => `${c.service}: ${c.downtimeSeconds}s${c.periodBudgetShare === null ? "" : `, ${c.periodBudgetShare} of the period's budget`}`).join("; ");
    rows.push(row("incident", { service: i.services.join(" "), reference: i.reference, name: textCell(i.title), spent: n(incidentDowntime(i)), started_at: i.startedAt, ended_at: i.resolvedAt ?? "", detail: textCell(`${i.severity} ${i.kind}; ${costs}`) }));
  }
  for (const e of r.mttx.entries) {
    for (const m of ["mttd", "mtta", "mttm", "mttr"] as const) rows.push(row("mttx", { reference: e.label, name: m, started_at: e.from, ended_at: e.to, count: n(e[m].count), mean_seconds: n(e[m].meanSeconds), detail: `median ${n(e[m].medianSeconds)}; p90 ${n(e[m].p90Seconds)}; left out ${e[m].excluded}` }));
  }
  for (const f of r.freezes) rows.push(row("freeze", { service: f.service.slug, reference: f.id, name: textCell(f.reason), started_at: f.startedAt, ended_at: f.endedAt ?? "", detail: textCell(f.liftedAt ? `lifted ${f.liftedAt} by ${f.liftedBy ?? "?"}: ${f.liftReason ?? ""}` : f.recoversAt ? `recovers ${f.recoversAt}` : "") }));
  for (const x of r.risksRealised) rows.push(row("risk", { service: x.service ?? "", reference: x.reference, name: textCell(x.title), detail: `${x.level} ${x.score}; ${x.incidents.join(" ")}` }));
  for (const a of r.actionItemsClosed) rows.push(row("action_item", { reference: a.incident?.reference ?? a.risk?.reference ?? "", name: textCell(a.title), ended_at: a.completedAt ?? "", detail: textCell(a.owner) }));
  return toCsv([header, ...rows]);
}

/** The report as Markdown, to paste into a wiki or an email. */
export function reportMarkdown(r: ReportDto): string {
  const h = r.headline;
  const day = (iso: string) => `${formatZonedDateTime(Date.parse(iso), r.timeZone)}`;
  const lines: string[] = [
    `# Availability report ${r.name}: ${md(scopeText(r))}`,
    "",
    `${r.window.firstDay} to ${r.window.lastDay} (${r.timeZone}) · ${md(statusText(r))}`,
    "",
    `- Services that met their target: **${h.met}** of ${h.services}; missed: **${h.missed}**${h.failed ? `; could not compute: ${h.failed}` : ""}`,
    `- Incidents: **${h.incidents}** · freezes: **${h.freezes}** · risks realised: **${h.risksRealised}** · action items closed: **${h.actionItemsClosed}**`,
    "",
    "## Objectives",
    "",
    "| service | SLO | achieved | target | met | budget spent |",
    "|---|---|---|---|---|---|",
  ];
  for (const s of r.services) {
    const p = s.period;
    if (isServiceFailure(p)) lines.push(`| ${md(s.name)} | ${SERVICE_SLO_NAME} | could not compute | | | |`);
    else if (p.availability === null) lines.push(`| ${md(s.name)} | ${SERVICE_SLO_NAME} | no data (not measured yet) | ${formatPercent(p.slo.target)} | | |`);
    else lines.push(`| ${md(s.name)} | ${SERVICE_SLO_NAME} | ${formatPercent(p.availability, 3)} | ${formatPercent(p.slo.target)} | ${p.metTarget ? "yes" : "**no**"} | ${s.spent ? `${formatPercent(s.spent.shareOfBudget, 1)} (${formatDuration(s.spent.seconds)})` : "—"} |`);
    for (const o of s.slos) lines.push(`| ${md(s.name)} | ${md(o.name)} | ${o.sli === null ? "no data" : formatPercent(o.sli, 3)} | ${formatPercent(o.target)} | ${o.metTarget === null ? "—" : o.metTarget ? "yes" : "**no**"} | ${o.spentShare === null ? "—" : formatPercent(o.spentShare, 1)} |`);
  }
  if (r.services.length === 0) lines.push("| no services in this scope | | | | | |");
  lines.push("", "## Incidents", "");
  if (r.incidents.length === 0) lines.push("_No incidents in this period._");
  else {
    lines.push("| incident | severity | services | started | downtime | share of the period's budget | TTD | TTR | postmortem |", "|---|---|---|---|---|---|---|---|---|");
    for (const i of r.incidents) {
      const shares = i.costs.filter((c) => c.periodBudgetShare !== null).map((c) => `${c.service} ${formatPercent(c.periodBudgetShare as number, 1)}`).join(", ");
      lines.push(`| ${i.reference} ${md(i.title)} | ${i.severity} | ${i.services.join(", ")} | ${day(i.startedAt)} | ${formatDuration(incidentDowntime(i))} | ${shares || "—"} | ${dur(i.ttdSeconds)} | ${i.resolvedAt === null ? "ongoing" : dur(i.ttrSeconds)} | ${i.postmortemWritten ? "written" : "**missing**"} |`);
    }
  }
  lines.push("", `## Mean times per ${r.mttx.unit}`, "", `| ${r.mttx.unit} | incidents | to detect | to acknowledge | to mitigate | to resolve |`, "|---|---|---|---|---|---|");
  for (const e of r.mttx.entries) lines.push(`| ${e.label.replace(/^\w+:/, "")} | ${e.incidentCount} | ${dur(e.mttd.meanSeconds)} | ${dur(e.mtta.meanSeconds)} | ${dur(e.mttm.meanSeconds)} | ${dur(e.mttr.meanSeconds)} |`);
  lines.push("", "## Freezes", "");
  if (r.freezes.length === 0) lines.push("_No service was frozen in this period._");
  for (const f of r.freezes) lines.push(`- ${md(f.service.name)}: frozen ${day(f.startedAt)} to ${f.endedAt ? day(f.endedAt) : "—"}: ${md(f.reason)}${f.liftedAt ? ` (lifted early by ${md(f.liftedBy ?? "?")}: ${md(f.liftReason ?? "")})` : ""}`);
  lines.push("", "## Risks realised", "");
  if (r.risksRealised.length === 0) lines.push("_No incident of the period is linked to a risk._");
  for (const x of r.risksRealised) lines.push(`- ${x.reference} ${md(x.title)} (${x.level} ${x.score}), by ${x.incidents.join(", ")}`);
  lines.push("", "## Action items closed", "");
  if (r.actionItemsClosed.length === 0) lines.push("_No action item was closed in this period._");
  for (const a of r.actionItemsClosed) lines.push(`- [x] ${md(a.title)} — ${md(a.owner || "no owner")}${a.completedAt ? `, closed ${day(a.completedAt)}` : ""}${a.incident ? ` (${a.incident.reference})` : ""}`);
  lines.push("");
  return lines.join("\n");
}
