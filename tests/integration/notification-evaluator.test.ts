import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as events from "@/app/api/v1/incidents/[id]/events/route";
import * as channels from "@/app/api/v1/notification-channels/route";
import * as risks from "@/app/api/v1/risks/route";
import * as subscriptions from "@/app/api/v1/subscriptions/route";
import { prisma } from "@/lib/server/db";
import { evaluateOnce, takeEvaluatorLease } from "@/lib/server/notification-evaluator";
import { StoredNotificationMessage } from "@/lib/schemas/stored";
import { call, unique } from "../support/api";
import { ownDatabaseForFile } from "../support/database";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";
import { httpReceiver, type HttpReceiver } from "../support/receivers";

// The evaluator reads every SLO and risk of the organisation: this file has a database of its own.
await ownDatabaseForFile();

let tokens: Tokens;
let receiver: HttpReceiver;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  receiver = await httpReceiver();
});
afterAll(() => receiver.close());

async function subscribe(eventTypes: string[], serviceSlug: string): Promise<string> {
  const c = await call(channels.POST, { method: "POST", token: tokens.admin, body: { name: unique("watch"), type: "webhook", url: receiver.url("/watch") } });
  const s = await call(subscriptions.POST, { method: "POST", token: tokens.admin, body: { events: eventTypes, services: [serviceSlug], channels: [c.body.id] } });
  expect(s.status).toBe(201);
  return c.body.id as string;
}

const messagesOf = async (channelId: string) =>
  (await prisma.delivery.findMany({ where: { channelId }, orderBy: { seq: "asc" } })).map((d) => StoredNotificationMessage.read(d.message, d.id));

/** The evaluator, run in a process of its own (as after a restart): tests/support/evaluate-once.ts. */
function evaluateInAnotherProcess(at: number): void {
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve(import.meta.dirname, "../support/evaluate-once.ts"), String(at)], { cwd: path.resolve(import.meta.dirname, "../.."), env: { ...process.env, DATABASE_POOL_SIZE: "2" }, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
}

describe("the evaluator of burn states", () => {
  it("announces a burn-state change and an exhausted budget once, across a restart and two evaluators at once; the return to ok too", async () => {
    const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: 0.9999, sloWindow: "month" });
    const channelId = await subscribe(["slo.burn_state", "slo.budget_exhausted"], slug);
    const start = Date.now() - 20 * 60_000;
    const incident = await logIncident(tokens.editor, { startedAt: new Date(start).toISOString(), impacts: [{ service: slug, fraction: 1 }] });
    const now = Date.now();
    await evaluateOnce(now);
    const first = await messagesOf(channelId);
    expect(first.map((m) => m.event)).toEqual(["slo.burn_state", "slo.budget_exhausted"]);
    expect(first[0]?.title).toMatch(new RegExp(`^Fast burn: ${slug} · availability$`));
    expect(first[0]?.data).toMatchObject({ from: "ok", to: "fast_burn" });

    // The same state seen again, by another process (a restart), and by two evaluators at once: nothing new.
    evaluateInAnotherProcess(now + 1000);
    await Promise.all([evaluateOnce(now + 2000), evaluateOnce(now + 2000)]);
    expect(await messagesOf(channelId)).toHaveLength(2);

    // Resolved; three days on, every lookback is clear: back to ok, said once; the budget stays spent.
    await call(events.POST, { method: "POST", token: tokens.editor, params: { id: incident.body.reference }, body: { type: "resolved", message: "ok" } });
    const later = Date.now() + 3 * 86_400_000 + 60_000;
    await Promise.all([evaluateOnce(later), evaluateOnce(later)]);
    evaluateInAnotherProcess(later + 1000);
    const all = await messagesOf(channelId);
    expect(all.map((m) => [m.event, m.data.to ?? null])).toEqual([
      ["slo.burn_state", "fast_burn"],
      ["slo.budget_exhausted", null],
      ["slo.burn_state", "ok"],
    ]);
  });

  it("one process at a time holds the evaluator's turn", async () => {
    await prisma.watchState.deleteMany({ where: { key: "lease:evaluator" } });
    expect(await takeEvaluatorLease(55)).toBe(true);
    expect(await takeEvaluatorLease(55)).toBe(false);
    await prisma.watchState.update({ where: { key: "lease:evaluator" }, data: { updatedAt: new Date(Date.now() - 60_000) } });
    expect(await takeEvaluatorLease(55)).toBe(true);
  });
});

describe("the evaluator of risk reviews", () => {
  it("says when a review falls due and when it falls overdue, once each", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const channelId = await subscribe(["risk.review_due"], slug);
    const created = await call(risks.POST, {
      method: "POST",
      token: tokens.editor,
      body: { title: unique("Certificate expiry"), service: slug, owner: "Ada", inherent: { likelihood: "B", consequence: 4 }, current: { likelihood: "B", consequence: 4 }, target: { likelihood: "D", consequence: 2 } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const due = Date.parse(created.body.reviewDueAt as string);
    await evaluateOnce(due - 3 * 86_400_000); // not yet due: nothing
    // A state an older version stored (schemaVersion 1) moves like any other: the compare-and-set compares what was read.
    await prisma.watchState.create({ data: { key: `risk:${created.body.id}`, state: { kind: "risk", review: "not_due", schemaVersion: 1 } } });
    await evaluateOnce(due - 3_600_000); // due within a day
    await evaluateOnce(due - 1_800_000);
    await evaluateOnce(due + 3_600_000); // overdue
    await evaluateOnce(due + 7_200_000);
    const messages = await messagesOf(channelId);
    expect(messages.map((m) => m.title)).toEqual([`Risk review due: ${created.body.reference} ${created.body.title}`, `Risk review overdue: ${created.body.reference} ${created.body.title}`]);
  });
});
