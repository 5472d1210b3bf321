import { beforeAll, afterAll, describe, expect, it } from "vitest";
import * as lift from "@/app/api/v1/freezes/[id]/lift/route";
import * as channels from "@/app/api/v1/notification-channels/route";
import * as subscriptions from "@/app/api/v1/subscriptions/route";
import { prisma } from "@/lib/server/db";
import { attempt, claimDueDeliveries } from "@/lib/server/notification-scheduler";
import { evaluatePolicyOnce } from "@/lib/server/policy-evaluator";
import { call, unique } from "../support/api";
import { ownDatabaseForFile } from "../support/database";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";
import { httpReceiver, type HttpReceiver } from "../support/receivers";

// Freezes as notification events (decision 0036): written in the transaction that opens or ends
// the freeze. The policy evaluator reads every service: this file has a database of its own.
await ownDatabaseForFile();

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
let tokens: Tokens;
let receiver: HttpReceiver;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  receiver = await httpReceiver();
});
afterAll(() => receiver.close());

async function deliverDue(): Promise<void> {
  for (let round = 0; round < 50; round++) {
    const claimed = await claimDueDeliveries(100);
    if (!claimed.length) return;
    await Promise.all(claimed.map((d) => attempt(d)));
  }
}

/** A webhook channel at `path` subscribed to the freeze events with `filter`. */
async function watch(path: string, filter: Record<string, unknown>, audience: "internal" | "public" = "internal"): Promise<void> {
  const c = await call(channels.POST, { method: "POST", token: tokens.admin, body: { name: unique("freezes"), type: "webhook", audience, url: receiver.url(path) } });
  expect(c.status).toBe(201);
  expect((await call(subscriptions.POST, { method: "POST", token: tokens.admin, body: { events: ["policy.frozen", "policy.thawed"], channels: [c.body.id], ...filter } })).status).toBe(201);
}

const hooksAt = (path: string) => receiver.received.filter((r) => r.path === path).map((r) => JSON.parse(r.body) as Record<string, any>);

/** A 99.9 % service over a rolling 30 days with a two-hour full outage three days ago: its budget is spent. */
async function spentService(now: number): Promise<string> {
  const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.999, sloWindow: "rolling:30d", ownTier: true });
  const startedAt = now - 3 * DAY;
  expect((await logIncident(tokens.editor, { startedAt: new Date(startedAt).toISOString(), resolvedAt: new Date(startedAt + 2 * HOUR).toISOString(), impacts: [{ service: slug, fraction: 1 }] })).status).toBe(201);
  return slug;
}

describe("freezes as notification events", () => {
  it("a service turning frozen and an admin's lift each reach a subscribed webhook once; other tiers and public channels hear nothing", async () => {
    const now = Date.now();
    const slug = await spentService(now);
    const elsewhere = await makeService(tokens.editor, tokens.admin, { ownTier: true });
    const otherTier = (await prisma.service.findUniqueOrThrow({ where: { slug: elsewhere }, select: { tier: { select: { rank: true } } } })).tier.rank;
    await watch("/service", { services: [slug] });
    await watch("/other-tier", { tiers: [otherTier] });
    await watch("/public", {}, "public");

    await evaluatePolicyOnce(now);
    await Promise.all([evaluatePolicyOnce(now + MIN), evaluatePolicyOnce(now + MIN)]);
    await deliverDue();
    const freeze = await prisma.freeze.findFirstOrThrow({ where: { service: { slug } } });
    const [frozen, ...rest] = hooksAt("/service");
    expect(rest).toEqual([]);
    expect(frozen).toMatchObject({ event: "policy.frozen", title: `Frozen: ${slug}`, link: expect.stringMatching(new RegExp(`/services/${slug}$`)) });
    expect(frozen?.data).toEqual({ service: { slug, name: slug }, freeze: { id: freeze.id, startedAt: freeze.startedAt.toISOString(), reason: freeze.reason, recoversAt: freeze.recoversAt?.toISOString() ?? null } });
    expect(freeze.reason).toContain("availability: budget spent");
    expect(frozen?.text).toContain(`Why: ${freeze.reason}`);

    const lifted = await call(lift.POST, { method: "POST", token: tokens.admin, params: { id: freeze.id }, body: { reason: "The fix is out; watched closely" } });
    expect(lifted.status).toBe(200);
    // The lift holds at the next evaluations: nothing more to say.
    await evaluatePolicyOnce(now + 2 * MIN);
    await deliverDue();
    const events = hooksAt("/service");
    expect(events.map((e) => e.event)).toEqual(["policy.frozen", "policy.thawed"]);
    expect(events[1]).toMatchObject({ title: `Freeze lifted early: ${slug}`, data: { state: "caution", lifted: { by: lifted.body.liftedBy, reason: "The fix is out; watched closely" }, freeze: { id: freeze.id, endedAt: lifted.body.endedAt } } });
    expect(events[1]?.text).toContain(`${lifted.body.liftedBy} lifted the freeze of ${slug}`);

    expect(receiver.seen.filter((r) => r.path === "/other-tier" || r.path === "/public")).toEqual([]);
  });

  it("a freeze that ends because the budget recovered is announced once, as a thaw", async () => {
    const now = Date.now();
    const slug = await spentService(now);
    await watch("/thaw", { services: [slug] });
    await evaluatePolicyOnce(now, slug);
    // A month on, the outage has left the rolling window: the service thaws.
    const later = now + 31 * DAY;
    await Promise.all([evaluatePolicyOnce(later, slug), evaluatePolicyOnce(later, slug)]);
    await evaluatePolicyOnce(later + MIN, slug);
    await deliverDue();
    const events = hooksAt("/thaw");
    expect(events.map((e) => e.event)).toEqual(["policy.frozen", "policy.thawed"]);
    expect(events[1]).toMatchObject({ title: `Thawed: ${slug}`, data: { state: "normal", lifted: null, freeze: { endedAt: new Date(later).toISOString() } } });
  });
});
