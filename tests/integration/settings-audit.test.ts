import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/audit/route";
import * as serviceItem from "@/app/api/v1/services/[slug]/route";
import * as services from "@/app/api/v1/services/route";
import * as settings from "@/app/api/v1/settings/route";
import { prisma } from "@/lib/server/db";
import { call, unique } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});

describe("organisation settings", () => {
  it("an admin's new time zone is what the next reader gets", async () => {
    const before = await call(settings.GET, { token: tokens.viewer });
    expect(before.status).toBe(200);
    const res = await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { timeZone: "Europe/Berlin", version: before.body.version } });
    try {
      expect(res.status).toBe(200);
      expect(res.body.timeZone).toBe("Europe/Berlin");
      expect((await call(settings.GET, { token: tokens.viewer })).body.timeZone).toBe("Europe/Berlin");
    } finally {
      await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { timeZone: before.body.timeZone, version: res.body.version } });
    }
  });

  it("rejects a zone that does not exist, naming the field", async () => {
    const { version } = (await call(settings.GET, { token: tokens.viewer })).body;
    const res = await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { timeZone: "Mars/Olympus", version } });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "timeZone", message: "Must be an IANA time zone, e.g. Europe/Berlin or UTC" }]);
  });
});

describe("audit trail", () => {
  it("records create, update and archive with actor, before and after, newest first", async () => {
    const slug = unique("audited");
    const created = await call(services.POST, { method: "POST", token: tokens.editor, body: { slug, name: "Before", tier: 2 } });
    await call(serviceItem.PATCH, { method: "PATCH", token: tokens.editor, params: { slug }, body: { name: "After", version: created.body.version } });
    await call(serviceItem.DELETE, { method: "DELETE", token: tokens.editor, params: { slug } });
    const res = await call(audit.GET, {
      token: tokens.admin,
      path: `/api/v1/audit?entityType=service&entityId=${created.body.id}`,
    });
    expect(res.status).toBe(200);
    const events = res.body.events;
    expect(events.map((e: { action: string }) => e.action)).toEqual(["archive", "update", "create"]);
    expect(events.every((e: { actor: string }) => e.actor.startsWith("token:"))).toBe(true);
    expect(events[1].before.name).toBe("Before");
    expect(events[1].after.name).toBe("After");
    expect(events[2].before).toBeNull();
  });

  it("writes no audit event when the change fails", async () => {
    const count = await prisma.auditEvent.count();
    const res = await call(services.POST, { method: "POST", token: tokens.editor, body: { slug: unique("x"), name: "x", tier: "no-such-tier-id" } });
    expect(res.status).toBe(400);
    expect(await prisma.auditEvent.count()).toBe(count);
  });

  it("pages with a cursor and filters by entity type", async () => {
    for (let i = 0; i < 3; i++) {
      await call(services.POST, { method: "POST", token: tokens.editor, body: { slug: unique("page"), name: "p", tier: 3 } });
    }
    const first = await call(audit.GET, { token: tokens.admin, path: "/api/v1/audit?entityType=service&limit=2" });
    expect(first.body.events).toHaveLength(2);
    expect(first.body.events.every((e: { entityType: string }) => e.entityType === "service")).toBe(true);
    const second = await call(audit.GET, {
      token: tokens.admin,
      path: `/api/v1/audit?entityType=service&limit=2&cursor=${first.body.nextCursor}`,
    });
    expect(second.body.events[0].id).not.toBe(first.body.events[1].id);
    expect(new Date(second.body.events[0].at) <= new Date(first.body.events[1].at)).toBe(true);
    const bad = await call(audit.GET, { token: tokens.admin, path: "/api/v1/audit?limit=abc" });
    expect(bad.status).toBe(400);
  });
});
