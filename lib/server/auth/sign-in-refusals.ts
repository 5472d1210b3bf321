import "server-only";
import { groupsFromClaims } from "@/lib/domain/oidc-roles";
import { recordAudit } from "@/lib/server/audit";
import { prisma } from "@/lib/server/db";
import type { SystemActor } from "./actor";
import type { OidcConfig } from "./oidc-config";
import { firstRefusalThisMinute } from "./sign-in-limits";

/** Why a sign-in that proved who the person is (at the identity provider, or by a right password) was refused. */
export type SignInRefusal = "no_group" | "no_email" | "email_unverified" | "disabled" | "linked_elsewhere" | "local_passwords_off";

/** The reason in the audit trail's words, for the admin reading it. */
const WHY: Record<SignInRefusal, string> = {
  no_group: "In none of the groups that give a role, and no default role is set",
  no_email: "The identity provider sent no e-mail address, which a new account needs",
  email_unverified: "An account has this e-mail address, and the identity provider has not verified it, so it was not linked",
  disabled: "The account is disabled",
  linked_elsewhere: "The account with this e-mail address is linked to another identity at the provider",
  local_passwords_off: "Local passwords are off, and only admins may still use theirs",
};

const system = (label: string, name: string): SystemActor => ({ kind: "system", userId: null, label, role: "admin", name, email: "" });
/** The same actor as the provider's other changes to accounts (oidc-sign-in.ts). */
const PROVIDER = system("identity provider", "Identity provider");
const PASSWORD = system("password sign-in", "Password sign-in");

const text = (v: unknown, max: number): string | null => (typeof v === "string" && v.trim() ? v.trim().slice(0, max) : null);

/**
 * Records a sign-in through the identity provider that Nines refused: who (the provider's subject
 * and what it said of the person's address, name and groups: never a token) and why, on the
 * account it concerns when there is one. At most one event a minute per person and reason
 * (sign-in-limits.ts). Nothing else is written on a refusal, so the event stands alone.
 */
export async function auditRefusedOidcSignIn(config: OidcConfig, claims: Record<string, unknown>, reason: SignInRefusal): Promise<void> {
  const subject = text(claims.sub, 255) ?? "";
  if (!(await firstRefusalThisMinute(`${config.issuer} ${subject}`, reason))) return;
  const email = text(claims.email, 320)?.toLowerCase() ?? null;
  const account =
    (await prisma.user.findUnique({ where: { oidcIssuer_oidcSubject: { oidcIssuer: config.issuer, oidcSubject: subject } }, select: { id: true } })) ??
    (email ? await prisma.user.findUnique({ where: { email }, select: { id: true } }) : null);
  // The groups the provider sent: what an admin needs to fix a mapping (at most 20, as sent).
  const groups = groupsFromClaims(claims, config.groupsClaim).slice(0, 20).map((g) => g.slice(0, 100));
  await recordAudit(prisma, PROVIDER, {
    action: "sign_in_refused",
    entityType: account ? "user" : "sign_in",
    entityId: account?.id ?? subject,
    after: { reason, why: WHY[reason], issuer: config.issuer, subject, email, emailVerified: claims.email_verified === true, name: text(claims.name, 200), groups },
  });
}

/** Records a right password refused because local passwords are off (same limit as above). */
export async function auditRefusedPasswordSignIn(user: { id: string; email: string; role: string }): Promise<void> {
  if (!(await firstRefusalThisMinute(`user ${user.id}`, "local_passwords_off"))) return;
  await recordAudit(prisma, PASSWORD, {
    action: "sign_in_refused",
    entityType: "user",
    entityId: user.id,
    after: { reason: "local_passwords_off", why: WHY.local_passwords_off, email: user.email, role: user.role },
  });
}
