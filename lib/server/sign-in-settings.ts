import "server-only";
import { lockOrganisation } from "./auth/admin-guard";
import type { SignInSettingsDto } from "@/lib/dto/sign-in";
import type { OrganizationSettings } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { localPasswordsOffIssue } from "@/lib/domain/oidc-roles";
import type { OidcSettingsInput, SignInSettingsUpdate } from "@/lib/schemas/sign-in-settings";
import { StoredOidcSettings } from "@/lib/schemas/stored";
import type { Actor } from "./auth/actor";
import { OIDC_PROVIDER_ID, oidcConfigFromEnv } from "./auth/oidc-config";
import { forgetOidcDiscovery } from "./auth/oidc-discovery";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import { ValidationError } from "./errors";
import { seal } from "./secret-box";
import { versionedEdit } from "./versioned";

// How people sign in (admin): OpenID Connect stored in Settings (its client secret sealed, never
// shown) and whether local passwords are allowed. Stored settings win over NINES_OIDC_* (decision 0032).

export function redirectUri(): string {
  return `${(process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "")}/api/auth/callback/${OIDC_PROVIDER_ID}`;
}

function activeAdminsWithPassword(tx: Tx | typeof prisma): Promise<number> {
  return tx.user.count({ where: { role: "admin", disabledAt: null, passwordHash: { not: null } } });
}

function toDto(s: OrganizationSettings, adminsWithPassword: number): SignInSettingsDto {
  const stored = s.oidc == null ? null : StoredOidcSettings.read(s.oidc, "The organisation's settings");
  const env = oidcConfigFromEnv();
  return {
    localPasswords: s.localPasswords,
    adminsWithPassword,
    source: stored ? (stored.enabled ? "settings" : "none") : env ? "environment" : "none",
    redirectUri: redirectUri(),
    oidc: stored && {
      enabled: stored.enabled,
      issuer: stored.issuer,
      clientId: stored.clientId,
      secretConfigured: stored.sealedSecret !== null,
      displayName: stored.displayName,
      groupsClaim: stored.groupsClaim,
      scopes: stored.scopes,
      groups: stored.groups,
      defaultRole: stored.defaultRole,
    },
    environment: env && { issuer: env.issuer, clientId: env.clientId, displayName: env.displayName, groupsClaim: env.groupsClaim, scopes: env.scopes, groups: env.groups, defaultRole: env.defaultRole },
    version: s.version,
  };
}

export async function getSignInSettings(): Promise<SignInSettingsDto> {
  const row = await prisma.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  return toDto(row, await activeAdminsWithPassword(prisma));
}

function storedOidc(input: OidcSettingsInput, before: StoredOidcSettings | null): StoredOidcSettings {
  // A secret left out is kept only for the same client at the same issuer: it is not sent elsewhere.
  const same = before && before.issuer === input.issuer && before.clientId === input.clientId;
  const sealedSecret = input.clientSecret === undefined ? (same ? before.sealedSecret : null) : input.clientSecret === null ? null : seal(input.clientSecret);
  const { clientSecret: _secret, ...rest } = input;
  return { ...rest, sealedSecret };
}

export async function updateSignInSettings(actor: Actor, input: SignInSettingsUpdate): Promise<SignInSettingsDto> {
  const saved = await prisma.$transaction(async (tx) => {
    const before = await tx.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
    const edit = await versionedEdit(tx, { entity: "setting", audit: { entityType: "settings", entityId: "1" }, storedVersion: async () => (await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { version: true } }))?.version ?? null }, before.version, input.version);
    // The organisation's row is locked before the admins are counted: a demotion or disabling
    // checking the same rule (auth/admin-guard.ts) waits for this transaction.
    await lockOrganisation(tx);
    const admins = await activeAdminsWithPassword(tx);
    if (input.localPasswords === false && before.localPasswords) {
      const issue = localPasswordsOffIssue(admins);
      if (issue) throw ValidationError.field("localPasswords", issue);
    }
    const beforeOidc = before.oidc == null ? null : StoredOidcSettings.read(before.oidc, "The organisation's settings");
    const oidc = input.oidc === undefined ? undefined : input.oidc === null ? Prisma.DbNull : StoredOidcSettings.write(storedOidc(input.oidc, beforeOidc));
    await edit.write(({ version }) => tx.organizationSettings.updateMany({ where: { id: 1, version }, data: { oidc, localPasswords: input.localPasswords, version: { increment: 1 } } }));
    const after = toDto(await tx.organizationSettings.findUniqueOrThrow({ where: { id: 1 } }), admins);
    // The trail says the secret changed, never what it is.
    const secret = input.oidc?.clientSecret === undefined ? {} : { clientSecret: input.oidc.clientSecret === null ? "removed" : "replaced" };
    const beforeDto = toDto(before, admins);
    const pick = (d: SignInSettingsDto) => ({ localPasswords: d.localPasswords, source: d.source, oidc: d.oidc });
    await recordAudit(tx, actor, { action: "update_sign_in", entityType: "settings", entityId: "1", before: pick(beforeDto), after: { ...pick(after), ...secret } });
    return after;
  });
  // The provider's kept discovery document goes with the old settings (other processes see the
  // row's new version and read it again too).
  forgetOidcDiscovery();
  return saved;
}
