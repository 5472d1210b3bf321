import "server-only";
import { parse as parseCsv } from "csv-parse/sync";
import { incidentIssues } from "@/lib/domain/incident-lifecycle";
import type { IncidentDto, IncidentImportDto } from "@/lib/dto/incidents";
import type { ServiceDto } from "@/lib/dto/services";
import { IncidentInput, type IncidentListQuery } from "@/lib/schemas/incident";
import type { Actor } from "./auth/actor";
import { textCell, toCsv } from "./csv";
import { prisma } from "./db";
import { ValidationError } from "./errors";
import { listIncidents } from "./incidents-read";
import { insertIncident } from "./incidents-write";

// Incidents and services as CSV, and incidents back from CSV. The import reads the same columns the
// export writes (reference and status are written for people; status is also read), so an export
// edited in a spreadsheet can be imported elsewhere.

const cell = textCell;
const csv = toCsv;

const COLUMNS = ["reference", "title", "severity", "kind", "status", "started_at", "detected_at", "acknowledged_at", "mitigated_at", "resolved_at", "services", "summary", "root_cause", "external_id"] as const;
const FIELD_OF: Record<string, (typeof COLUMNS)[number]> = { title: "title", severity: "severity", kind: "kind", status: "status", startedAt: "started_at", detectedAt: "detected_at", acknowledgedAt: "acknowledged_at", mitigatedAt: "mitigated_at", resolvedAt: "resolved_at", impacts: "services", summary: "summary", rootCause: "root_cause", externalId: "external_id" };
const MAX_EXPORT = 20_000;
const MAX_IMPORT = 5_000;

/** "checkout;payments:0.4" — each impacted service, with its fraction when not a full outage. */
const servicesCell = (i: IncidentDto) => i.impacts.map((m) => (m.fraction === 1 ? m.service : `${m.service}:${m.fraction}`)).join(";");

export async function incidentsCsv(q: IncidentListQuery): Promise<string> {
  const rows: IncidentDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await listIncidents({ ...q, limit: 200, ...(cursor ? { cursor } : {}) });
    rows.push(...page.incidents);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < MAX_EXPORT);
  return csv([
    [...COLUMNS],
    ...rows.map((i) => [i.reference, cell(i.title), i.severity, i.kind, i.status, i.startedAt, i.detectedAt ?? "", i.acknowledgedAt ?? "", i.mitigatedAt ?? "", i.resolvedAt ?? "", servicesCell(i), cell(i.summary), cell(i.rootCause), cell(i.externalId)]),
  ]);
}

export function servicesCsv(services: ServiceDto[]): string {
  return csv([
    ["slug", "name", "tier_rank", "tier_name", "owner", "slo_target", "slo_window", "maintenance", "own_slo_target", "own_slo_window", "own_maintenance", "depends_on", "archived"],
    ...services.map((s) => [s.slug, cell(s.name), String(s.tier.rank), cell(s.tier.name), cell(s.owner), String(s.sloTarget), s.sloWindow, s.maintenance, s.overrides.sloTarget === null ? "" : String(s.overrides.sloTarget), s.overrides.sloWindow ?? "", s.overrides.maintenance ?? "", s.dependsOn.join(";"), s.archived ? "yes" : "no"]),
  ]);
}

export type ImportProblem = { line: number; column: string; message: string };
export type ImportResult = IncidentImportDto;

function rowInput(r: Record<string, string>) {
  const text = (k: string) => (r[k] ?? "").trim();
  const instant = (k: string) => (text(k) === "" ? undefined : text(k));
  const impacts = text("services")
    .split(";")
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const [service, fraction] = x.split(":");
      return { service: (service ?? "").trim(), fraction: fraction === undefined ? 1 : Number(fraction) };
    });
  return {
    title: text("title"),
    severity: text("severity"),
    ...(text("kind") ? { kind: text("kind") } : {}),
    ...(text("status") ? { status: text("status") } : {}),
    startedAt: instant("started_at"),
    detectedAt: instant("detected_at"),
    acknowledgedAt: instant("acknowledged_at"),
    mitigatedAt: instant("mitigated_at"),
    resolvedAt: instant("resolved_at"),
    ...(text("summary") ? { summary: r.summary } : {}),
    ...(text("root_cause") ? { rootCause: r.root_cause } : {}),
    ...(text("external_id") ? { source: "csv", externalId: text("external_id") } : {}),
    impacts,
  };
}

/** Every row checked (schema, incident rules, services, duplicates); errors by line and column. */
export async function importIncidentsCsv(actor: Actor, text: string, dryRun: boolean): Promise<ImportResult> {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, info: true, bom: true, trim: false }) as never;
  } catch (err) {
    throw ValidationError.field("", `Not CSV: ${err instanceof Error ? err.message : "unreadable"}`);
  }
  if (records.length > MAX_IMPORT) throw ValidationError.field("", `At most ${MAX_IMPORT} rows at once`);
  const header = records[0] ? Object.keys(records[0].record) : [];
  for (const required of ["title", "severity", "started_at", "services"]) if (records.length && !header.includes(required)) throw ValidationError.field(required, `The header must name a ${required} column`);
  const slugs = new Set((await prisma.service.findMany({ where: { archivedAt: null }, select: { slug: true } })).map((s) => s.slug));
  const externals = new Set<string>();
  const errors: ImportProblem[] = [];
  const inputs: { line: number; input: IncidentInput }[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const raw = rowInput(record);
    const parsed = IncidentInput.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ line, column: FIELD_OF[String(issue.path[0])] ?? String(issue.path[0] ?? ""), message: issue.message });
      continue;
    }
    const problems = [
      ...incidentIssues({ ...parsed.data, status: parsed.data.status ?? null }).map((i) => ({ line, column: FIELD_OF[i.path.split(".")[0] ?? ""] ?? i.path, message: i.message })),
      ...parsed.data.impacts.filter((m) => !slugs.has(m.service)).map((m) => ({ line, column: "services", message: `No active service has the slug '${m.service}'` })),
    ];
    if (parsed.data.externalId) {
      if (externals.has(parsed.data.externalId)) problems.push({ line, column: "external_id", message: "Appears twice in this file" });
      externals.add(parsed.data.externalId);
    }
    errors.push(...problems);
    if (problems.length === 0) inputs.push({ line, input: parsed.data });
  }
  if (externals.size) {
    const taken = await prisma.incident.findMany({ where: { source: "csv", externalId: { in: [...externals] } }, select: { externalId: true } });
    for (const t of taken) {
      const at = inputs.find((i) => i.input.externalId === t.externalId);
      errors.push({ line: at?.line ?? 0, column: "external_id", message: `An incident with external id '${t.externalId}' was imported already` });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  if (dryRun) return { dryRun, rows: records.length, created: [], errors };
  if (errors.length) throw new ValidationError(errors.map((e) => ({ path: `line ${e.line}, ${e.column}`, message: e.message })), "Nothing was imported: fix these rows first");
  const created = await prisma.$transaction(
    async (tx) => {
      const out: { line: number; reference: string }[] = [];
      for (const { line, input } of inputs) out.push({ line, reference: (await insertIncident(tx, actor, input)).reference });
      return out;
    },
    { timeout: 120_000 },
  );
  return { dryRun, rows: records.length, created, errors: [] };
}
