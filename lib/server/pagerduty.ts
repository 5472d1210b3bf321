import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { incidentReference, type Severity } from "@/lib/domain";
import type { PagerDutyResultDto } from "@/lib/dto/integrations";
import { PagerDutyEvent, PagerDutyIncident, PagerDutyNote } from "@/lib/schemas/pagerduty";
import type { PagerDutyEvent as PagerDutyEventType } from "@/lib/schemas/pagerduty";
import type { Actor } from "./auth/actor";
import { prisma, type Tx } from "./db";
import { UnauthenticatedError, ValidationError } from "./errors";
import { parse } from "./http";
import { insertIncident, insertTimelineEvent } from "./incidents-write";
import { integrationSecrets } from "./integrations";

const SOURCE = "pagerduty";

export type PagerDutyResult = PagerDutyResultDto;

/**
 * `X-PagerDuty-Signature: v1=<hex>[,v1=<hex>…]` (several while a secret is being rotated): the
 * HMAC-SHA256 of the raw body with the subscription's secret, compared in constant time.
 */
export function signatureValid(rawBody: string, header: string | null, secret: string): boolean {
  if (!header) return false;
  const expected = createHmac("sha256", secret).update(rawBody, "utf8").digest();
  return header
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.startsWith("v1="))
    .some((s) => {
      const given = Buffer.from(s.slice(3), "hex");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

/** P1–P5 priorities map to SEV1–SEV5; without one, high urgency is SEV2 and low SEV3. */
function severityOf(incident: { priority?: { summary?: string } | null; urgency?: string }): Severity {
  const p = /^P([1-5])$/i.exec(incident.priority?.summary ?? "");
  if (p) return `SEV${p[1]}` as Severity;
  return incident.urgency === "low" ? "SEV3" : "SEV2";
}

async function nines(tx: Tx, pdIncidentId: string) {
  return tx.incident.findUnique({ where: { source_externalId: { source: SOURCE, externalId: pdIncidentId } }, select: { id: true, number: true } });
}

/** The PagerDuty user the webhook acts as: the admin who configured it is not known here, so the first admin. */
async function actorOf(tx: Tx): Promise<Actor> {
  const admin = await tx.user.findFirst({ where: { role: "admin", disabledAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, email: true } });
  if (!admin) throw new UnauthenticatedError("No active admin to act for the PagerDuty integration");
  return { kind: "token", userId: admin.id, label: "integration:pagerduty", role: "editor", name: admin.name, email: admin.email };
}

/**
 * One v3 webhook delivery, already authenticated by its signature. Each event is processed once
 * (by PagerDuty's event id); the incident is Nines' own, linked by PagerDuty's incident id.
 */
export async function receivePagerDuty(rawBody: string, signature: string | null): Promise<PagerDutyResult> {
  const config = (await integrationSecrets()).pagerduty;
  if (!config.secret || !signatureValid(rawBody, signature, config.secret)) throw new UnauthenticatedError("Missing or bad X-PagerDuty-Signature");
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw ValidationError.field("", "The body is not valid JSON");
  }
  const { event } = parse(PagerDutyEvent, json);
  const at = new Date(event.occurred_at);
  const pdId = (event.event_type === "incident.annotated" || event.event_type === "incident.status_update_published" ? parse(PagerDutyNote, event.data).incident.id : String(event.data.id ?? ""));
  // The event is marked processed in the same transaction as the change it makes: a failure
  // rolls both back (a redelivery tries again), and a mark never stands without its change. Of two
  // deliveries at once, the second waits on the first's mark and, once it commits, sees a repeat.
  return prisma.$transaction(async (tx) => {
    const marked = await tx.integrationEvent.createMany({ data: [{ source: SOURCE, eventId: event.id }], skipDuplicates: true });
    const existing = pdId ? await nines(tx, pdId) : null;
    const ref = existing ? { id: existing.id, reference: incidentReference(existing.number) } : null;
    if (marked.count === 0) return { incident: ref, changed: false, ignored: null };
    return apply(tx, event, at, pdId, ref, config.services);
  });
}

async function apply(tx: Tx, event: PagerDutyEventType["event"], at: Date, pdId: string, ref: { id: string; reference: string } | null, services: Record<string, string>): Promise<PagerDutyResult> {
  const actor = await actorOf(tx);

  if (event.event_type === "incident.triggered") {
    if (ref) return { incident: ref, changed: false, ignored: null };
    const pd = parse(PagerDutyIncident, event.data);
    const slug = services[pd.service.id];
    if (!slug) return { incident: null, changed: false, ignored: `PagerDuty service ${pd.service.id}${pd.service.summary ? ` (${pd.service.summary})` : ""} is not mapped to a Nines service in Settings → Integrations` };
    const startedAt = pd.created_at ? new Date(pd.created_at) : at;
    const created = await insertIncident(tx, actor, {
      title: pd.title,
      severity: severityOf(pd),
      kind: "unplanned",
      startedAt,
      detectedAt: startedAt,
      summary: pd.html_url ? `Opened from PagerDuty: ${pd.html_url}` : "Opened from PagerDuty",
      source: SOURCE,
      externalId: pd.id,
      impacts: [{ service: slug, fraction: 1 }],
    });
    return { incident: { id: created.id, reference: created.reference }, changed: true, ignored: null };
  }
  if (!ref) return { incident: null, changed: false, ignored: `No Nines incident for PagerDuty incident ${pdId || "(none)"}` };
  const entry =
    event.event_type === "incident.acknowledged" ? ({ type: "acknowledged", at, message: "Acknowledged in PagerDuty" } as const)
    : event.event_type === "incident.resolved" ? ({ type: "resolved", at, message: "Resolved in PagerDuty" } as const)
    : event.event_type === "incident.annotated" ? ({ type: "note", at, message: parse(PagerDutyNote, event.data).content || "(empty note)" } as const)
    : event.event_type === "incident.status_update_published" ? ({ type: "update", at, message: parse(PagerDutyNote, event.data).message || "(empty status update)" } as const)
    : null;
  if (!entry) return { incident: ref, changed: false, ignored: `Event type ${event.event_type} is not used` };
  await insertTimelineEvent(tx, actor, ref.reference, entry);
  return { incident: ref, changed: true, ignored: null };
}
