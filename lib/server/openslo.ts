import "server-only";
import { parseAllDocuments, stringify } from "yaml";
import { fromOpenSloWindow, toOpenSloWindow } from "@/lib/domain/openslo";
import type { OpenSloChangeDto, OpenSloPlanDto } from "@/lib/dto/openslo";
import type { ServiceDto } from "@/lib/dto/services";
import { SloTarget } from "@/lib/schemas/common";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { organisationTimeZone } from "./availability-data";
import { prisma } from "./db";
import { ValidationError } from "./errors";
import { listServices, toServiceDto } from "./services";

// Every service's SLO as OpenSLO v1 (a `Service` and an `SLO` document each), and back. The
// maintenance rule has no OpenSLO field: it travels as an annotation. Import compares with each
// service's effective SLO (its own value, else its tier's), so exporting and importing the same
// documents changes nothing.

const MAINTENANCE = "nines.dev/maintenance";

export async function exportOpenSlo(): Promise<string> {
  const [services, timeZone] = await Promise.all([listServices(), organisationTimeZone()]);
  const docs = services.flatMap((s) => [
    { apiVersion: "openslo/v1", kind: "Service", metadata: { name: s.slug, displayName: s.name }, spec: { description: s.description } },
    {
      apiVersion: "openslo/v1",
      kind: "SLO",
      metadata: { name: `${s.slug}-availability`, displayName: `${s.name} availability`, annotations: { [MAINTENANCE]: s.maintenance, "nines.dev/tier": String(s.tier.rank) } },
      spec: {
        service: s.slug,
        description: `Availability of ${s.name}: the share of time it was up, from the incident record (Nines).`,
        budgetingMethod: "Timeslices",
        indicatorRef: "nines-availability",
        timeWindow: [toOpenSloWindow(s.sloWindow, timeZone)],
        objectives: [{ displayName: "Availability", target: s.sloTarget, timeSliceTarget: 1, timeSliceWindow: "1m" }],
      },
    },
  ]);
  return docs.map((d) => stringify(d)).join("---\n");
}

export type OpenSloChange = OpenSloChangeDto;
export type OpenSloPlan = OpenSloPlanDto;

type Wanted = { name?: string; description?: string; sloTarget?: number; sloWindow?: string; maintenance?: "count" | "exclude" };

/** What the documents would change, and every error in them (by document number and field). */
function plan(text: string, services: Map<string, ServiceDto>): { changes: OpenSloChange[]; errors: OpenSloPlan["errors"]; wanted: Map<string, Wanted> } {
  const errors: OpenSloPlan["errors"] = [];
  const wanted = new Map<string, Wanted>();
  const docs = parseAllDocuments(text);
  docs.forEach((doc, i) => {
    const n = i + 1;
    if (doc.errors.length) return errors.push({ document: n, path: "", message: `Not YAML: ${doc.errors[0]?.message ?? "unreadable"}` });
    const d = doc.toJS() as Record<string, unknown> | null;
    if (!d || typeof d !== "object") return errors.push({ document: n, path: "", message: "Must be an OpenSLO document" });
    if (d.apiVersion !== "openslo/v1") return errors.push({ document: n, path: "apiVersion", message: "Must be openslo/v1" });
    const meta = (d.metadata ?? {}) as Record<string, unknown>;
    const spec = (d.spec ?? {}) as Record<string, unknown>;
    if (d.kind === "Service") {
      const slug = String(meta.name ?? "");
      if (!services.has(slug)) return errors.push({ document: n, path: "metadata.name", message: `No service has the slug '${slug}'` });
      const w = wanted.get(slug) ?? {};
      if (typeof meta.displayName === "string" && meta.displayName.trim()) w.name = meta.displayName.trim();
      if (typeof spec.description === "string") w.description = spec.description;
      wanted.set(slug, w);
      return;
    }
    if (d.kind === "SLO") {
      const slug = String(spec.service ?? "");
      if (!services.has(slug)) return errors.push({ document: n, path: "spec.service", message: `No service has the slug '${slug}'` });
      const w = wanted.get(slug) ?? {};
      const objective = Array.isArray(spec.objectives) ? (spec.objectives[0] as Record<string, unknown> | undefined) : undefined;
      const target = SloTarget.safeParse(objective?.target);
      if (!target.success) errors.push({ document: n, path: "spec.objectives.0.target", message: target.error.issues[0]?.message ?? "Must be a number" });
      else w.sloTarget = target.data;
      const tw = Array.isArray(spec.timeWindow) ? (spec.timeWindow[0] as Record<string, unknown> | undefined) : undefined;
      const window = fromOpenSloWindow(tw ?? {});
      if ("error" in window) errors.push({ document: n, path: "spec.timeWindow.0", message: window.error });
      else w.sloWindow = window.window;
      const m = ((meta.annotations ?? {}) as Record<string, unknown>)[MAINTENANCE];
      if (m !== undefined && m !== "count" && m !== "exclude") errors.push({ document: n, path: `metadata.annotations.${MAINTENANCE}`, message: "Must be count or exclude" });
      else if (m !== undefined) w.maintenance = m;
      wanted.set(slug, w);
      return;
    }
    errors.push({ document: n, path: "kind", message: "Must be Service or SLO (other kinds are not imported)" });
  });
  const changes: OpenSloChange[] = [];
  for (const [slug, w] of wanted) {
    const s = services.get(slug) as ServiceDto;
    const now = { name: s.name, description: s.description, sloTarget: s.sloTarget, sloWindow: s.sloWindow, maintenance: s.maintenance };
    for (const field of ["name", "description", "sloTarget", "sloWindow", "maintenance"] as const) {
      if (w[field] !== undefined && w[field] !== now[field]) changes.push({ service: slug, field, from: now[field], to: w[field] });
    }
  }
  return { changes, errors, wanted };
}

/** A dry run lists what would change; an apply makes every change in one transaction, or none. */
export async function importOpenSlo(actor: Actor, text: string, dryRun: boolean): Promise<OpenSloPlan> {
  if (text.length > 5_000_000) throw ValidationError.field("", "At most 5 MB of YAML");
  const services = new Map((await listServices()).map((s) => [s.slug, s]));
  const { changes, errors } = plan(text, services);
  if (dryRun || errors.length) {
    if (!dryRun) throw new ValidationError(errors.map((e) => ({ path: `documents.${e.document}${e.path ? `.${e.path}` : ""}`, message: e.message })), "Nothing was imported: fix these documents first");
    return { dryRun, applied: false, changes, errors };
  }
  await prisma.$transaction(async (tx) => {
    for (const slug of new Set(changes.map((c) => c.service))) {
      const mine = changes.filter((c) => c.service === slug);
      const data = Object.fromEntries(mine.map((c) => [c.field === "maintenance" ? "maintenanceRule" : c.field, c.to]));
      const include = { tier: true, dependsOn: { include: { dependsOn: { select: { slug: true } } } }, dependedOnBy: { include: { service: { select: { slug: true } } } } } as const;
      const before = services.get(slug) as ServiceDto;
      const after = toServiceDto(await tx.service.update({ where: { slug }, data: { ...data, version: { increment: 1 } }, include }));
      await recordAudit(tx, actor, { action: "update", entityType: "service", entityId: after.id, before, after: { ...after, via: "openslo import" } });
    }
  });
  return { dryRun: false, applied: true, changes, errors: [] };
}
