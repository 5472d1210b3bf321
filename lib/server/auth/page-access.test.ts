import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { roleForPage } from "./page-access";

describe("roleForPage", () => {
  it.each([
    ["/", "viewer"],
    ["/services", "viewer"],
    ["/services/checkout", "viewer"],
    ["/services/new", "editor"],
    ["/services/checkout/edit", "editor"],
    ["/incidents", "viewer"],
    ["/incidents/new", "editor"],
    ["/incidents/INC-12", "viewer"],
    ["/action-items", "viewer"],
    ["/reports", "viewer"],
    ["/reports/month:2026-11", "viewer"],
    ["/risks", "viewer"],
    ["/risks/RISK-3", "viewer"],
    ["/risks/new", "editor"],
    ["/risks/RISK-3/edit", "editor"],
    ["/settings", "viewer"],
    ["/settings/tiers", "viewer"],
    ["/settings/tiers/abc123", "admin"],
    ["/settings/users", "admin"],
    ["/settings/tokens", "admin"],
    ["/settings/audit", "admin"],
    ["/settings/integrations", "admin"],
    ["/settings/sign-in", "admin"],
    ["/settings/notifications", "admin"],
    ["/settings/status-page", "admin"],
    ["/settings/notifications/ckabc", "admin"],
    // Every role reads the datasources and their state; the form is for admins only.
    ["/settings/datasources", "viewer"],
    // Not a prefix match: a service may be called "new-edit".
    ["/services/new-edit", "viewer"],
  ])("%s needs %s", (page, role) => expect(roleForPage(page)).toBe(role));

  it("every page under app/(app) is one of the paths above or a viewer page on purpose", () => {
    // A reminder with teeth: a new page must be looked at here, and its role added to the table.
    const pages: string[] = [];
    const walk = (dir: string, route: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(path.join(dir, entry.name), `${route}/${entry.name}`);
        else if (entry.name === "page.tsx") pages.push(route || "/");
      }
    };
    walk(path.resolve(import.meta.dirname, "../../../app/(app)"), "");
    expect(pages.sort()).toEqual(
      ["/", "/action-items", "/api-docs", "/incidents", "/incidents/[ref]", "/incidents/new", "/nines", "/reports", "/reports/[period]", "/reviews", "/reviews/[week]", "/risks", "/risks/[ref]", "/risks/[ref]/edit", "/risks/new", "/services", "/services/[slug]", "/services/[slug]/edit", "/services/[slug]/probes", "/services/new", "/settings", "/settings/audit", "/settings/datasources", "/settings/integrations", "/settings/notifications", "/settings/notifications/[id]", "/settings/sign-in", "/settings/status-page", "/settings/tiers", "/settings/tiers/[id]", "/settings/tokens", "/settings/users"].sort(),
    );
  });
});
