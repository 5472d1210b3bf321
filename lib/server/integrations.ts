import "server-only";
import type { IntegrationsDto } from "@/lib/dto/integrations";
import { DEFAULT_SEVERITY_MAP } from "@/lib/domain";
import type { IntegrationsUpdate } from "@/lib/schemas/integrations";
import type { SmtpSettings } from "@/lib/schemas/notification";
import { assertAllowedTarget, ForbiddenTargetError } from "./probe-check";
import { StoredIntegrations } from "@/lib/schemas/stored";
import type { Actor } from "./auth/actor";
import { recordAudit } from "./audit";
import { prisma } from "./db";
import { ValidationError } from "./errors";
import { open, seal } from "./secret-box";
import { versionedEdit } from "./versioned";

// The integrations' settings, stored in OrganizationSettings.integrations as JSON with a version
// of their own (integrationsVersion): changing the time zone does not make an edit of them stale,
// nor the reverse. The PagerDuty signing secret is sealed (secret-box.ts); nothing here ever
// returns it.

type Stored = StoredIntegrations;

const stored = (value: unknown): Stored => StoredIntegrations.read(value, "The organisation's settings");

function toDto(s: Stored, version: number): IntegrationsDto {
  return {
    alertmanager: { serviceLabel: s.alertmanager?.serviceLabel ?? "service", severityLabel: s.alertmanager?.severityLabel ?? "severity", severityMap: { ...(s.alertmanager?.severityMap ?? DEFAULT_SEVERITY_MAP) } },
    pagerduty: { secretConfigured: Boolean(s.pagerduty?.sealedSecret), services: s.pagerduty?.services ?? {} },
    smtp: s.smtp ? { host: s.smtp.host, port: s.smtp.port, secure: s.smtp.secure, user: s.smtp.user, passwordConfigured: s.smtp.sealedPassword !== null, from: s.smtp.from } : null,
    version,
  };
}

async function row() {
  return (await prisma.organizationSettings.findUnique({ where: { id: 1 } })) ?? prisma.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
}

export async function getIntegrations(): Promise<IntegrationsDto> {
  const r = await row();
  return toDto(stored(r.integrations), r.integrationsVersion);
}

/** For the webhooks: the settings with the PagerDuty secret opened. */
export async function integrationSecrets(): Promise<{ alertmanager: IntegrationsDto["alertmanager"]; pagerduty: { secret: string | null; services: Record<string, string> } }> {
  const s = stored((await row()).integrations);
  const dto = toDto(s, 0);
  return { alertmanager: dto.alertmanager, pagerduty: { secret: s.pagerduty?.sealedSecret ? open(s.pagerduty.sealedSecret) : null, services: dto.pagerduty.services } };
}

export async function updateIntegrations(actor: Actor, input: IntegrationsUpdate): Promise<IntegrationsDto> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
    const edit = await versionedEdit(tx, { entity: "integration setting", audit: { entityType: "integrations", entityId: "1" }, storedVersion: async () => (await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { integrationsVersion: true } }))?.integrationsVersion ?? null }, before.integrationsVersion, input.version);
    const s = stored(before.integrations);
    const services = input.pagerduty?.services;
    if (services) {
      const known = new Set((await tx.service.findMany({ where: { slug: { in: Object.values(services) } }, select: { slug: true } })).map((x) => x.slug));
      const unknown = Object.entries(services).find(([, slug]) => !known.has(slug));
      if (unknown) throw ValidationError.field(`pagerduty.services.${unknown[0]}`, `No service has the slug '${unknown[1]}'`);
    }
    if (input.smtp) await assertSmtpHost(input.smtp.host);
    const next: Stored = {
      ...(input.smtp !== undefined ? { smtp: nextSmtp(s.smtp ?? null, input.smtp) } : s.smtp !== undefined ? { smtp: s.smtp } : {}),
      alertmanager: { ...s.alertmanager, ...input.alertmanager },
      pagerduty: {
        ...s.pagerduty,
        ...(services ? { services } : {}),
        ...(input.pagerduty?.secret !== undefined ? { sealedSecret: input.pagerduty.secret === null ? null : seal(input.pagerduty.secret) } : {}),
      },
    };
    await edit.write(({ version }) => tx.organizationSettings.updateMany({ where: { id: 1, integrationsVersion: version }, data: { integrations: StoredIntegrations.write(next), integrationsVersion: { increment: 1 } } }));
    const after = toDto(next, before.integrationsVersion + 1);
    // The audit trail says a secret changed, never what it is.
    const secretChange = {
      ...(input.pagerduty?.secret === undefined ? {} : { pagerdutySecret: input.pagerduty.secret === null ? "removed" : "replaced" }),
      ...(input.smtp?.password === undefined ? {} : { smtpPassword: input.smtp.password === null ? "removed" : "replaced" }),
    };
    await recordAudit(tx, actor, { action: "update", entityType: "integrations", entityId: "1", before: toDto(s, before.integrationsVersion), after: { ...after, ...secretChange } });
    return after;
  });
}

type StoredSmtp = NonNullable<Stored["smtp"]>;

/** The SMTP settings after an edit: a password left out keeps the stored one (for the same server). */
function nextSmtp(before: StoredSmtp | null, input: SmtpSettings | null): StoredSmtp | null {
  if (input === null) return null;
  const samePlace = before !== null && before.host === input.host && before.port === input.port;
  const sealedPassword = input.password === undefined ? (samePlace ? before.sealedPassword : null) : input.password === null ? null : seal(input.password);
  return { host: input.host, port: input.port, secure: input.secure, user: input.user ?? null, sealedPassword, from: input.from };
}

/** An SMTP host that is link-local or a metadata address is refused, as a probe's would be. */
async function assertSmtpHost(host: string): Promise<void> {
  try {
    await assertAllowedTarget(new URL(`smtp://${host}`), false);
  } catch (err) {
    if (err instanceof ForbiddenTargetError) throw ValidationError.field("smtp.host", `Not allowed: ${err.message}`);
    throw err;
  }
}
