import { describe, expect, it } from "vitest";
import { DEFAULT_OIDC_SCOPES, normalizeScopes, scopesIssue } from "./oidc-scopes";

describe("scopes", () => {
  it("accepts space-separated scope tokens that include openid, normalised", () => {
    expect(scopesIssue(DEFAULT_OIDC_SCOPES)).toBeNull();
    expect(scopesIssue("  openid   email\tprofile groups ")).toBeNull();
    expect(normalizeScopes("  openid   email\tprofile groups email ")).toBe("openid email profile groups");
    expect(scopesIssue("openid api://nines/.default")).toBeNull();
  });

  it("refuses an empty text, a list without openid, commas and characters a scope cannot hold", () => {
    expect(scopesIssue("   ")).toMatch(/^Required/);
    expect(scopesIssue("email profile")).toMatch(/Must include openid.*"openid email profile"/);
    expect(scopesIssue("openid,email,profile")).toBe("Separate scopes with spaces, not commas");
    expect(scopesIssue('openid "groups"')).toMatch(/is not a scope/);
    expect(scopesIssue("openid gr\\oups")).toMatch(/is not a scope/);
    expect(scopesIssue("openid grüppen")).toMatch(/is not a scope/);
  });

  it("limits how many scopes and how long", () => {
    expect(scopesIssue(["openid", ...Array.from({ length: 30 }, (_, i) => `s${i}`)].join(" "))).toBe("At most 30 scopes");
    expect(scopesIssue(`openid ${"x".repeat(500)}`)).toBe("Must be at most 500 characters");
  });
});
