import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/audit/route";
import * as allSeries from "@/app/api/v1/availability/series/route";
import * as all from "@/app/api/v1/availability/route";
import * as incidentItem from "@/app/api/v1/incidents/[id]/route";
import * as incidents from "@/app/api/v1/incidents/route";
import * as serviceItem from "@/app/api/v1/services/[slug]/route";
import * as services from "@/app/api/v1/services/route";
import { call } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";

// Inputs that once reached PostgreSQL unchecked and made it fail (a NUL in text, a number past
// its column): each is now a 400 naming the field, or a 404, before any query. The random inputs
// of every route are in no-500.test.ts.

let t: Tokens;
beforeAll(async () => {
  ({ tokens: t } = await tokensForAllRoles());
});

describe("inputs that once reached the database unchecked", () => {
  it("control characters in text get a 400 naming the field", async () => {
    const name = await call(services.POST, { method: "POST", token: t.editor, body: { slug: "nul-name", name: "a\u0000b", tier: 1 } });
    expect(name.status).toBe(400);
    expect(name.body.issues).toEqual([{ path: "name", message: "Must not contain control characters" }]);
    for (const [handler, path, field] of [
      [services.GET, "/x?q=a%00b", "q"],
      [incidents.GET, "/x?tier=a%00b", "tier"],
      [audit.GET, "/x?entityType=a%00b", "entityType"],
    ] as const) {
      const res = await call(handler, { token: t.admin, path });
      expect(res.status).toBe(400);
      expect(res.body.issues[0].path).toBe(field);
    }
  });

  it("a tier rank out of range in a filter gets a 400, not a database error", async () => {
    for (const handler of [services.GET, incidents.GET, all.GET]) {
      const res = await call(handler, { token: t.viewer, path: "/x?tier=99999999999" });
      expect(res.status).toBe(400);
      expect(res.body.issues[0]).toEqual({ path: "tier", message: "A tier rank is from 1 to 99" });
    }
  });

  it("a path segment with a NUL names nothing: 404", async () => {
    expect((await call(serviceItem.GET, { token: t.viewer, params: { slug: "a\u0000b" } })).status).toBe(404);
    expect((await call(incidentItem.GET, { token: t.viewer, params: { id: "a\u0000b" } })).status).toBe(404);
  });

  it("a series spanning centuries is refused before any work", async () => {
    const res = await call(allSeries.GET, { token: t.viewer, path: "/x?bucket=day&from=1970-01-01T00:00:00Z&to=9999-01-01T00:00:00Z" });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe("to");
    const fine = await call(allSeries.GET, { token: t.viewer, path: "/x?bucket=month&from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z" });
    expect(fine.status).toBe(200);
  });
});
