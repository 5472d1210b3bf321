import "server-only";
import { organisationTimeZone } from "./availability-data";
import { parse as parseCsv } from "csv-parse/sync";
import { incidentIssues } from "@/lib/domain/incident-lifecycle";
import type { IncidentDto, IncidentImportDto } from "@/lib/dto/incidents";
import type { ServiceDto } from "@/lib/dto/services";
import { IncidentInput } from "@/lib/schemas/incident";
import type { Actor } from "./auth/actor";
import { csvResponse, fromTextCell, textCell, toCsv } from "./csv";
import { prisma } from "./db";
import { ValidationError } from "./errors";
import { incidentRows, incidentWhere, toIncidentDto, type IncidentFilter } from "./incidents-read";
import { insertIncidents } from "./incidents-bulk";
import { moveMeasuredSinceBack, startsBeforeMeasured } from "./measured-since";

// Incidents and services as CSV, and incidents back from CSV. The import reads the same columns the
// export writes (reference and status are written for people; status is also read), so an export
// edited in a spreadsheet can be imported elsewhere.

const cell = textCell;
const csv = toCsv;

const COLUMNS = ["reference", "title", "severity", "kind", "status", "started_at", "detected_at", "acknowledged_at", "mitigated_at", "resolved_at", "services", "summary", "root_cause", "external_id"] as const;
const FIELD_OF: Record<string, (typeof COLUMNS)[number]> = { title: "title", severity: "severity", kind: "kind", status: "status", startedAt: "started_at", detectedAt: "detected_at", acknowledgedAt: "acknowledged_at", mitigatedAt: "mitigated_at", resolvedAt: "resolved_at", impacts: "services", summary: "summary", rootCause: "root_cause", externalId: "external_id" };
// Rows read per page of an export: one index range and one impacts read each.
const EXPORT_PAGE = 1_000;
// An import is one transaction: every row or none. The bound keeps one request's memory and its
// transaction's length reasonable; an export of this many imports back in one go.
const MAX_IMPORT = 200_000;
const ANALYZE_AFTER = 1_000;

/** "checkout;payments:0.4" — each impacted service, with its fraction when not a full outage. */
const servicesCell = (i: IncidentDto) => i.impacts.map((m) => (m.fraction === 1 ? m.service : `${m.service}:${m.fraction}`)).join(";");

const incidentRow = (i: IncidentDto): string[] => [i.reference, cell(i.title), i.severity, i.kind, i.status, i.startedAt, i.detectedAt ?? "", i.acknowledgedAt ?? "", i.mitigatedAt ?? "", i.resolvedAt ?? "", servicesCell(i), cell(i.summary), cell(i.rootCause), cell(i.externalId)];

/**
 * Every matching incident, newest first, read a page at a time by the list's keyset. Each page is
 * its own read: an incident written during the export is in it when it sorts after the page being
 * read, and one deleted meanwhile is in it when its page was read first.
 */
async function* incidentPages(q: IncidentFilter): AsyncGenerator<string[][]> {
  const where = incidentWhere(q);
  let cursor: string | undefined;
  do {
    const page = await incidentRows(where, cursor, EXPORT_PAGE);
    yield page.rows.map((r) => incidentRow(toIncidentDto(r)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** GET /api/v1/incidents?format=csv: every match, streamed (see csvResponse for what a failure does). */
export function incidentsCsv(q: IncidentFilter): Promise<Response> {
  return csvResponse("nines-incidents.csv", COLUMNS, incidentPages(q));
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
  const text = (k: string) => fromTextCell((r[k] ?? "").trim());
  const raw = (k: string) => fromTextCell(r[k] ?? "");
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
    ...(text("summary") ? { summary: raw("summary") } : {}),
    ...(text("root_cause") ? { rootCause: raw("root_cause") } : {}),
    ...(text("external_id") ? { source: "csv", externalId: text("external_id") } : {}),
    impacts,
  };
}

/** Every row checked (schema, incident rules, services, duplicates); errors by line and column. */
export async function importIncidentsCsv(actor: Actor, text: string, dryRun: boolean, moveMeasuredSince = false): Promise<ImportResult> {
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
  const timeZone = await organisationTimeZone();
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
      ...incidentIssues({ ...parsed.data, status: parsed.data.status ?? null }, timeZone).map((i) => ({ line, column: FIELD_OF[i.path.split(".")[0] ?? ""] ?? i.path, message: i.message })),
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
  // History from before a service's measuredSince would not count: offered, as when logging one
  // (lib/server/measured-since.ts); with moveMeasuredSince the apply moves it back first.
  const early = await startsBeforeMeasured(prisma, inputs.flatMap(({ line, input }) => input.impacts.map((m) => ({ service: m.service, start: m.startedAt ?? input.startedAt, where: `Line ${line}` }))));
  if (!moveMeasuredSince) {
    for (const e of early) errors.push({ line: Number(e.earliest.where.slice(5)), column: "started_at", message: e.message.replace("Send moveMeasuredSince: true", "Import with moveMeasuredSince=true") });
  }
  errors.sort((a, b) => a.line - b.line);
  if (dryRun) return { dryRun, rows: records.length, created: [], errors };
  if (errors.length) throw new ValidationError(errors.map((e) => ({ path: `line ${e.line}, ${e.column}`, message: e.message })), "Nothing was imported: fix these rows first");
  const created = await prisma.$transaction(
    async (tx) => {
      // Each impact's copies are checked (decision 0001) as its batch is written, not all at the
      // commit: 150,000 checks in one COMMIT outlast the statement timeout, and the import with them.
      await tx.$executeRaw`SET CONSTRAINTS "Impact_inside_incident" IMMEDIATE`;
      await moveMeasuredSinceBack(tx, actor, early);
      const written = await insertIncidents(tx, actor, inputs.map((i) => i.input));
      return written.map((dto, n) => ({ line: inputs[n]?.line ?? 0, reference: dto.reference }));
    },
    // A few thousand rows a second on a small machine: a long file is given the time it takes.
    { timeout: Math.max(120_000, inputs.length * 10) },
  );
  // Thousands of new rows at once leave the planner's statistics behind until autovacuum notices:
  // refreshed now, the lists and exports that follow keep their plans (one took seconds without).
  if (created.length >= ANALYZE_AFTER) await prisma.$executeRaw`ANALYZE "Incident", "Impact"`;
  return { dryRun, rows: records.length, created, errors: [] };
}
