import "server-only";
import PDFDocument from "pdfkit";
import { isServiceFailure } from "@/lib/dto/availability";
import type { ReportDto } from "@/lib/dto/reports";
import { formatDuration, formatPercent, formatZonedDateTime } from "@/lib/domain";
import { SERVICE_SLO_NAME } from "@/lib/domain/slo";
import { incidentDowntime, scopeText, statusText } from "./report-export";

// The report as a PDF, made here without a browser (pdfkit), so that it can be attached to an
// email. The same DTO as every other format. Its fonts are PDF's standard ones (no font file to
// ship or find on the host): they cover Latin-1, so other characters are shown as "?".

const MARGIN = 48;
const INK = "#1f2937";
const MUTED = "#4b5563";
const RULE = "#d1d5db";

/** Text the standard fonts can draw (WinAnsi, roughly Latin-1 with typographic punctuation). */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
export function pdfText(s: string): string {
  return [...s].map((c) => (c.charCodeAt(0) <= 0xff && c.charCodeAt(0) >= 0x20 ? c : WIN_ANSI_EXTRA.has(c) ? c : c === "\n" ? " " : c === "→" ? "->" : "?")).join("");
}

type Column = { title: string; width: number; align?: "left" | "right" };
type Doc = InstanceType<typeof PDFDocument>;

/** A table that breaks across pages, repeating its header; each row as tall as its tallest cell. */
function table(doc: Doc, columns: Column[], rows: string[][]): void {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const scale = (doc.page.width - 2 * MARGIN) / total;
  const widths = columns.map((c) => c.width * scale);
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8);
    const texts = cells.map(pdfText);
    const height = Math.max(...texts.map((t, i) => doc.heightOfString(t || " ", { width: (widths[i] as number) - 4 }))) + 4;
    if (doc.y + height > doc.page.height - MARGIN) {
      doc.addPage();
      if (!bold) drawRow(columns.map((c) => c.title), true);
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8);
    }
    const y = doc.y;
    let x = MARGIN;
    texts.forEach((t, i) => {
      doc.fillColor(INK).text(t, x + 2, y + 2, { width: (widths[i] as number) - 4, align: columns[i]?.align ?? "left", lineBreak: true });
      x += widths[i] as number;
    });
    doc.moveTo(MARGIN, y + height).lineTo(doc.page.width - MARGIN, y + height).strokeColor(RULE).lineWidth(0.5).stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  drawRow(columns.map((c) => c.title), true);
  for (const r of rows) drawRow(r, false);
  doc.moveDown(0.5);
}

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
  doc.moveDown(0.6).font("Helvetica-Bold").fontSize(12).fillColor(INK).text(pdfText(text), MARGIN, doc.y);
  doc.moveDown(0.3);
}

function note(doc: Doc, text: string): void {
  doc.font("Helvetica").fontSize(9).fillColor(MUTED).text(pdfText(text), MARGIN, doc.y);
}

/** The report as PDF bytes. `compress: false` (tests) leaves the page content readable. */
export function reportPdf(r: ReportDto, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, compress: opts.compress ?? true, info: { Title: pdfText(`Availability report ${r.name}: ${scopeText(r)}`), Author: "Nines", Subject: r.period } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const day = (iso: string) => formatZonedDateTime(Date.parse(iso), r.timeZone);
  const dur = (s: number | null) => (s === null ? "-" : formatDuration(s));
  const h = r.headline;

  doc.font("Helvetica-Bold").fontSize(18).fillColor(INK).text(pdfText(`Availability report ${r.name}`));
  doc.font("Helvetica").fontSize(11).fillColor(INK).text(pdfText(scopeText(r)));
  note(doc, `${r.window.firstDay} to ${r.window.lastDay} (${r.timeZone}). ${statusText(r)}.`);
  doc.moveDown(0.5).font("Helvetica").fontSize(10).fillColor(INK);
  doc.text(pdfText(`Services that met their target: ${h.met} of ${h.services}; missed: ${h.missed}${h.failed ? `; could not compute: ${h.failed}` : ""}.`));
  doc.text(pdfText(`Incidents: ${h.incidents} · freezes: ${h.freezes} · risks realised: ${h.risksRealised} · action items closed: ${h.actionItemsClosed}.`));

  heading(doc, "Objectives");
  const objectives = r.services.flatMap((s) => {
    const p = s.period;
    const own = isServiceFailure(p)
      ? [s.name, SERVICE_SLO_NAME, "could not compute", "", "", ""]
      : [s.name, SERVICE_SLO_NAME, p.availability === null ? "no data" : formatPercent(p.availability, 3), formatPercent(p.slo.target), p.metTarget === null ? "-" : p.metTarget ? "yes" : "NO", s.spent ? `${formatPercent(s.spent.shareOfBudget, 1)} (${formatDuration(s.spent.seconds)})` : "-"];
    return [own, ...s.slos.map((o) => [s.name, o.name, o.sli === null ? "no data" : formatPercent(o.sli, 3), formatPercent(o.target), o.metTarget === null ? "-" : o.metTarget ? "yes" : "NO", o.spentShare === null ? "-" : formatPercent(o.spentShare, 1)])];
  });
  if (objectives.length === 0) note(doc, "No services in this scope.");
  else table(doc, [{ title: "Service", width: 3 }, { title: "SLO", width: 2 }, { title: "Achieved", width: 1.6, align: "right" }, { title: "Target", width: 1.4, align: "right" }, { title: "Met", width: 0.8 }, { title: "Budget spent", width: 2.2, align: "right" }], objectives);

  heading(doc, "Incidents");
  if (r.incidents.length === 0) note(doc, "No incidents in this period.");
  else
    table(
      doc,
      [{ title: "Incident", width: 3.4 }, { title: "Sev", width: 0.8 }, { title: "Services", width: 1.8 }, { title: "Started", width: 2 }, { title: "Downtime", width: 1.3, align: "right" }, { title: "Share of budget", width: 2 }, { title: "TTR", width: 1.2, align: "right" }],
      r.incidents.map((i) => [`${i.reference} ${i.title}`, i.severity, i.services.join(", "), day(i.startedAt), formatDuration(incidentDowntime(i)), i.costs.filter((c) => c.periodBudgetShare !== null).map((c) => `${c.service} ${formatPercent(c.periodBudgetShare as number, 1)}`).join(", ") || "-", i.resolvedAt === null ? "ongoing" : dur(i.ttrSeconds)]),
    );

  heading(doc, `Mean times per ${r.mttx.unit}`);
  table(
    doc,
    [{ title: r.mttx.unit === "week" ? "Week" : "Month", width: 2 }, { title: "Incidents", width: 1.2, align: "right" }, { title: "To detect", width: 1.6, align: "right" }, { title: "To acknowledge", width: 1.6, align: "right" }, { title: "To mitigate", width: 1.6, align: "right" }, { title: "To resolve", width: 1.6, align: "right" }],
    r.mttx.entries.map((e) => [e.label.replace(/^\w+:/, ""), String(e.incidentCount), dur(e.mttd.meanSeconds), dur(e.mtta.meanSeconds), dur(e.mttm.meanSeconds), dur(e.mttr.meanSeconds)]),
  );

  heading(doc, "Freezes");
  if (r.freezes.length === 0) note(doc, "No service was frozen in this period.");
  else table(doc, [{ title: "Service", width: 2 }, { title: "From", width: 2 }, { title: "To", width: 2 }, { title: "Why", width: 4 }], r.freezes.map((f) => [f.service.name, day(f.startedAt), f.endedAt ? day(f.endedAt) : "holding", `${f.reason}${f.liftedAt ? ` (lifted early by ${f.liftedBy ?? "?"}: ${f.liftReason ?? ""})` : ""}`]));

  heading(doc, "Risks realised");
  if (r.risksRealised.length === 0) note(doc, "No incident of the period is linked to a risk.");
  else table(doc, [{ title: "Risk", width: 4 }, { title: "Level", width: 1.5 }, { title: "Incidents", width: 3 }], r.risksRealised.map((x) => [`${x.reference} ${x.title}`, `${x.level} ${x.score}`, x.incidents.join(", ")]));

  heading(doc, "Action items closed");
  if (r.actionItemsClosed.length === 0) note(doc, "No action item was closed in this period.");
  else table(doc, [{ title: "Action item", width: 5 }, { title: "Owner", width: 2 }, { title: "Closed", width: 2 }, { title: "From", width: 1.4 }], r.actionItemsClosed.map((a) => [a.title, a.owner || "no owner", a.completedAt ? day(a.completedAt) : "-", a.incident?.reference ?? a.risk?.reference ?? ""]));

  doc.end();
  return done;
}
