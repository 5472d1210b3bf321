import { beforeAll, describe, expect, it } from "vitest";
import * as integrations from "@/app/api/v1/integrations/route";
import * as serviceItem from "@/app/api/v1/services/[slug]/route";
import * as services from "@/app/api/v1/services/route";
import * as settings from "@/app/api/v1/settings/route";
import * as tierItem from "@/app/api/v1/tiers/[id]/route";
import * as tiers from "@/app/api/v1/tiers/route";
import * as userItem from "@/app/api/v1/users/[id]/route";
import * as users from "@/app/api/v1/users/route";
import { prisma } from "@/lib/server/db";
import { ConflictError } from "@/lib/server/errors";
import { versionedEdit } from "@/lib/server/versioned";
import { call, unique } from "../support/api";
import { actorWithToken, freeTierRank } from "../support/fixtures";

// Decision 0007 for every entity with a PATCH: the version is required, a stale one is a 409 that
// names the newer change (its version, who made it, when) and overwrites nothing.

/** An admin with a name of their own, so a 409 naming them names no one else. */
async function admin(prefix: string): Promise<{ token: string; name: string }> {
  const { actor, token } = await actorWithToken("admin");
  const name = unique(prefix);
  await prisma.user.update({ where: { id: actor.userId }, data: { name } });
  return { token, name };
}

let ada: string;
let grace: string;
let adaName: string;
let graceName: string;
let startedAt: number;
beforeAll(async () => {
  startedAt = Date.now() - 1000;
  ({ token: ada, name: adaName } = await admin("Ada"));
  ({ token: grace, name: graceName } = await admin("Grace"));
});

/** The 409 a stale edit gets: the version there now, made by `who`, since the test started. */
async function expectStale(res: { status: number; body: Record<string, unknown> }, version: number, who: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(409);
  expect(res.body.issues).toEqual([{ path: "version", message: "stale version" }]);
  expect(res.body.current).toEqual({ version, changedBy: who, changedAt: expect.any(String) });
  const at = Date.parse((res.body.current as { changedAt: string }).changedAt);
  expect(at).toBeGreaterThanOrEqual(startedAt);
  expect(at).toBeLessThanOrEqual(Date.now());
  expect(res.body.message).toContain(`by ${who} since you read it`);
}

describe("a stale edit names the newer change", () => {
  it("services", async () => {
    const slug = unique("versioned");
    expect((await call(services.POST, { method: "POST", token: ada, body: { slug, name: "Original", tier: 1 } })).status).toBe(201);
    expect((await call(serviceItem.PATCH, { method: "PATCH", token: grace, params: { slug }, body: { name: "Grace's", version: 1 } })).status).toBe(200);
    await expectStale(await call(serviceItem.PATCH, { method: "PATCH", token: ada, params: { slug }, body: { name: "Ada's", version: 1 } }), 2, graceName);
    expect((await call(serviceItem.GET, { token: ada, params: { slug } })).body).toMatchObject({ name: "Grace's", version: 2 });
  });

  it("tiers", async () => {
    const created = await call(tiers.POST, { method: "POST", token: ada, body: { rank: await freeTierRank(), name: unique("Tier"), sloTarget: 0.99 } });
    const id = created.body.id as string;
    expect((await call(tierItem.PATCH, { method: "PATCH", token: grace, params: { id }, body: { description: "Grace's", version: 1 } })).status).toBe(200);
    await expectStale(await call(tierItem.PATCH, { method: "PATCH", token: ada, params: { id }, body: { description: "Ada's", version: 1 } }), 2, graceName);
    expect((await call(tierItem.GET, { token: ada, params: { id } })).body).toMatchObject({ description: "Grace's", version: 2 });
  });

  it("the organisation's settings and the integration settings, each with a version of its own", async () => {
    const s = (await call(settings.GET, { token: ada })).body;
    const i = (await call(integrations.GET, { token: ada })).body;
    // Edits that leave every value as it was (other tests read these settings) still count as edits.
    const sameSettings = { probeRetentionDays: s.probeRetentionDays };
    const sameIntegrations = { alertmanager: { serviceLabel: i.alertmanager.serviceLabel } };
    const settingsEdit = await call(settings.PATCH, { method: "PATCH", token: grace, body: { ...sameSettings, version: s.version } });
    expect(settingsEdit.body.version).toBe(s.version + 1);
    // The integrations were not changed by that: an edit based on their version read before applies.
    const integrationsEdit = await call(integrations.PATCH, { method: "PATCH", token: grace, body: { ...sameIntegrations, version: i.version } });
    expect(integrationsEdit.status, JSON.stringify(integrationsEdit.body)).toBe(200);
    expect(integrationsEdit.body.version).toBe(i.version + 1);
    expect((await call(settings.GET, { token: ada })).body.version).toBe(s.version + 1);

    await expectStale(await call(settings.PATCH, { method: "PATCH", token: ada, body: { ...sameSettings, version: s.version } }), s.version + 1, graceName);
    await expectStale(await call(integrations.PATCH, { method: "PATCH", token: ada, body: { ...sameIntegrations, version: i.version } }), i.version + 1, graceName);
  });

  it("users: the PATCH requires the version, returns the next one, and refuses a stale one", async () => {
    const email = `${unique("versioned")}@example.test`;
    const created = await call(users.POST, { method: "POST", token: ada, body: { name: "Versioned User", email, password: "a long enough password", role: "viewer" } });
    expect(created.body.version).toBe(1);
    const id = created.body.id as string;
    const without = await call(userItem.PATCH, { method: "PATCH", token: ada, params: { id }, body: { role: "editor" } });
    expect(without.status).toBe(400);
    expect(without.body.issues).toEqual([{ path: "version", message: expect.any(String) }]);

    const promoted = await call(userItem.PATCH, { method: "PATCH", token: grace, params: { id }, body: { role: "editor", version: 1 } });
    expect(promoted.body).toMatchObject({ role: "editor", version: 2 });
    const listed = (await call(users.GET, { token: ada })).body.users.find((u: { id: string }) => u.id === id);
    expect(listed).toMatchObject({ role: "editor", version: 2 });

    await expectStale(await call(userItem.PATCH, { method: "PATCH", token: ada, params: { id }, body: { disabled: true, version: 1 } }), 2, graceName);
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).disabledAt).toBeNull();
    // A password change alone is a change too: the stale edit after it names it.
    expect((await call(userItem.PATCH, { method: "PATCH", token: ada, params: { id }, body: { password: "another long password", version: 2 } })).body.version).toBe(3);
    await expectStale(await call(userItem.PATCH, { method: "PATCH", token: grace, params: { id }, body: { name: "Renamed", version: 2 } }), 3, adaName);
  });
});

describe("edits racing each other", () => {
  it("an edit whose row changes between its read and its write is refused like a stale one", async () => {
    const created = await call(tiers.POST, { method: "POST", token: ada, body: { rank: await freeTierRank(), name: unique("Race"), sloTarget: 0.99 } });
    const id = created.body.id as string;
    const refused = prisma.$transaction(async (tx) => {
      const before = await tx.tier.findUniqueOrThrow({ where: { id } });
      const edit = await versionedEdit(tx, { entity: "tier", audit: { entityType: "tier", entityId: id }, storedVersion: async () => (await tx.tier.findUnique({ where: { id } }))?.version ?? null }, before.version, 1);
      // Grace's edit commits on another connection after this one read version 1.
      expect((await call(tierItem.PATCH, { method: "PATCH", token: grace, params: { id }, body: { description: "Grace's", version: 1 } })).status).toBe(200);
      await edit.write(({ version }) => tx.tier.updateMany({ where: { id, version }, data: { description: "lost", version: { increment: 1 } } }));
    });
    const error = await refused.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toEqual({ version: 2, changedBy: graceName, changedAt: expect.any(String) });
    expect((await call(tierItem.GET, { token: ada, params: { id } })).body).toMatchObject({ description: "Grace's", version: 2 });
  });

  it("six edits of the same version at once: one applies, every other one is a 409 naming it", async () => {
    const created = await call(tiers.POST, { method: "POST", token: ada, body: { rank: await freeTierRank(), name: unique("Race"), sloTarget: 0.99 } });
    const id = created.body.id as string;
    const racers = [await admin("Racer"), await admin("Racer")];
    const edits = await Promise.all(
      Array.from({ length: 6 }, (_, n) => call(tierItem.PATCH, { method: "PATCH", token: (racers[n % 2] as { token: string }).token, params: { id }, body: { description: `edit ${n}`, version: 1 } })),
    );
    const applied = edits.filter((e) => e.status === 200);
    expect(applied).toHaveLength(1);
    const winner = await call(tierItem.GET, { token: ada, params: { id } });
    expect(winner.body).toMatchObject({ version: 2, description: applied[0]?.body.description });
    const winnerName = (await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "tier", entityId: id, action: "update" }, include: { actor: true } })).actor?.name;
    expect(racers.map((r) => r.name)).toContain(winnerName);
    for (const refused of edits.filter((e) => e.status !== 200)) await expectStale(refused, 2, winnerName as string);
  });
});
