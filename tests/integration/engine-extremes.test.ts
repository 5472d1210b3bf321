import { beforeAll, describe, expect, it } from "vitest";
import * as all from "@/app/api/v1/availability/route";
import * as allSeries from "@/app/api/v1/availability/series/route";
import * as one from "@/app/api/v1/services/[slug]/availability/route";
import { call } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
});

/** Every number anywhere in a JSON body. */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(numbersIn);
  return [];
}

// Found by trying the API as a careless client: each of these incidents was accepted with 201, and
// afterwards the service's availability and the all-services summary answered 500.
describe("valid incidents with extreme figures never break a read", () => {
  const cases = [
    { name: "a 1 ms full outage", impact: { fraction: 1 }, startedAt: "2026-11-02T10:00:00.000Z", resolvedAt: "2026-11-02T10:00:00.001Z" },
    { name: "a fraction of 1e-6", impact: { fraction: 1e-6 }, startedAt: "2026-11-02T10:00:00Z", resolvedAt: "2026-11-02T11:00:00Z" },
    { name: "the smallest positive fraction", impact: { fraction: 5e-324 }, startedAt: "2026-11-02T10:00:00Z", resolvedAt: "2026-11-02T11:00:00Z" },
  ];
  for (const c of cases.flatMap((x) => [0.5, 0.999, 0.9999999].map((sloTarget) => ({ ...x, sloTarget })))) {
    it(`${c.name} at a target of ${c.sloTarget}: the service and the fleet answer 200 with finite figures`, async () => {
      const slug = await makeService(tokens.editor, tokens.admin, { sloTarget: c.sloTarget, sloWindow: "month" });
      const created = await logIncident(tokens.editor, { startedAt: c.startedAt, resolvedAt: c.resolvedAt, impacts: [{ service: slug, ...c.impact }] });
      expect(created.status).toBe(201);
      const asOf = "2026-11-20T00:00:00Z";
      const mine = await call(one.GET, { token: tokens.viewer, params: { slug }, path: `/x?window=month:2026-11&asOf=${asOf}` });
      expect(mine.status).toBe(200);
      expect(numbersIn(mine.body).every(Number.isFinite)).toBe(true);
      // No projected exhaustion beyond what an instant can say: none, with the reason.
      if (mine.body.errorBudget.exhaustionAt === null) expect(mine.body.errorBudget.exhaustion).toMatch(/^(none_consumed|exhausted|beyond_range)$/);
      const fleet = await call(all.GET, { token: tokens.viewer, path: `/x?window=month:2026-11&asOf=${asOf}` });
      expect(fleet.status).toBe(200);
      const entry = fleet.body.services.find((s: { service: { slug: string } }) => s.service.slug === slug);
      expect(entry.availability).toBe(mine.body.availability);
      const bySlo = await call(all.GET, { token: tokens.viewer, path: `/x?asOf=${asOf}` });
      expect(bySlo.status).toBe(200);
      const seriesRes = await call(allSeries.GET, { token: tokens.viewer, path: `/x?bucket=week&count=8&asOf=${asOf}` });
      expect(seriesRes.status).toBe(200);
    });
  }
});
