import "server-only";
import { DEFAULT_TIERS } from "@/lib/schemas/tier";
import type { SetupInput } from "@/lib/schemas/user";
import type { Actor } from "./auth/actor";
import { hashPassword } from "./auth/password";
import { hashTokenSecret, tokenDisplayPrefix } from "./auth/token-secret";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import { ConflictError } from "./errors";
import { toUserDto } from "./users";
import type { UserDto } from "@/lib/dto/users";


const SYSTEM_LOCK = 7_363_001; // pg advisory lock key serialising first-run work

async function lock(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SYSTEM_LOCK})`;
}

/** Creates the organisation row and default tiers exactly once per database. */
export async function ensureDefaults(): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lock(tx);
    const settings = await tx.organizationSettings.findUnique({ where: { id: 1 } });
    if (settings?.initializedAt) return;
    for (const tier of DEFAULT_TIERS) {
      const exists = await tx.tier.findUnique({ where: { rank: tier.rank } });
      if (!exists) {
        const row = await tx.tier.create({ data: { ...tier, sloWindow: "rolling:30d" } });
        await recordAudit(tx, null, { action: "create", entityType: "tier", entityId: row.id, after: row });
      }
    }
    await tx.organizationSettings.upsert({
      where: { id: 1 },
      create: { id: 1, initializedAt: new Date() },
      update: { initializedAt: new Date() },
    });
  });
}

/** BOOTSTRAP_ADMIN_EMAIL / _PASSWORD and BOOTSTRAP_API_TOKEN, for scripts and tests. */
export async function applyEnvironmentBootstrap(env: Record<string, string | undefined> = process.env): Promise<void> {
  const email = env.BOOTSTRAP_ADMIN_EMAIL?.trim().toLowerCase();
  const password = env.BOOTSTRAP_ADMIN_PASSWORD;
  const token = env.BOOTSTRAP_API_TOKEN;
  if (!email && !token) return;
  const passwordHash = email && password ? await hashPassword(password) : null;
  await prisma.$transaction(async (tx) => {
    await lock(tx);
    let admin = email ? await tx.user.findUnique({ where: { email } }) : null;
    if (email && !admin && passwordHash) {
      admin = await tx.user.create({ data: { email, name: "Administrator", role: "admin", passwordHash } });
      await recordAudit(tx, null, { action: "create", entityType: "user", entityId: admin.id, after: toUserDto(admin) });
    }
    admin ??= await tx.user.findFirst({ where: { role: "admin", disabledAt: null }, orderBy: { createdAt: "asc" } });
    // With no admin yet, the token is registered when the setup page creates one.
    if (token && admin) await registerBootstrapToken(tx, admin.id, token);
  });
}

async function registerBootstrapToken(tx: Tx, adminId: string, token: string): Promise<void> {
  const tokenHash = hashTokenSecret(token);
  if (await tx.apiToken.findUnique({ where: { tokenHash } })) return;
  const row = await tx.apiToken.create({
    data: { name: "bootstrap", role: "admin", userId: adminId, tokenHash, prefix: tokenDisplayPrefix(token) },
  });
  await recordAudit(tx, null, { action: "create", entityType: "api_token", entityId: row.id, after: { name: row.name, role: row.role } });
}

let bootstrapped: Promise<void> | null = null;

/** Idempotent first-run work; retried on the next call if the database was not ready. */
export function ensureBootstrap(): Promise<void> {
  bootstrapped ??= (async () => {
    await ensureDefaults();
    await applyEnvironmentBootstrap();
  })().catch((err: unknown) => {
    bootstrapped = null;
    throw err;
  });
  return bootstrapped;
}

let setupDone = false;

/** True while the database has no users: only the setup page is reachable then. */
export async function needsSetup(): Promise<boolean> {
  if (setupDone) return false;
  await ensureBootstrap();
  setupDone = (await prisma.user.count()) > 0;
  return !setupDone;
}

export async function setupFirstAdmin(input: SetupInput): Promise<UserDto> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    await lock(tx);
    if ((await tx.user.count()) > 0) throw new ConflictError("Nines is already set up; sign in instead");
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: "admin", passwordHash } });
    const actor: Actor = { kind: "user", userId: user.id, label: user.email, role: "admin", name: user.name, email: user.email };
    await recordAudit(tx, actor, { action: "create", entityType: "user", entityId: user.id, after: toUserDto(user) });
    if (process.env.BOOTSTRAP_API_TOKEN) await registerBootstrapToken(tx, user.id, process.env.BOOTSTRAP_API_TOKEN);
    return toUserDto(user);
  });
}
