import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
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
