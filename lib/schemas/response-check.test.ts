import { describe, expect, it } from "vitest";
import { responseProblems } from "./response-check";
import { routeDoc, type RouteDoc } from "./routes";

const route = (method: string, path: string): RouteDoc => {
  const doc = routeDoc(method, path);
  if (!doc) throw new Error(`${method} ${path} is not in the table`);
  return doc;
};

const tier = {
  id: "t1",
  rank: 1,
  name: "Critical",
  description: "",
  sloTarget: 0.999,
  sloWindow: "rolling:30d",
  maintenance: "exclude",
  archived: false,
  archivedAt: null,
  activeServiceCount: 3,
  version: 1,
  createdAt: "2026-11-30T10:00:00.000Z",
  updatedAt: "2026-11-30T10:00:00.000Z",
};
const JSON_TYPE = "application/json";
const getTier = route("get", "/api/v1/tiers/{id}");

describe("checking a response against the route table", () => {
  it("accepts what the table documents", () => {
    expect(responseProblems(getTier, { status: 200, contentType: JSON_TYPE, body: tier })).toEqual([]);
    expect(responseProblems(getTier, { status: 404, contentType: JSON_TYPE, body: { error: "not_found", message: "Tier 'x' was not found" } })).toEqual([]);
    expect(responseProblems(route("get", "/api/v1/incidents"), { status: 200, contentType: "text/csv; charset=utf-8", body: "number,title\n" })).toEqual([]);
  });

  it("fails on a key the schema does not name, deep inside too", () => {
    expect(responseProblems(getTier, { status: 200, contentType: JSON_TYPE, body: { ...tier, colour: "red" } })).toEqual(["GET /api/v1/tiers/{id} answered 200 with a body its schema rejects at colour: a key the schema does not name"]);
    const list = route("get", "/api/v1/tiers");
    expect(responseProblems(list, { status: 200, contentType: JSON_TYPE, body: { tiers: [{ ...tier, colour: "red" }] } })).toEqual([expect.stringContaining("tiers.0.colour: a key the schema does not name")]);
  });

  it("fails on a wrong type, a missing field, or an optional value left out instead of null", () => {
    expect(responseProblems(getTier, { status: 200, contentType: JSON_TYPE, body: { ...tier, rank: "1" } })).toEqual([expect.stringMatching(/at rank: .*expected number/)]);
    const { archivedAt: _left, ...withoutArchivedAt } = tier;
    expect(responseProblems(getTier, { status: 200, contentType: JSON_TYPE, body: withoutArchivedAt })).toEqual([expect.stringContaining("at archivedAt:")]);
    expect(responseProblems(getTier, { status: 200, contentType: JSON_TYPE, body: { ...tier, createdAt: "30/11/2026" } })).toEqual([expect.stringContaining("at createdAt:")]);
  });

  it("fails on a status or media type the table does not list", () => {
    const create = route("post", "/api/v1/tiers");
    expect(responseProblems(create, { status: 200, contentType: JSON_TYPE, body: tier })).toEqual(["POST /api/v1/tiers answered 200, a status the route table does not list for it"]);
    expect(responseProblems(route("get", "/api/v1/tiers"), { status: 404, contentType: JSON_TYPE, body: { error: "not_found", message: "x" } })).toEqual([expect.stringContaining("a status the route table does not list")]);
    expect(responseProblems(getTier, { status: 200, contentType: "text/csv", body: "a,b" })).toEqual([expect.stringContaining("as text/csv, which the route table does not list")]);
    expect(responseProblems(route("post", "/api/v1/incidents/import"), { status: 200, contentType: "text/csv", body: "a,b" })).toHaveLength(1);
  });

  it("checks error bodies by status: the code, a 400's issues, a 409's current", () => {
    const patch = route("patch", "/api/v1/tiers/{id}");
    expect(responseProblems(patch, { status: 404, contentType: JSON_TYPE, body: { error: "conflict", message: "x" } })).toEqual([expect.stringContaining("at error:")]);
    expect(responseProblems(patch, { status: 400, contentType: JSON_TYPE, body: { error: "validation_failed", message: "x" } })).toEqual([expect.stringContaining("at issues:")]);
    const stale = { error: "conflict", message: "x", issues: [{ path: "version", message: "stale version" }], current: { version: 3, changedBy: "Ada", changedAt: "2026-11-30T10:00:00.000Z" } };
    expect(responseProblems(patch, { status: 409, contentType: JSON_TYPE, body: stale })).toEqual([]);
    expect(responseProblems(patch, { status: 409, contentType: JSON_TYPE, body: { ...stale, current: { version: 3 } } })).toEqual([expect.stringContaining("at current.changedBy:"), expect.stringContaining("at current.changedAt:")]);
    expect(responseProblems(patch, { status: 404, contentType: "text/html", body: "<html>" })).toEqual([expect.stringContaining("errors are JSON")]);
  });
});
