import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/audit/route";
import * as allSeries from "@/app/api/v1/availability/series/route";
import * as all from "@/app/api/v1/availability/route";
import * as incidentItem from "@/app/api/v1/incidents/[id]/route";
import * as incidents from "@/app/api/v1/incidents/route";
import * as serviceItem from "@/app/api/v1/services/[slug]/route";
import * as services from "@/app/api/v1/services/route";
import * as settings from "@/app/api/v1/settings/route";
import * as tiers from "@/app/api/v1/tiers/route";
import { call } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});

// Values of the shapes people and scripts actually send wrong: wrong types, extremes, unicode.
const anyValue = fc.oneof(
  fc.string(),
  // Any code point, NUL and other control characters included: PostgreSQL refuses NUL in text.
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 2 }),
);
const fieldNames = ["slug", "name", "tier", "sloTarget", "sloWindow", "maintenance", "owner", "description", "dependsOn", "version", "archived", "rank", "timeZone"];
const body = fc.dictionary(fc.constantFrom(...fieldNames), anyValue, { maxKeys: 6 });

describe("no input makes the server answer 500", () => {
  it("random bodies to every write endpoint get 2xx, 400, 404 or 409", async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom("services", "service", "tiers", "settings"), async (input, target) => {
        const res =
          target === "services" ? await call(services.POST, { method: "POST", token: tokens.admin, body: input })
          : target === "service" ? await call(serviceItem.PATCH, { method: "PATCH", token: tokens.admin, params: { slug: "fuzz-target" }, body: input })
          : target === "tiers" ? await call(tiers.POST, { method: "POST", token: tokens.admin, body: input })
          : await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { ...input, timeZone: typeof input.timeZone === "string" ? input.timeZone : "UTC" } });
        expect([200, 201, 400, 404, 409]).toContain(res.status);
        if (res.status === 400) expect(Array.isArray(res.body.issues)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("random raw bytes as a body get 400", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (raw) => {
        const res = await call(services.POST, { method: "POST", token: tokens.editor, rawBody: raw });
        expect([400, 409, 201]).toContain(res.status);
      }),
      { numRuns: 50 },
    );
  });
});

describe("inputs that once reached the database unchecked", () => {
  it("control characters in text get a 400 naming the field", async () => {
    const name = await call(services.POST, { method: "POST", token: tokens.editor, body: { slug: "nul-name", name: "a\u0000b", tier: 1 } });
    expect(name.status).toBe(400);
    expect(name.body.issues).toEqual([{ path: "name", message: "Must not contain control characters" }]);
    for (const [handler, path, field] of [
      [services.GET, "/x?q=a%00b", "q"],
      [incidents.GET, "/x?tier=a%00b", "tier"],
      [audit.GET, "/x?entityType=a%00b", "entityType"],
    ] as const) {
      const res = await call(handler, { token: tokens.admin, path });
      expect(res.status).toBe(400);
      expect(res.body.issues[0].path).toBe(field);
    }
  });

  it("a tier rank out of range in a filter gets a 400, not a database error", async () => {
    for (const handler of [services.GET, incidents.GET, all.GET]) {
      const res = await call(handler, { token: tokens.viewer, path: "/x?tier=99999999999" });
      expect(res.status).toBe(400);
      expect(res.body.issues[0]).toEqual({ path: "tier", message: "A tier rank is from 1 to 99" });
    }
  });

  it("a path segment with a NUL names nothing: 404", async () => {
    expect((await call(serviceItem.GET, { token: tokens.viewer, params: { slug: "a\u0000b" } })).status).toBe(404);
    expect((await call(incidentItem.GET, { token: tokens.viewer, params: { id: "a\u0000b" } })).status).toBe(404);
  });

  it("a series spanning centuries is refused before any work", async () => {
    const res = await call(allSeries.GET, { token: tokens.viewer, path: "/x?bucket=day&from=1970-01-01T00:00:00Z&to=9999-01-01T00:00:00Z" });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe("to");
    const fine = await call(allSeries.GET, { token: tokens.viewer, path: "/x?bucket=month&from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z" });
    expect(fine.status).toBe(200);
  });
});
