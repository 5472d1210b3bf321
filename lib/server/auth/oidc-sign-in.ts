import "server-only";
import { adminLossProblem } from "./admin-guard";
import { groupsFromClaims, roleFromGroups } from "@/lib/domain/oidc-roles";
import { Email } from "@/lib/schemas/user";
import { recordAudit } from "@/lib/server/audit";
import { prisma } from "@/lib/server/db";
import { toUserDto } from "@/lib/server/users";
import type { SystemActor } from "./actor";
import type { OidcConfig } from "./oidc-config";
import { SESSION_MAX_AGE_SECONDS } from "./sessions";
import { auditRefusedOidcSignIn, type SignInRefusal } from "./sign-in-refusals";

/** Why a verified sign-in at the identity provider does not let the person into Nines. */
export type OidcRefusal = Exclude<SignInRefusal, "local_passwords_off">;

export type OidcSignInResult = { ok: true; userId: string; sessionId: string; role: "viewer" | "editor" | "admin"; created: boolean } | { ok: false; reason: OidcRefusal };

/** The audit trail's name for what the identity provider does to accounts. */
const PROVIDER: SystemActor = { kind: "system", userId: null, label: "identity provider", role: "admin", name: "Identity provider", email: "" };

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

/**
 * A person the identity provider vouched for (the ID token's signature, issuer, audience, nonce
 * and expiry already checked by next-auth's openid-client) becomes a Nines session: their account
 * found by issuer and subject, else linked by a verified e-mail, else created without a password;
 * their role set from their groups at every sign-in. One transaction: no account is half made.
 * A refusal writes nothing but its audit event (sign-in-refusals.ts).
 */
export async function signInWithOidc(config: OidcConfig, claims: Record<string, unknown>, userAgent: string): Promise<OidcSignInResult> {
  const result = await admit(config, claims, userAgent);
  if (!result.ok) await auditRefusedOidcSignIn(config, claims, result.reason);
  return result;
}

async function admit(config: OidcConfig, claims: Record<string, unknown>, userAgent: string): Promise<OidcSignInResult> {
  const subject = text(claims.sub);
  if (!subject) throw new Error("The ID token has no subject");
  const decision = roleFromGroups(groupsFromClaims(claims, config.groupsClaim), config.groups, config.defaultRole);
  if ("refused" in decision) return { ok: false, reason: decision.refused };
  const role = decision.role;
  const parsedEmail = Email.safeParse(claims.email);
  const email = parsedEmail.success ? parsedEmail.data : null;

  return prisma.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { oidcIssuer_oidcSubject: { oidcIssuer: config.issuer, oidcSubject: subject } } });
    let created = false;
    if (!user) {
      if (!email) return { ok: false, reason: "no_email" } as const;
      const local = await tx.user.findUnique({ where: { email } });
      if (local) {
        // Linking hands the account to whoever controls this address at the provider: only if
        // the provider says it checked the address.
        if (claims.email_verified !== true) return { ok: false, reason: "email_unverified" } as const;
        if (local.oidcSubject) return { ok: false, reason: "linked_elsewhere" } as const;
        if (local.disabledAt) return { ok: false, reason: "disabled" } as const;
        user = await tx.user.update({ where: { id: local.id }, data: { oidcIssuer: config.issuer, oidcSubject: subject, version: { increment: 1 } } });
        await recordAudit(tx, PROVIDER, { action: "link_identity", entityType: "user", entityId: user.id, after: { email, issuer: config.issuer, subject } });
      } else {
        const name = (text(claims.name) ?? text(claims.preferred_username) ?? email).slice(0, 200);
        user = await tx.user.create({ data: { email, name, role, passwordHash: null, oidcIssuer: config.issuer, oidcSubject: subject } });
        created = true;
        await recordAudit(tx, PROVIDER, { action: "create", entityType: "user", entityId: user.id, after: { ...toUserDto(user), issuer: config.issuer } });
      }
    }
    if (user.disabledAt) return { ok: false, reason: "disabled" } as const;

    let newRole = role;
    if (user.role !== role) {
      // The provider decides the role, but Nines keeps an active admin, and a local one while
      // local passwords are off: such an admin is not demoted (the rule users.ts applies too).
      const kept = user.role === "admin" ? await adminLossProblem(tx, user.id) : null;
      if (kept) newRole = "admin";
      const before = toUserDto(user);
      if (newRole !== user.role) {
        user = await tx.user.update({ where: { id: user.id }, data: { role: newRole, version: { increment: 1 } } });
        await recordAudit(tx, PROVIDER, { action: "update", entityType: "user", entityId: user.id, before, after: { ...toUserDto(user), reason: decision.matched ? `group ${decision.matched}` : "default role" } });
      } else {
        await recordAudit(tx, PROVIDER, { action: "role_kept", entityType: "user", entityId: user.id, after: { role: "admin", providerRole: role, reason: kept } });
      }
    }
    await tx.user.update({ where: { id: user.id }, data: { oidcSignedInAt: new Date() } });
    const session = await tx.session.create({
      data: { userId: user.id, userAgent: userAgent.slice(0, 300), expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) },
    });
    return { ok: true, userId: user.id, sessionId: session.id, role: newRole, created } as const;
  });
}
