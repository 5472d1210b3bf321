import "server-only";
import { isServiceFailure } from "@/lib/dto/availability";
import type { ReviewDto } from "@/lib/dto/reviews";
import { formatDuration, formatPercent, formatZonedDateTime } from "@/lib/domain";
import { SERVICE_SLO_NAME } from "@/lib/domain/slo";
import { textCell, toCsv } from "./csv";

// Both exports are made from the same DTO the page and the JSON API show, so they can't disagree.

const cell = textCell;
const md = (s: string) => s.replace(/([\\`*_[\]|<>#])/g, "\\$1").replace(/\r?\n/g, " ");

/** One row per service: the week against target, the SLO window's budget, what the week spent. */
export function reviewCsv(r: ReviewDto): string {
  const header = ["week", "service", "name", "tier", "slo_target", "week_availability", "week_met_target", "week_downtime_seconds", "week_incidents", "slo_window", "slo_window_availability", "budget_remaining_ratio", "budget_remaining_seconds", "week_budget_spent_seconds", "week_budget_spent_share", "burn_rate_1h", "burn_rate_6h", "burn_rate_1d", "error", "week_measured_only_seconds", "week_incident_only_seconds", "slo"];
  const rows = r.services.map((s) => {
    const w = s.week;
    const slo = s.sloWindow;
    const failed = isServiceFailure(w) ? w.error.message : isServiceFailure(slo) ? slo.error.message : "";
    const week = isServiceFailure(w) ? null : w;
    const window = isServiceFailure(slo) ? null : slo;
    const n = (v: number | undefined | null) => (v === undefined || v === null ? "" : String(v));
    return [
      r.week, s.slug, cell(s.name), String(s.tier.rank), n(week?.slo.target ?? window?.slo.target), n(week?.availability), week && week.metTarget !== null ? (week.metTarget ? "yes" : "no") : "",
      n(week?.downtimeSeconds), n(week?.incidentCount), window?.window.label ?? "", n(window?.availability), n(window?.errorBudget?.remainingRatio), n(window?.errorBudget?.remainingSeconds),
      n(s.weekSpend?.seconds), n(s.weekSpend?.shareOfBudget), n(window?.errorBudget?.burnRates["1h"]), n(window?.errorBudget?.burnRates["6h"]), n(window?.errorBudget?.burnRates["1d"]), cell(failed), "", "", SERVICE_SLO_NAME,
    ];
  });
  // Each other SLO of a service on a row of its own: its SLI in the week and over its own window
  // (the columns in seconds are the incident record's and stay empty).
  const others = r.services.flatMap((s) =>
    s.slos.map((o) => {
      const n = (v: number | null) => (v === null ? "" : String(v));
      return [r.week, s.slug, cell(s.name), String(s.tier.rank), String(o.target), n(o.week.sli), o.week.metTarget === null ? "" : o.week.metTarget ? "yes" : "no", "", "", o.window, n(o.sloWindow.sli), n(o.sloWindow.remainingRatio), "", "", "", "", "", "", "", n(o.beside?.measuredOnlySeconds ?? null), n(o.beside?.incidentOnlySeconds ?? null), cell(o.name)];
    }),
  );
  return toCsv([header, ...rows, ...others]);
}

/** The review as Markdown, to paste into a wiki. */
export function reviewMarkdown(r: ReviewDto): string {
  const tz = r.timeZone;
  const at = (iso: string) => `${formatZonedDateTime(Date.parse(iso), tz)} ${tz}`;
  const h = r.headline;
  const lines: string[] = [
    `# Availability review ${r.week}${r.tier ? ` (tier ${r.tier})` : ""}`,
    "",
    `${at(r.window.from)} to ${at(r.window.to)} · ${r.state === "closed" ? `closed ${r.closedAt ? at(r.closedAt) : ""} by ${r.closedBy ?? "?"}; figures as of ${at(r.asOf)}` : `open; figures as of ${at(r.asOf)}`}`,
    "",
    `- Services that met their target this week: **${h.met}** of ${h.services}; missed: **${h.missed}**${h.failed ? `; could not compute: ${h.failed}` : ""}`,
    `- Budgets exhausted: **${h.budgetsExhausted}** · ongoing incidents: **${h.ongoingIncidents}**`,
  ];
  if (r.changes.length) lines.push("", "## Changed since the review", "", ...r.changes.map((c) => `- ${md(c.message)}`));
  if (h.topIncidents.length) {
    lines.push("", "## Incidents that cost the most budget", "", "| incident | downtime | share of a week's budget |", "|---|---|---|");
    for (const t of h.topIncidents) lines.push(`| ${t.reference ?? t.id} ${md(t.title ?? "")} | ${formatDuration(t.downtimeSeconds)} | ${formatPercent(t.budgetShare, 1)} |`);
  }
  lines.push("", "## Services", "", "| service | tier | week | target | met | budget left (SLO window) | spent this week | changes |", "|---|---|---|---|---|---|---|---|");
  for (const s of r.services) {
    const w = s.week;
    const slo = s.sloWindow;
    if (isServiceFailure(w) || isServiceFailure(slo)) {
      lines.push(`| ${s.slug} | ${s.tier.rank} | could not compute | | | | | ${s.changeCount} |`);
      continue;
    }
    if (w.availability === null || slo.errorBudget === null) {
      lines.push(`| ${s.slug} | ${s.tier.rank} | no data (not measured yet) | ${formatPercent(w.slo.target)} | | | | ${s.changeCount} |`);
      continue;
    }
    lines.push(`| ${s.slug} | ${s.tier.rank} | ${formatPercent(w.availability, 3)} | ${formatPercent(w.slo.target)} | ${w.metTarget ? "yes" : "**no**"} | ${formatPercent(slo.errorBudget.remainingRatio, 1)} | ${s.weekSpend ? formatPercent(s.weekSpend.shareOfBudget, 1) : "—"} | ${s.changeCount} |`);
  }
  const frozen = r.services.filter((s) => s.freezes.length > 0);
  if (frozen.length) {
    lines.push("", "## Error-budget freezes", "");
    for (const s of frozen) for (const f of s.freezes) lines.push(`- ${s.slug}: ${md(f.text)}${f.reason ? ` (${md(f.reason)})` : ""}`);
  }
  const others = r.services.flatMap((s) => s.slos.map((o) => ({ s, o })));
  if (others.length) {
    lines.push("", "## Other SLOs", "", "| service | SLO | week | target | met | budget left (its window) | seen bad, no incident | incident time seen good |", "|---|---|---|---|---|---|---|---|");
    const d = (s: number | undefined) => (s === undefined ? "—" : s === 0 ? "none" : formatDuration(s));
    for (const { s, o } of others) {
      lines.push(`| ${s.slug} | ${md(o.name)} | ${o.week.sli === null ? "no data" : formatPercent(o.week.sli, 3)} | ${formatPercent(o.target)} | ${o.week.metTarget === null ? "—" : o.week.metTarget ? "yes" : "**no**"} | ${o.sloWindow.remainingRatio === null ? "—" : formatPercent(o.sloWindow.remainingRatio, 1)} | ${d(o.beside?.measuredOnlySeconds)} | ${d(o.beside?.incidentOnlySeconds)} |`);
    }
  }
  if (r.incidents.length) {
    lines.push("", "## Incidents of the week", "", "| incident | severity | services | duration | TTD | TTR | postmortem |", "|---|---|---|---|---|---|---|");
    const d = (s: number | null) => (s === null ? "—" : formatDuration(s));
    for (const i of r.incidents) lines.push(`| ${i.reference} ${md(i.title)} | ${i.severity} | ${i.services.join(", ")} | ${i.resolvedAt === null ? "ongoing" : d(i.durationSeconds)} | ${d(i.ttdSeconds)} | ${d(i.ttrSeconds)} | ${i.postmortemWritten ? "written" : "**missing**"} |`);
  }
  if (r.postmortemsOverdue.length) {
    lines.push("", "## Required postmortems overdue", "");
    for (const p of r.postmortemsOverdue) lines.push(`- ${p.reference} ${md(p.title)} (${p.services.join(", ")}): due ${at(p.postmortemDueAt)}${p.postmortemReason ? ` — ${md(p.postmortemReason)}` : ""}`);
  }
  if (r.actionItems.length) {
    lines.push("", "## Action items due this week or overdue", "");
    for (const a of r.actionItems) lines.push(`- [${a.status === "done" ? "x" : " "}] ${md(a.title)} — ${md(a.owner || "no owner")}, due ${a.dueDate ?? "—"}${a.incident ? ` (${a.incident.reference})` : ""}`);
  }
  const risks = r.risks;
  if (risks.new.length + risks.changedLevel.length + risks.reviewOverdue.length + risks.unacceptable.length) {
    lines.push("", "## Risks", "");
    for (const x of risks.new) lines.push(`- New: ${x.reference} ${md(x.title)} (${x.level} ${x.score})`);
    for (const x of risks.changedLevel) lines.push(`- Level changed: ${x.reference} ${md(x.title)} (${x.from} → ${x.to})`);
    for (const x of risks.reviewOverdue) lines.push(`- Review overdue: ${x.reference} ${md(x.title)}`);
    for (const x of risks.unacceptable) lines.push(`- Unacceptable by the budget: ${x.reference} ${md(x.title)}${x.budgetShare === null ? "" : ` (${formatPercent(x.budgetShare, 1)} of its yearly budget)`}`);
  }
  lines.push("", "## Notes and decisions", "", r.notes.trim() || "_none_", "", `Attended: ${r.attendees.length ? r.attendees.map(md).join(", ") : "—"}`, "");
  return lines.join("\n");
}
