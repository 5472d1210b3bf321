import { describe, expect, it } from "vitest";
import { emailContent, notificationMessage, slackBody, webhookBody } from "./notification-message";
import { formatDuration, formatPercent } from "./format";
import { reportLinks, type ReportEvent, type ReportFacts, type ReportServiceFacts } from "./report-message";

const service = (slug: string, over: Partial<ReportServiceFacts> = {}): ReportServiceFacts => ({ slug, name: `Service ${slug}`, failed: false, availability: 0.9995, target: 0.999, metTarget: true, spentShare: 0.5, spentSeconds: 1339.2, ...over });

const facts = (over: Partial<ReportFacts> = {}): ReportFacts => ({
  period: "month:2025-03",
  kind: "month",
  name: "March 2025",
  scope: { kind: "tier", id: "tier-id", reference: "1", name: "Critical", text: "tier 1 (Critical)", query: "tier=tier-id" },
  window: { from: "2025-03-01T00:00:00.000Z", to: "2025-04-01T00:00:00.000Z", firstDay: "2025-03-01", lastDay: "2025-03-31" },
  timeZone: "UTC",
  asOf: "2025-04-01T00:01:00.000Z",
  complete: true,
  status: "Not published; figures as of 2025-04-01 00:01 UTC",
  published: null,
  headline: { services: 3, met: 1, missed: 1, failed: 1, incidents: 2, freezes: 1, risksRealised: 0, actionItemsClosed: 4 },
  services: [service("calm", { spentShare: 0.1, spentSeconds: 267.84 }), service("hot", { availability: 0.998, metTarget: false, spentShare: 1.613, spentSeconds: 4320 }), service("lost", { failed: true, availability: null, target: null, metTarget: null, spentShare: null, spentSeconds: null })],
  incidents: [
    { reference: "INC-1", title: "Checkout timeouts", severity: "SEV2", downtimeSeconds: 2520 },
    { reference: "INC-2", title: "Slow search", severity: "SEV3", downtimeSeconds: 3600 },
  ],
  ...over,
});

const event = (over: Partial<ReportFacts> = {}, base64: string | null = "JVBERi0="): ReportEvent => ({ type: "report.month", at: "2025-04-01T00:01:00.000Z", report: facts(over), pdf: { fileName: "nines-report-month-2025-03-1.pdf", bytes: base64 === null ? 3_500_000 : 5, base64 } });

describe("a period report's message", () => {
  it("states the headline, the budget spent most first, and the longest incidents, in the report's own figures", () => {
    const m = notificationMessage(event(), "internal", "https://nines.example", true);
    expect(m?.title).toBe("Monthly report March 2025: tier 1 (Critical)");
    const text = m?.text ?? "";
    expect(text).toContain("March 2025 (2025-03-01 to 2025-03-31, UTC) for tier 1 (Critical). Not published; figures as of 2025-04-01 00:01 UTC.");
    expect(text).toContain("Services that met their target: 1 of 3; missed: 1; could not compute: 1.");
    expect(text).toContain("Incidents: 2 · freezes: 1 · risks realised: 0 · action items closed: 4.");
    const lines = text.split("\n");
    const hot = lines.findIndex((l) => l.startsWith("- Service hot"));
    expect(hot).toBeLessThan(lines.findIndex((l) => l.startsWith("- Service calm")));
    expect(lines[hot]).toBe(`- Service hot: ${formatPercent(1.613, 1)} of its budget spent (${formatDuration(4320)}); ${formatPercent(0.998, 3)} against ${formatPercent(0.999)}: missed`);
    expect(text).toContain("- Service lost: its figures could not be computed");
    expect(text.indexOf("INC-2 Slow search")).toBeLessThan(text.indexOf("INC-1 Checkout timeouts"));
    expect(m?.link).toBe("https://nines.example/reports/month:2025-03?tier=tier-id");
    expect(m?.facts).toEqual([]); // the summary says it all
  });

  it("carries the PDF for email only, and says so in the email", () => {
    const mail = notificationMessage(event(), "internal", "https://n", true);
    expect(mail?.attachments).toEqual([{ fileName: "nines-report-month-2025-03-1.pdf", contentType: "application/pdf", base64: "JVBERi0=" }]);
    expect(emailContent(mail!, "k").text).toContain("Attached: nines-report-month-2025-03-1.pdf");
    const hook = notificationMessage(event(), "internal", "https://n", false);
    expect(hook?.attachments).toEqual([]);
    expect(webhookBody(hook!, "k")).not.toContain("JVBERi0=");
  });

  it("says where to download a PDF too large to attach", () => {
    const mail = notificationMessage(event({}, null), "internal", "https://n", true);
    expect(mail?.attachments).toEqual([]);
    expect(mail?.text).toContain("The PDF (3.5 MB) is too large to attach: download it from the report's page.");
  });

  it("gives webhooks the figures and the links to the page and every format", () => {
    const body = JSON.parse(webhookBody(notificationMessage(event(), "internal", "https://n", false)!, "key-1"));
    expect(body).toMatchObject({ id: "key-1", event: "report.month", audience: "internal", reference: "month:2025-03" });
    expect(body.data.report).toMatchObject({ period: "month:2025-03", scope: { kind: "tier", id: "tier-id", reference: "1", name: "Critical" }, headline: { met: 1, missed: 1 }, complete: true, published: null });
    expect(body.data.report.services[0]).toEqual({ slug: "hot", name: "Service hot", availability: 0.998, target: 0.999, metTarget: false, budgetSpentShare: 1.613, budgetSpentSeconds: 4320, failed: false });
    expect(body.data.links).toEqual({
      page: "https://n/reports/month:2025-03?tier=tier-id",
      json: "https://n/api/v1/reports/month:2025-03?tier=tier-id",
      markdown: "https://n/api/v1/reports/month:2025-03?format=markdown&tier=tier-id",
      csv: "https://n/api/v1/reports/month:2025-03?format=csv&tier=tier-id",
      pdf: "https://n/api/v1/reports/month:2025-03?format=pdf&tier=tier-id",
    });
  });

  it("links to the organisation's report without a query", () => {
    expect(reportLinks({ period: "year:2024", scope: { ...facts().scope, kind: "org", id: null, reference: null, query: "" } }, "https://n")).toMatchObject({ page: "https://n/reports/year:2024", pdf: "https://n/api/v1/reports/year:2024?format=pdf" });
  });

  it("goes to Slack as text with a link, and never to a public channel", () => {
    const slack = JSON.parse(slackBody(notificationMessage(event(), "internal", "https://n")!, "k"));
    expect(slack.text).toMatch(/^Monthly report March 2025: tier 1 \(Critical\): March 2025/);
    expect(slack.blocks.at(-1).elements[0].text).toContain("<https://n/reports/month:2025-03?tier=tier-id|Open in Nines>");
    expect(notificationMessage(event(), "public", "https://n", true)).toBeNull();
  });

  it("lists at most ten services and five incidents, and says how many more", () => {
    const many = facts({ services: Array.from({ length: 14 }, (_, i) => service(`s${i}`, { spentShare: i / 100 })), incidents: Array.from({ length: 8 }, (_, i) => ({ reference: `INC-${i}`, title: "t", severity: "SEV3", downtimeSeconds: i * 60 })) });
    const text = notificationMessage({ ...event(), report: many }, "internal", "https://n")?.text ?? "";
    expect(text.split("\n").filter((l) => l.startsWith("- Service "))).toHaveLength(10);
    expect(text).toContain("… and 4 more in the report.");
    expect(text).toContain("Longest incidents (5 of 8):");
  });
});
