import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as channelItem from "@/app/api/v1/notification-channels/[id]/route";
import * as channelTest from "@/app/api/v1/notification-channels/[id]/test/route";
import * as deliveries from "@/app/api/v1/notification-channels/[id]/deliveries/route";
import * as channels from "@/app/api/v1/notification-channels/route";
import * as events from "@/app/api/v1/incidents/[id]/events/route";
import * as incidentItem from "@/app/api/v1/incidents/[id]/route";
import * as integrations from "@/app/api/v1/integrations/route";
import * as subscriptionItem from "@/app/api/v1/subscriptions/[id]/route";
import * as subscriptions from "@/app/api/v1/subscriptions/route";
import { prisma } from "@/lib/server/db";
import { attempt, claimDueDeliveries } from "@/lib/server/notification-scheduler";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";
import { httpReceiver, smtpSink, type HttpReceiver } from "../support/receivers";

let tokens: Tokens;
let receiver: HttpReceiver;
let sink: Awaited<ReturnType<typeof smtpSink>>;

beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  receiver = await httpReceiver();
  sink = await smtpSink();
  const read = await call(integrations.GET, { token: tokens.admin });
  const set = await call(integrations.PATCH, { method: "PATCH", token: tokens.admin, body: { smtp: { host: "127.0.0.1", port: sink.port, secure: false, from: "nines@example.test" }, version: read.body.version } });
  expect(set.status).toBe(200);
  expect(set.body.smtp).toEqual({ host: "127.0.0.1", port: sink.port, secure: false, user: null, passwordConfigured: false, from: "nines@example.test" });
});

afterAll(async () => {
  const read = await call(integrations.GET, { token: tokens.admin });
  await call(integrations.PATCH, { method: "PATCH", token: tokens.admin, body: { smtp: null, version: read.body.version } });
  await receiver.close();
  await sink.close();
});

async function channel(body: Record<string, unknown>) {
  const res = await call(channels.POST, { method: "POST", token: tokens.admin, body: { name: unique("channel"), ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; secret: string | null; name: string };
}

/** Sends everything due, as the scheduler does, until nothing is left due (in this test's channels). */
async function deliverDue(): Promise<void> {
  for (let round = 0; round < 50; round++) {
    const claimed = await claimDueDeliveries(100);
    if (!claimed.length) return;
    await Promise.all(claimed.map((d) => attempt(d)));
  }
}

/** Email headers as one line each (long ones are folded onto the next lines). */
const unfold = (raw: string) => raw.replace(/\r?\n[ \t]+/g, " ");
const bodiesAt = (path: string) => receiver.received.filter((r) => r.path === path).map((r) => ({ ...r, json: JSON.parse(r.body) as Record<string, any> }));

describe("notifications of an incident", () => {
  it("reach each channel once, signed; private updates reach no public channel and no email of the public", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const service = await prisma.service.findUniqueOrThrow({ where: { slug } });
    const internal = await channel({ type: "webhook", audience: "internal", url: receiver.url("/internal") });
    const pub = await channel({ type: "webhook", audience: "public", url: receiver.url("/public") });
    const slack = await channel({ type: "slack", audience: "internal", url: receiver.url("/slack/T000/B000/XXXX") });
    const email = await channel({ type: "email", audience: "internal", to: ["oncall@example.test"] });
    const publicEmail = await channel({ type: "email", audience: "public", to: ["customers@example.test"] });
    expect(internal.secret).toMatch(/^nsec_/);
    expect(slack.secret).toBeNull();
    const sub = await call(subscriptions.POST, {
      method: "POST",
      token: tokens.admin,
      body: { events: ["incident.declared", "incident.updated", "incident.milestone", "incident.resolved"], services: [slug], channels: [internal.id, pub.id, slack.id, email.id, publicEmail.id] },
    });
    expect(sub.status).toBe(201);
    expect(sub.body.services).toEqual([{ id: service.id, name: service.name, slug }]);

    const secretTitle = unique("Database primary lost quorum");
    const declared = await logIncident(tokens.editor, { title: secretTitle, severity: "SEV1", startedAt: new Date(Date.now() - 60_000).toISOString(), summary: "internal summary: the primary in rack 4", impacts: [{ service: slug, fraction: 1 }] });
    expect(declared.status).toBe(201);
    const ref = declared.body.reference as string;
    const privateText = unique("private: customer ACME's data was at risk");
    const publicText = unique("We have identified the cause and are restoring service");
    expect((await call(events.POST, { method: "POST", token: tokens.editor, params: { id: ref }, body: { type: "update", message: privateText } })).status).toBe(201);
    expect((await call(events.POST, { method: "POST", token: tokens.editor, params: { id: ref }, body: { type: "update", message: publicText, public: true } })).status).toBe(201);
    expect((await call(events.POST, { method: "POST", token: tokens.editor, params: { id: ref }, body: { type: "resolved", message: "fixed" } })).status).toBe(201);
    await deliverDue();

    // The internal webhook: each event once, in order, each signed over "t.body" byte for byte.
    const got = bodiesAt("/internal");
    expect(got.map((r) => r.json.event)).toEqual(["incident.declared", "incident.updated", "incident.updated", "incident.resolved"]);
    expect(new Set(got.map((r) => r.json.id)).size).toBe(4);
    for (const r of got) {
      const sig = String(r.headers["x-nines-signature"]);
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig) ?? [];
      expect(createHmac("sha256", internal.secret as string).update(`${t}.${r.body}`).digest("hex")).toBe(v1);
      expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(120);
      expect(r.headers["x-nines-delivery"]).toBe(r.json.id);
      expect(r.headers["idempotency-key"]).toBe(r.json.id);
    }
    expect(got[0]?.json.data.incident).toMatchObject({ reference: ref, title: secretTitle, severity: "SEV1", services: [service.name] });
    expect(got[1]?.json.text).toBe(privateText);
    expect(got[2]?.json.text).toBe(publicText);

    // The public webhook: the public title, the public update, the resolution; nothing internal.
    const publicBodies = bodiesAt("/public");
    expect(publicBodies.map((r) => r.json.event)).toEqual(["incident.declared", "incident.updated", "incident.resolved"]);
    // No status page component lists the service: the public are not told its (internal) name.
    expect(publicBodies[0]?.json.title).toBe("Declared: Investigating an issue with our services");
    expect(publicBodies[1]?.json.text).toBe(publicText);
    for (const r of publicBodies) {
      for (const secret of [secretTitle, privateText, "internal summary", "SEV1", ref, service.name]) expect(r.body).not.toContain(secret);
    }

    // Slack: Block Kit, the title in bold, the idempotency key in the context line.
    const slackBodies = bodiesAt("/slack/T000/B000/XXXX");
    expect(slackBodies).toHaveLength(4);
    expect(slackBodies[0]?.json.blocks[0].text.text).toContain(`*Declared: ${ref} ${secretTitle}*`);
    expect(slackBodies[0]?.json.blocks.at(-1).elements[0].text).toMatch(/id [0-9a-f-]{36}$/);

    // Email: four to the team, with the key as the Message-ID; to the public, none of the private ones.
    const team = sink.mails.filter((m) => m.to.includes("oncall@example.test"));
    expect(team.map((m) => /^Subject: (.*)$/m.exec(unfold(m.raw))?.[1])).toEqual([`[Nines] Declared: ${ref} ${secretTitle}`, `[Nines] Update: ${ref} ${secretTitle}`, `[Nines] Update: ${ref} ${secretTitle}`, `[Nines] Resolved: ${ref} ${secretTitle}`]);
    for (const m of team) expect(m.raw).toMatch(/^Message-ID: <[0-9a-f-]{36}@nines>$/m);
    const outside = sink.mails.filter((m) => m.to.includes("customers@example.test"));
    expect(outside).toHaveLength(3);
    for (const m of outside) for (const secret of [secretTitle, privateText, "internal summary"]) expect(m.raw).not.toContain(secret);

    // Each channel counts what it delivered; its log shows each attempt.
    const listed = await call(channelItem.GET, { token: tokens.admin, params: { id: internal.id } });
    expect(listed.body).toMatchObject({ delivered: 4, pending: 0, failed: 0, lastError: null });
    const log = await call(deliveries.GET, { token: tokens.admin, params: { id: internal.id } });
    expect(log.body.total).toBe(4);
    expect(log.body.deliveries.every((d: { log: unknown[]; status: string }) => d.status === "delivered" && d.log.length === 1)).toBe(true);

    // A change of severity is news for the team, never for the public.
    const now = await call(incidentItem.GET, { token: tokens.viewer, params: { id: ref } });
    expect((await call(incidentItem.PATCH, { method: "PATCH", token: tokens.editor, params: { id: ref }, body: { severity: "SEV2", version: now.body.version } })).status).toBe(200);
    await deliverDue();
    expect(bodiesAt("/internal").at(-1)?.json.text).toBe("Severity changed from SEV1 to SEV2.");
    expect(bodiesAt("/public")).toHaveLength(3);

    await call(subscriptionItem.DELETE, { method: "DELETE", token: tokens.admin, params: { id: sub.body.id } });
    for (const c of [internal, pub, slack, email, publicEmail]) await call(channelItem.DELETE, { method: "DELETE", token: tokens.admin, params: { id: c.id } });
  });
});

describe("channels refuse what they cannot send to", () => {
  it("names the field of a bad URL, a metadata address, missing addresses and a bad SMTP host", async () => {
    const post = (body: Record<string, unknown>) => call(channels.POST, { method: "POST", token: tokens.admin, body: { name: unique("bad"), ...body } });
    expect((await post({ type: "webhook", url: "not a url" })).body.issues[0]).toMatchObject({ path: "url" });
    expect((await post({ type: "webhook", url: "http://169.254.169.254/latest" })).body.issues[0]).toMatchObject({ path: "url", message: expect.stringContaining("link-local or metadata") });
    expect((await post({ type: "webhook", url: "http://metadata.google.internal/x" })).status).toBe(400);
    expect((await post({ type: "email" })).body.issues[0]).toMatchObject({ path: "to" });
    expect((await post({ type: "email", to: ["not-an-address"] })).body.issues[0]).toMatchObject({ path: "to.0" });
    expect((await post({ type: "sms", url: "https://x.example" })).body.issues[0]).toMatchObject({ path: "type" });
    expect((await call(channels.POST, { method: "POST", token: tokens.editor, body: { name: "x", type: "webhook", url: "https://x.example" } })).status).toBe(403);
    const read = await call(integrations.GET, { token: tokens.admin });
    const smtp = await call(integrations.PATCH, { method: "PATCH", token: tokens.admin, body: { smtp: { host: "smtp example", port: 25, secure: false, from: "a@b.test" }, version: read.body.version } });
    expect(smtp.body.issues[0]).toMatchObject({ path: "smtp.host" });
    const port = await call(integrations.PATCH, { method: "PATCH", token: tokens.admin, body: { smtp: { host: "smtp.example.test", port: 0, secure: false, from: "a@b.test" }, version: read.body.version } });
    expect(port.body.issues[0]).toMatchObject({ path: "smtp.port" });
    const sub = await call(subscriptions.POST, { method: "POST", token: tokens.admin, body: { events: ["incident.declared"], channels: ["no-such-channel"] } });
    expect(sub.body.issues[0]).toMatchObject({ path: "channels.0" });
    const event = await call(subscriptions.POST, { method: "POST", token: tokens.admin, body: { events: ["incident.exploded"], channels: ["x"] } });
    expect(event.body.issues[0]).toMatchObject({ path: "events.0" });
  });

  it("a test message says at once what the receiver answered; one that hangs is cut at the timeout", async () => {
    const ok = await channel({ type: "webhook", url: receiver.url("/test-ok") });
    const sent = await call(channelTest.POST, { method: "POST", token: tokens.admin, params: { id: ok.id } });
    expect(sent.body).toMatchObject({ delivered: true, delivery: { event: "test", status: "delivered", attempts: 1 } });
    receiver.mode = "hang";
    try {
      const started = Date.now();
      const hung = await call(channelTest.POST, { method: "POST", token: tokens.admin, params: { id: ok.id } });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(hung.body).toMatchObject({ delivered: false, delivery: { status: "failed", lastError: "no answer within 10 s" } });
    } finally {
      receiver.mode = "ok";
    }
    await call(channelItem.DELETE, { method: "DELETE", token: tokens.admin, params: { id: ok.id } });
  });
});

describe("retries", () => {
  it("tries a refused delivery again with backoff, under the same key, and marks it failed after 24 h", async () => {
    const c = await channel({ type: "webhook", url: receiver.url("/retry") });
    const sub = await call(subscriptions.POST, { method: "POST", token: tokens.admin, body: { events: ["incident.declared"], services: [await makeService(tokens.editor, tokens.admin)], channels: [c.id] } });
    const slug = sub.body.services[0].slug as string;
    receiver.mode = "down";
    try {
      await logIncident(tokens.editor, { startedAt: new Date().toISOString(), impacts: [{ service: slug, fraction: 0.5 }] });
      await deliverDue();
      const [d] = await prisma.delivery.findMany({ where: { channelId: c.id } });
      expect(d).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 503: receiver down" });
      expect((d?.nextAttemptAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(3_000);
      // Written 25 hours ago and due: the next refusal is the last.
      await prisma.delivery.update({ where: { id: d?.id }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000), nextAttemptAt: new Date() } });
      await deliverDue();
      const failed = await call(deliveries.GET, { token: tokens.admin, params: { id: c.id }, path: "/x?status=failed" });
      expect(failed.body.deliveries).toHaveLength(1);
      expect(failed.body.deliveries[0]).toMatchObject({ id: d?.id, status: "failed", attempts: 2, nextAttemptAt: null, lastError: "HTTP 503: receiver down" });
      expect(failed.body.deliveries[0].log.map((a: { status: number }) => a.status)).toEqual([503, 503]);
      const ids = receiver.seen.filter((r) => r.path === "/retry").map((r) => JSON.parse(r.body).id);
      expect(ids).toEqual([d?.id, d?.id]);
      expect((await call(channelItem.GET, { token: tokens.admin, params: { id: c.id } })).body).toMatchObject({ failed: 1, lastError: "HTTP 503: receiver down" });
    } finally {
      receiver.mode = "ok";
    }
    await call(channelItem.DELETE, { method: "DELETE", token: tokens.admin, params: { id: c.id } });
    // The subscription had only this channel: it went with it.
    expect(await prisma.subscription.findUnique({ where: { id: sub.body.id } })).toBeNull();
  });
});

/** A process running the notification scheduler (tests/support/notification-worker.ts). */
function startWorker(): { ready: Promise<void>; kill: () => Promise<void> } {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve(import.meta.dirname, "../support/notification-worker.ts")], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, DATABASE_POOL_SIZE: "2" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    void exited.then(() => reject(new Error("the notification worker exited before it was ready")));
  });
  return {
    ready,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      return exited;
    },
  };
}

const until = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe("a channel made public", () => {
  it("never receives what was written for the team before: those deliveries fail, saying why", async () => {
    const c = await channel({ type: "webhook", url: receiver.url("/turned-public") });
    const slug = await makeService(tokens.editor, tokens.admin);
    await call(subscriptions.POST, { method: "POST", token: tokens.admin, body: { events: ["incident.declared"], services: [slug], channels: [c.id] } });
    await logIncident(tokens.editor, { title: "internal words", startedAt: new Date().toISOString(), impacts: [{ service: slug, fraction: 1 }] });
    const read = await call(channelItem.GET, { token: tokens.admin, params: { id: c.id } });
    expect((await call(channelItem.PATCH, { method: "PATCH", token: tokens.admin, params: { id: c.id }, body: { audience: "public", version: read.body.version } })).status).toBe(200);
    await deliverDue();
    expect(receiver.seen.filter((r) => r.path === "/turned-public")).toHaveLength(0);
    const [d] = await prisma.delivery.findMany({ where: { channelId: c.id } });
    expect(d).toMatchObject({ status: "failed", attempts: 1, lastError: "written for the team before the channel was made public: not sent" });
    await call(channelItem.DELETE, { method: "DELETE", token: tokens.admin, params: { id: c.id } });
  });
});

describe("a receiver that is down and an app that is killed", () => {
  it("lose nothing: every message arrives after the restart, in order, retries under the same key", { timeout: 150_000 }, async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const c = await channel({ type: "webhook", url: receiver.url("/restart") });
    const sub = await call(subscriptions.POST, { method: "POST", token: tokens.admin, body: { events: ["incident.declared", "incident.updated", "incident.resolved"], services: [slug], channels: [c.id] } });
    const onPath = (list: { path: string; body: string }[]) => list.filter((r) => r.path === "/restart").map((r) => JSON.parse(r.body) as { id: string; event: string });
    receiver.mode = "down";
    const first = startWorker();
    try {
      await first.ready;
      const declared = await logIncident(tokens.editor, { startedAt: new Date().toISOString(), impacts: [{ service: slug, fraction: 1 }] });
      const ref = declared.body.reference as string;
      await call(events.POST, { method: "POST", token: tokens.editor, params: { id: ref }, body: { type: "update", message: "public news", public: true } });
      await call(events.POST, { method: "POST", token: tokens.editor, params: { id: ref }, body: { type: "resolved", message: "over" } });
      await until("a refused attempt", () => onPath(receiver.seen).length >= 1);
      // Its next attempt (5 s on) the receiver holds; the process is killed mid-delivery.
      receiver.mode = "hang";
      const before = onPath(receiver.seen).length;
      await until("an attempt the receiver holds", () => onPath(receiver.seen).length > before, 30_000);
    } finally {
      await first.kill();
    }
    // Both come back: the held message is claimed again when its lease ends, under the same key.
    receiver.mode = "ok";
    const second = startWorker();
    try {
      await second.ready;
      await until("every message", () => onPath(receiver.received).length >= 3, 90_000);
    } finally {
      await second.kill();
    }
    const arrived = onPath(receiver.received);
    expect(arrived.map((m) => m.event)).toEqual(["incident.declared", "incident.updated", "incident.resolved"]);
    expect(new Set(arrived.map((m) => m.id)).size).toBe(3);
    // Every attempt at the first message, refused, held or taken, carried its one key.
    const head = arrived[0]?.id;
    expect(onPath(receiver.seen).filter((m) => m.event === "incident.declared").every((m) => m.id === head)).toBe(true);
    expect(onPath(receiver.seen).filter((m) => m.event === "incident.declared").length).toBeGreaterThanOrEqual(3);
    await call(subscriptionItem.DELETE, { method: "DELETE", token: tokens.admin, params: { id: sub.body.id } });
    await call(channelItem.DELETE, { method: "DELETE", token: tokens.admin, params: { id: c.id } });
  });
});
