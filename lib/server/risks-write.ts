import "server-only";
import type { RiskIncidentLinkDto } from "@/lib/dto/risk-links";
import type { RiskDto } from "@/lib/dto/risks";
import {
  badMinutesPerYear,
  incidentReference,
  nextReviewDue,
  riskIssues,
  riskReference,
  scoreAssessment,
  type Assessment,
} from "@/lib/domain";
import type { RiskInput, RiskReviewInput, RiskUpdate } from "@/lib/schemas/risk";
import { RiskAuditRecord, RiskReviewCadence, RiskReviewRecord } from "@/lib/schemas/stored";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { resolveIncidentId } from "./incident-ref";
import { findRiskRow } from "./risk-ref";
import { assessmentOf, riskContext, riskInclude, toRiskDto, type RiskRow } from "./risks-read";
import { versionedEdit, type Versioned } from "./versioned";

const versioned = (tx: Tx, id: string): Versioned => ({ entity: "risk", audit: { entityType: "risk", entityId: id }, storedVersion: async () => (await tx.risk.findUnique({ where: { id }, select: { version: true } }))?.version ?? null });

type Whole = {
  status: "open" | "closed";
  identifiedAt: Date;
  lastReviewedAt: Date | null;
  inherent: Assessment;
  current: Assessment;
  target: Assessment;
  ettdMinutes: number | null;
  ettrMinutes: number | null;
  ettfDays: number | null;
  impactFraction: number | null;
};

/** The columns derived from lib/domain on every write: never typed in by a client. */
async function derived(tx: Tx, risk: Whole) {
  const settings = await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { riskReviewCadence: true } });
  const current = scoreAssessment(risk.current);
  const due = nextReviewDue({ status: risk.status, level: current.level, lastReviewedAt: risk.lastReviewedAt?.getTime() ?? null, identifiedAt: risk.identifiedAt.getTime() }, RiskReviewCadence.read(settings?.riskReviewCadence ?? null, "The organisation's settings"));
  return {
    inherentScore: scoreAssessment(risk.inherent).score,
    currentScore: current.score,
    targetScore: scoreAssessment(risk.target).score,
    badMinutesPerYear: badMinutesPerYear(risk),
    reviewDueAt: due === null ? null : new Date(due),
  };
}

async function serviceId(tx: Tx, slug: string | null | undefined): Promise<string | null | undefined> {
  if (slug === undefined || slug === null) return slug;
  const service = await tx.service.findUnique({ where: { slug }, select: { id: true } });
  if (!service) throw ValidationError.field("service", `No service has the slug '${slug}'`);
  return service.id;
}

const assessmentColumns = (name: "inherent" | "current" | "target", a: Assessment | undefined) =>
  a ? { [`${name}Likelihood`]: a.likelihood, [`${name}Consequence`]: a.consequence } : {};

async function dto(tx: Tx, id: string): Promise<RiskDto> {
  return toRiskDto(await tx.risk.findUniqueOrThrow({ where: { id }, include: riskInclude }), await riskContext());
}

export async function createRisk(actor: Actor, input: RiskInput): Promise<RiskDto> {
  return prisma.$transaction(async (tx) => {
    const identifiedAt = input.identifiedAt ?? new Date();
    const status = input.status ?? "open";
    const row = await tx.risk.create({
      data: {
        title: input.title,
        description: input.description ?? "",
        cause: input.cause ?? "",
        event: input.event ?? "",
        consequence: input.consequence ?? "",
        serviceId: (await serviceId(tx, input.service)) ?? null,
        owner: input.owner ?? "",
        identifiedAt,
        inherentLikelihood: input.inherent.likelihood,
        inherentConsequence: input.inherent.consequence,
        currentLikelihood: input.current.likelihood,
        currentConsequence: input.current.consequence,
        targetLikelihood: input.target.likelihood,
        targetConsequence: input.target.consequence,
        treatment: input.treatment ?? "mitigate",
        acceptedBy: input.acceptedBy ?? null,
        acceptedUntil: input.acceptedUntil ?? null,
        monitoringDetects: input.monitoringDetects ?? null,
        mitigationPlan: input.mitigationPlan ?? "",
        status,
        ettdMinutes: input.ettdMinutes ?? null,
        ettrMinutes: input.ettrMinutes ?? null,
        ettfDays: input.ettfDays ?? null,
        impactFraction: input.impactFraction ?? null,
        ...(await derived(tx, { ...input, ettdMinutes: input.ettdMinutes ?? null, ettrMinutes: input.ettrMinutes ?? null, ettfDays: input.ettfDays ?? null, impactFraction: input.impactFraction ?? null, status, identifiedAt, lastReviewedAt: null })),
      },
      select: { id: true },
    });
    const after = await dto(tx, row.id);
    await recordAudit(tx, actor, { action: "create", entityType: "risk", entityId: row.id, after });
    return after;
  });
}

/** The risk as it will be after the change: the whole-risk rules are checked on this. */
function merged(before: RiskRow, input: RiskUpdate) {
  const keep = <T>(given: T | undefined, was: T): T => (given === undefined ? was : given);
  return {
    status: keep(input.status, before.status),
    treatment: keep(input.treatment, before.treatment),
    acceptedBy: keep(input.acceptedBy, before.acceptedBy),
    acceptedUntil: keep(input.acceptedUntil, before.acceptedUntil),
    identifiedAt: keep(input.identifiedAt, before.identifiedAt),
    lastReviewedAt: before.lastReviewedAt,
    inherent: input.inherent ?? assessmentOf(before, "inherent"),
    current: input.current ?? assessmentOf(before, "current"),
    target: input.target ?? assessmentOf(before, "target"),
    ettdMinutes: keep(input.ettdMinutes, before.ettdMinutes),
    ettrMinutes: keep(input.ettrMinutes, before.ettrMinutes),
    ettfDays: keep(input.ettfDays, before.ettfDays),
    impactFraction: keep(input.impactFraction, before.impactFraction),
  };
}

export async function updateRisk(actor: Actor, ref: string, input: RiskUpdate): Promise<RiskDto> {
  return prisma.$transaction(async (tx) => {
    const before = await findRiskRow(ref, tx);
    const edit = await versionedEdit(tx, versioned(tx, before.id), before.version, input.version);
    const next = merged(before, input);
    const issues = riskIssues(next);
    if (issues.length) throw new ValidationError(issues);
    const ctx = await riskContext();
    await edit.write(async ({ version }) => tx.risk.updateMany({
      where: { id: before.id, version },
      data: {
        title: input.title,
        description: input.description,
        cause: input.cause,
        event: input.event,
        consequence: input.consequence,
        serviceId: await serviceId(tx, input.service),
        owner: input.owner,
        identifiedAt: input.identifiedAt,
        ...assessmentColumns("inherent", input.inherent),
        ...assessmentColumns("current", input.current),
        ...assessmentColumns("target", input.target),
        treatment: input.treatment,
        acceptedBy: input.acceptedBy,
        acceptedUntil: input.acceptedUntil,
        monitoringDetects: input.monitoringDetects,
        mitigationPlan: input.mitigationPlan,
        status: input.status,
        ettdMinutes: input.ettdMinutes,
        ettrMinutes: input.ettrMinutes,
        ettfDays: input.ettfDays,
        impactFraction: input.impactFraction,
        ...(await derived(tx, next)),
        version: { increment: 1 },
      },
    }));
    const after = await dto(tx, before.id);
    await recordAudit(tx, actor, { action: "update", entityType: "risk", entityId: before.id, before: RiskAuditRecord.write(toRiskDto(before, ctx)), after: RiskAuditRecord.write(after) });
    return after;
  });
}

export async function deleteRisk(actor: Actor, ref: string): Promise<{ deleted: true; id: string; reference: string }> {
  return prisma.$transaction(async (tx) => {
    const row = await findRiskRow(ref, tx);
    await tx.risk.delete({ where: { id: row.id } });
    await recordAudit(tx, actor, { action: "delete", entityType: "risk", entityId: row.id, before: toRiskDto(row, await riskContext()) });
    return { deleted: true, id: row.id, reference: riskReference(row.number) };
  });
}

/**
 * Marks the risk reviewed now with a note; the next review is due a cadence from now. `at` records
 * a review held earlier (the demo organisation's history; the API always reviews now).
 */
export async function reviewRisk(actor: Actor, ref: string, input: RiskReviewInput, opts: { at?: Date } = {}): Promise<RiskDto> {
  return prisma.$transaction(async (tx) => {
    const before = await findRiskRow(ref, tx);
    const edit = await versionedEdit(tx, versioned(tx, before.id), before.version, input.version);
    if (before.status === "closed") throw new ConflictError(`${riskReference(before.number)} is closed: reopen it before reviewing it`, [{ path: "status", message: "Closed risks have no reviews due" }]);
    const now = opts.at && opts.at.getTime() < Date.now() ? opts.at : new Date();
    const whole = { ...merged(before, { version: before.version }), lastReviewedAt: now };
    const { reviewDueAt } = await derived(tx, whole);
    await edit.write(({ version }) => tx.risk.updateMany({ where: { id: before.id, version }, data: { lastReviewedAt: now, reviewDueAt, version: { increment: 1 } } }));
    const after = await dto(tx, before.id);
    await recordAudit(tx, actor, {
      action: "review",
      entityType: "risk",
      entityId: before.id,
      before: { lastReviewedAt: before.lastReviewedAt, reviewDueAt: before.reviewDueAt },
      after: RiskReviewRecord.write({ note: input.note ?? "", level: after.current.level, lastReviewedAt: after.lastReviewedAt, reviewDueAt: after.reviewDueAt }),
    });
    return after;
  });
}


/** Records that an incident realised the risk (PUT: idempotent, audited once). */
export async function linkIncident(actor: Actor, ref: string, incidentRef: string, linked: boolean): Promise<RiskIncidentLinkDto> {
  return prisma.$transaction(async (tx) => {
    const risk = await findRiskRow(ref, tx);
    const incidentId = await resolveIncidentId(incidentRef, tx);
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { number: true } });
    const key = { riskId_incidentId: { riskId: risk.id, incidentId } };
    const exists = (await tx.riskIncident.findUnique({ where: key })) !== null;
    if (linked && !exists) await tx.riskIncident.create({ data: { riskId: risk.id, incidentId } });
    if (!linked && !exists) throw new NotFoundError(`The link between ${riskReference(risk.number)} and ${incidentReference(incident.number)}`);
    if (!linked) await tx.riskIncident.delete({ where: key });
    const body = { incident: incidentReference(incident.number), incidentId };
    if (linked !== exists) await recordAudit(tx, actor, { action: linked ? "link_incident" : "unlink_incident", entityType: "risk", entityId: risk.id, ...(linked ? { after: body } : { before: body }) });
    return { risk: { id: risk.id, reference: riskReference(risk.number) }, incident: { id: incidentId, reference: incidentReference(incident.number) }, linked };
  });
}
