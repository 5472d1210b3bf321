import { describe, expect, it } from "vitest";
import { groupList, groupsFromClaims, localPasswordsOffIssue, mayUsePassword, roleFromGroups, type GroupRoleMap } from "./oidc-roles";

const MAP: GroupRoleMap = { admin: ["sre-admins"], editor: ["sre", "oncall"], viewer: ["staff"] };

describe("roleFromGroups", () => {
  it("gives the highest role any group maps to", () => {
    expect(roleFromGroups(["staff", "oncall"], MAP, null)).toEqual({ role: "editor", matched: "oncall" });
    expect(roleFromGroups(["staff", "sre", "sre-admins"], MAP, null)).toEqual({ role: "admin", matched: "sre-admins" });
    expect(roleFromGroups(["staff"], MAP, null)).toEqual({ role: "viewer", matched: "staff" });
  });

  it("refuses a person in no mapped group unless a default role is set", () => {
    expect(roleFromGroups(["marketing"], MAP, null)).toEqual({ refused: "no_group" });
    expect(roleFromGroups([], MAP, null)).toEqual({ refused: "no_group" });
    expect(roleFromGroups(["marketing"], MAP, "viewer")).toEqual({ role: "viewer", matched: null });
  });

  it("a mapped group wins over the default role, even a lower one", () => {
    expect(roleFromGroups(["staff"], MAP, "editor")).toEqual({ role: "viewer", matched: "staff" });
  });

  it("compares group names exactly", () => {
    expect(roleFromGroups(["SRE", " sre"], MAP, null)).toEqual({ refused: "no_group" });
  });
});

describe("groupsFromClaims", () => {
  it("reads a list, a single string, a dotted path and a claim whose name has dots", () => {
    expect(groupsFromClaims({ groups: ["a", "b", 3] }, "groups")).toEqual(["a", "b"]);
    expect(groupsFromClaims({ groups: "a" }, "groups")).toEqual(["a"]);
    expect(groupsFromClaims({ realm_access: { roles: ["x"] } }, "realm_access.roles")).toEqual(["x"]);
    expect(groupsFromClaims({ "https://example.com/groups": ["y"] }, "https://example.com/groups")).toEqual(["y"]);
  });

  it("anything else is no groups", () => {
    expect(groupsFromClaims({}, "groups")).toEqual([]);
    expect(groupsFromClaims({ groups: { a: 1 } }, "groups")).toEqual([]);
    expect(groupsFromClaims({ groups: 5 }, "groups")).toEqual([]);
    expect(groupsFromClaims({ realm_access: ["x"] }, "realm_access.roles")).toEqual([]);
  });
});

describe("local passwords", () => {
  it("on: everyone with a password; off: only admins with one", () => {
    expect(mayUsePassword(true, { role: "viewer", hasPassword: true })).toBe(true);
    expect(mayUsePassword(false, { role: "editor", hasPassword: true })).toBe(false);
    expect(mayUsePassword(false, { role: "admin", hasPassword: true })).toBe(true);
    expect(mayUsePassword(true, { role: "admin", hasPassword: false })).toBe(false);
  });

  it("turning them off needs an active admin with a password", () => {
    expect(localPasswordsOffIssue(0)).toMatch(/at least one active admin/);
    expect(localPasswordsOffIssue(1)).toBeNull();
  });
});

describe("groupList", () => {
  it("splits on commas and lines, trims, drops blanks and repeats", () => {
    expect(groupList(" a, b\nc,,a ")).toEqual(["a", "b", "c"]);
    expect(groupList(undefined)).toEqual([]);
  });
});
