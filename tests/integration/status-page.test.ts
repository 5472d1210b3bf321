import { XMLParser } from "fast-xml-parser";
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
