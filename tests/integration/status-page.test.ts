import { XMLParser } from "fast-xml-parser";
import { NextRequest } from "next/server";
import * as subscribeRoute from "@/app/status/subscribe/route";
import * as confirmRoute from "@/app/status/subscription/confirm/route";
import * as unsubscribeRoute from "@/app/status/subscription/unsubscribe/route";
import * as integrations from "@/app/api/v1/integrations/route";
import { prisma } from "@/lib/server/db";
import { attempt, claimDueDeliveries } from "@/lib/server/notification-scheduler";
import { smtpSink } from "../support/receivers";
import { beforeAll, describe, expect, it } from "vitest";
import * as statusJson from "@/app/status.json/route";
import * as feed from "@/app/status/feed.atom/route";
import * as events from "@/app/api/v1/incidents/[id]/events/route";
import * as incidentItem from "@/app/api/v1/incidents/[id]/route";
import * as statusPage from "@/app/api/v1/status-page/route";
import { statusSnapshot } from "@/lib/server/status-snapshot";
import { call, unique } from "../support/api";
import { ownDatabaseForFile } from "../support/database";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";

// The status page is one per organisation: this file has a database of its own.
await ownDatabaseForFile();

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});

async function setPage(body: Record<string, unknown>) {
  const read = await call(statusPage.GET, { token: tokens.admin });
  return call(statusPage.PATCH, { method: "PATCH", token: tokens.admin, body: { ...body, version: read.body.version } });
}

const until = async (what: string, check: () => Promise<boolean>) => {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe("the status page", () => {
  it("is off until an admin turns it on, and then shows only what is public", async () => {
    expect((await call(statusJson.GET, { path: "/status.json" })).status).toBe(404);
    const checkout = await makeService(tokens.editor, tokens.admin);
    const search = await makeService(tokens.editor, tokens.admin);
    const unlisted = await makeService(tokens.editor, tokens.admin);
    expect((await setPage({ enabled: true, title: "Acme status" })).body.issues[0]).toMatchObject({ path: "enabled" });
    const bad = await setPage({ components: [{ name: "Checkout", services: ["no-such-service"] }] });
    expect(bad.body.issues[0]).toMatchObject({ path: "components.0.services.0" });
    const set = await setPage({ enabled: true, title: "Acme status", components: [{ name: "Checkout", services: [checkout] }, { name: "Search", services: [search] }] });
    expect(set.status).toBe(200);

    const secretTitle = unique("Primary DB in rack 4 lost quorum");
    const major = await logIncident(tokens.editor, { title: secretTitle, severity: "SEV1", startedAt: new Date(Date.now() - 600_000).toISOString(), summary: "internal summary", impacts: [{ service: checkout, fraction: 1 }] });
    const ref = major.body.reference as string;
    await call(events.POST, { method: "POST", token: tokens.editor, params: { id: ref }, body: { type: "update", message: "private: ACME's data at risk" } });
    await call(events.POST, { method: "POST", token: tokens.editor, params: { id: ref }, body: { type: "update", message: "We are restoring the checkout", public: true } });
    const partial = await logIncident(tokens.editor, { startedAt: new Date(Date.now() - 300_000).toISOString(), impacts: [{ service: search, fraction: 0.3 }] });
    await call(incidentItem.PATCH, { method: "PATCH", token: tokens.editor, params: { id: partial.body.reference }, body: { publicTitle: "Slow searches", version: partial.body.version } });
    await logIncident(tokens.editor, { title: "unlisted-secret", startedAt: new Date(Date.now() - 300_000).toISOString(), impacts: [{ service: unlisted, fraction: 1 }] });
    await logIncident(tokens.editor, { title: "planned upgrade", kind: "maintenance", startedAt: new Date(Date.now() - 100_000).toISOString(), impacts: [{ service: search, fraction: 1 }] });

    await until("the snapshot to show the public update", async () => JSON.stringify((await statusSnapshot()).snapshot).includes("We are restoring the checkout"));
    const res = await call(statusJson.GET, { path: "/status.json" });
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.state).toBe("major_outage");
    expect(s.components.map((c: { name: string; state: string }) => [c.name, c.state])).toEqual([["Checkout", "major_outage"], ["Search", "partial_outage"]]);
    expect(s.components[0].days).toHaveLength(90);
    expect(s.ongoing.map((i: { title: string }) => i.title).sort()).toEqual(["Investigating an issue with Checkout", "Maintenance on Search", "Slow searches"]);
    const checkoutIncident = s.ongoing.find((i: { components: string[] }) => i.components.includes("Checkout"));
    expect(checkoutIncident.updates.map((u: { message: string }) => u.message)).toEqual(["We are restoring the checkout"]);
    const text = JSON.stringify(s);
    for (const secret of [secretTitle, "private: ACME", "internal summary", "SEV1", ref, "unlisted-secret", unlisted, checkout, search, "planned upgrade"]) expect(text).not.toContain(secret);

    // The Atom feed: well-formed XML with the elements RFC 4287 requires, and nothing private.
    const atom = await call(feed.GET, { path: "/status/feed.atom" });
    expect(atom.status).toBe(200);
    expect(atom.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(atom.body as string);
    expect(parsed.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    for (const required of ["id", "title", "updated", "author"]) expect(parsed.feed[required]).toBeDefined();
    const entries = [parsed.feed.entry].flat();
    expect(entries).toHaveLength(3);
    for (const e of entries) {
      for (const required of ["id", "title", "updated"]) expect(e[required]).toBeDefined();
      expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
    }
    for (const secret of [secretTitle, "private: ACME", "unlisted-secret"]) expect(atom.body).not.toContain(secret);

    // Resolved: it moves to the history, and the component is operational again.
    await call(events.POST, { method: "POST", token: tokens.editor, params: { id: ref }, body: { type: "resolved", message: "internal: rolled back" } });
    await until("the snapshot to show it resolved", async () => ((await statusSnapshot()).snapshot?.history.length ?? 0) === 1);
    const after = (await statusSnapshot()).snapshot;
    expect(after?.components[0]?.state).toBe("operational");
    expect(after?.history[0]).toMatchObject({ title: "Investigating an issue with Checkout", components: ["Checkout"] });
    expect(JSON.stringify(after)).not.toContain("rolled back");

    expect((await setPage({ enabled: false })).status).toBe(200);
    await until("the page to be off", async () => (await statusSnapshot()).snapshot === null);
    expect((await call(statusJson.GET, { path: "/status.json" })).status).toBe(404);
    expect((await call(statusPage.GET, { token: tokens.editor })).status).toBe(403);
  });
});

describe("subscribers of the status page", () => {
  const from = (address: string) => ({ "x-nines-client-address": address });
  const deliverDue = async () => {
    for (let round = 0; round < 20; round++) {
      const claimed = await claimDueDeliveries(100);
      if (!claimed.length) return;
      await Promise.all(claimed.map((d) => attempt(d)));
    }
  };
  const unfold = (raw: string) => raw.replace(/\r?\n[ \t]+/g, " ");
  /** The text as sent: quoted-printable soft breaks and escapes undone. */
  const qp = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  const header = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, "mi").exec(unfold(raw))?.[1];

  it("refuse what is not an address or not public, beside the field; a form post comes back to the page", async () => {
    const checkout = await makeService(tokens.editor, tokens.admin);
    expect((await setPage({ enabled: true, title: "Acme status", components: [{ name: "Checkout", services: [checkout] }] })).status).toBe(200);
    const post = (body: unknown, address = "203.0.113.1") => call(subscribeRoute.POST, { method: "POST", path: "/status/subscribe", body, headers: from(address) });
    expect((await post({ email: "not-an-address" })).body.issues[0]).toMatchObject({ path: "email" });
    for (const url of ["http://127.0.0.1:9/hook", "http://10.1.2.3/hook", "http://169.254.169.254/latest", "http://[::1]/hook"]) {
      const refused = await post({ webhook: url });
      expect(refused.status, url).toBe(400);
      expect(refused.body.issues[0], url).toMatchObject({ path: "webhook" });
    }
    expect((await post({})).body.issues[0]).toMatchObject({ path: "email" });
    const form = await subscribeRoute.POST(new NextRequest("http://localhost/status/subscribe", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", ...from("203.0.113.2") }, body: "email=nope" }));
    expect(form.status).toBe(303);
    const back = new URL(form.headers.get("location") ?? "", "http://reader.example");
    expect(form.headers.get("location")).toMatch(/^\/status\?/);
    expect([back.pathname, back.searchParams.get("field"), back.searchParams.get("error")]).toEqual(["/status", "email", "Must be an e-mail address"]);
    // Ten a client address an hour; the eleventh waits.
    for (let i = 0; i < 10; i++) await post({ email: `flood${i}@example.test` }, "203.0.113.3");
    const limited = await post({ email: "flood-more@example.test" }, "203.0.113.3");
    expect(limited.status).toBe(429);
  });

  it("by email: confirmed from the message first, then public updates only, and one click ends it (RFC 8058)", async () => {
    const sink = await smtpSink();
    const read = await call(integrations.GET, { token: tokens.admin });
    await call(integrations.PATCH, { method: "PATCH", token: tokens.admin, body: { smtp: { host: "127.0.0.1", port: sink.port, secure: false, from: "status@example.test" }, version: read.body.version } });
    try {
      const shop = await makeService(tokens.editor, tokens.admin);
      expect((await setPage({ enabled: true, title: "Acme status", components: [{ name: "Shop", services: [shop] }] })).status).toBe(200);
      const address = `${unique("reader")}@example.test`;
      const subscribed = await call(subscribeRoute.POST, { method: "POST", path: "/status/subscribe", body: { email: address }, headers: from("198.51.100.7") });
      expect(subscribed.body).toEqual({ kind: "email", state: "confirmation_sent" });
      // Not confirmed yet: an incident now sends nothing to it.
      const before = await logIncident(tokens.editor, { startedAt: new Date().toISOString(), impacts: [{ service: shop, fraction: 1 }] });
      await deliverDue();
      const mine = () => sink.mails.filter((m) => m.to.includes(address));
      expect(mine()).toHaveLength(1);
      const confirmLink = /(https?:\/\/\S+\/status\/confirm\?token=\S+)/.exec(qp(mine()[0]?.raw ?? ""))?.[1] ?? "";
      const token = new URL(confirmLink).searchParams.get("token") ?? "";
      expect((await call(confirmRoute.POST, { method: "POST", path: `/status/subscription/confirm?token=${encodeURIComponent(token)}` })).body).toEqual({ done: true });
      expect((await call(confirmRoute.POST, { method: "POST", path: `/status/subscription/confirm?token=${encodeURIComponent(`${token.split(".")[0]}.forged`)}` })).body).toEqual({ done: false });

      const ref = before.body.reference as string;
      await call(events.POST, { method: "POST", token: tokens.editor, params: { id: ref }, body: { type: "update", message: "private: blame the cache" } });
      await call(events.POST, { method: "POST", token: tokens.editor, params: { id: ref }, body: { type: "update", message: "Checkout is slow; we are on it.", public: true } });
      await deliverDue();
      const update = mine()[1]?.raw ?? "";
      expect(mine()).toHaveLength(2);
      expect(header(update, "Subject")).toBe("[Nines] Update: Investigating an issue with Shop");
      expect(qp(update)).toContain("Checkout is slow; we are on it.");
      expect(qp(update)).not.toContain("blame the cache");
      expect(header(update, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      const oneClick = new URL(/^<(.*)>$/.exec(header(update, "List-Unsubscribe") ?? "")?.[1] ?? "");
      const done = await call(unsubscribeRoute.POST, { method: "POST", path: `${oneClick.pathname}${oneClick.search}`, rawBody: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(done.body).toEqual({ done: true });
      expect(await prisma.statusSubscriber.count({ where: { address } })).toBe(0);
    } finally {
      const now = await call(integrations.GET, { token: tokens.admin });
      await call(integrations.PATCH, { method: "PATCH", token: tokens.admin, body: { smtp: null, version: now.body.version } });
      await sink.close();
    }
  });
});
