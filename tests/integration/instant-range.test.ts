import { beforeAll, describe, expect, it } from "vitest";
import * as all from "@/app/api/v1/availability/route";
import * as allSeries from "@/app/api/v1/availability/series/route";
import * as events from "@/app/api/v1/incidents/[id]/events/route";
import * as incidentItem from "@/app/api/v1/incidents/[id]/route";
import * as incidents from "@/app/api/v1/incidents/route";
import * as one from "@/app/api/v1/services/[slug]/availability/route";
import * as oneSeries from "@/app/api/v1/services/[slug]/availability/series/route";
import { call, type AnyRoute } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";

let tokens: Tokens;
let slug: string;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  slug = await makeService(tokens.editor, tokens.admin);
});

const RANGE_MESSAGE = /between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z/;

describe("every instant is checked against one accepted range, 1970 to 9999", () => {
  it("in an incident body: a 400 naming the field, nothing written", async () => {
    for (const [field, value] of [
      ["startedAt", "0000-01-01T00:00:00Z"],
      ["startedAt", "1969-12-31T23:59:59Z"],
      ["resolvedAt", "+010000-01-01T00:00:00Z"],
    ] as const) {
      const body = { startedAt: "2026-01-01T00:00:00Z", impacts: [{ service: slug }], [field]: value };
      const res = await logIncident(tokens.editor, body);
      expect(res.status, `${field}=${value}`).toBe(400);
      expect(res.body.issues[0].path).toBe(field);
    }
    const impact = await logIncident(tokens.editor, { startedAt: "2026-01-01T00:00:00Z", impacts: [{ service: slug, endedAt: "0001-01-01T00:00:00Z" }] });
    expect(impact.status).toBe(400);
    expect(impact.body.issues[0]).toMatchObject({ path: "impacts.0.endedAt", message: expect.stringMatching(RANGE_MESSAGE) });
    const list = await call(incidents.GET, { token: tokens.viewer, path: `/x?service=${slug}` });
    expect(list.body.incidents).toEqual([]);
  });

  it("in a PATCH and in a timeline entry: a 400 naming the field", async () => {
    const created = await logIncident(tokens.editor, { startedAt: "2026-01-01T00:00:00Z", impacts: [{ service: slug }] });
    const { id, version } = created.body;
    const patch = await call(incidentItem.PATCH, { method: "PATCH", token: tokens.editor, params: { id }, body: { version, startedAt: "0000-01-01T00:00:00Z" } });
    expect(patch.status).toBe(400);
    expect(patch.body.issues[0].path).toBe("startedAt");
    const event = await call(events.POST, { method: "POST", token: tokens.editor, params: { id }, body: { type: "note", message: "x", at: "0001-01-01T00:00:00Z" } });
    expect(event.status).toBe(400);
    expect(event.body.issues[0].path).toBe("at");
  });

  it("in query strings (asOf, from, to): a 400 naming the parameter", async () => {
    const cases: [AnyRoute, string, Record<string, string> | undefined, string][] = [
      [one.GET, "/x?asOf=0001-01-01T00:00:00Z", { slug }, "asOf"],
      [all.GET, "/x?asOf=0001-01-01T00:00:00Z", undefined, "asOf"],
      [all.GET, "/x?window=month:2026-01&asOf=9999-12-31T23:59:59.999Z", undefined, ""],
      [incidents.GET, "/x?from=0000-01-01T00:00:00Z", undefined, "from"],
      [incidents.GET, "/x?to=0000-01-01T00:00:00Z", undefined, "to"],
      [oneSeries.GET, "/x?bucket=day&from=0000-01-01T00:00:00Z&to=0000-02-01T00:00:00Z", { slug }, "from"],
      [allSeries.GET, "/x?bucket=week&asOf=0000-06-01T00:00:00Z", undefined, "asOf"],
    ];
    for (const [handler, path, params, field] of cases) {
      const res = await call(handler, { token: tokens.viewer, path, params });
      if (field === "") {
        expect(res.status, path).toBe(200);
        continue;
      }
      expect(res.status, path).toBe(400);
      expect(res.body.issues[0].path, path).toBe(field);
      expect(res.body.issues[0].message).toMatch(RANGE_MESSAGE);
    }
  });

  it("in window labels, and a window longer than the engine is built for is refused", async () => {
    for (const window of ["range:0001-01-01T00:00:00Z/9999-01-01T00:00:00Z", "range:1970-01-01T00:00:00Z/2026-01-01T00:00:00Z", "year:1969", "month:0001-01", "rolling:3661d"]) {
      const res = await call(one.GET, { token: tokens.viewer, params: { slug }, path: `/x?window=${window}` });
      expect(res.status, window).toBe(400);
      expect(res.body.issues[0].path).toBe("window");
      const fleet = await call(all.GET, { token: tokens.viewer, path: `/x?window=${window}` });
      expect(fleet.status, window).toBe(400);
    }
    for (const window of ["year:1970", "month:9999-12", "range:2016-01-01T00:00:00Z/2026-01-01T00:00:00Z", "rolling:3660d"]) {
      const res = await call(one.GET, { token: tokens.viewer, params: { slug }, path: `/x?window=${window}&asOf=2026-06-01T00:00:00Z` });
      expect(res.status, window).toBe(200);
    }
  });
});
