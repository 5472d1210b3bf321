import { describe, expect, it } from "vitest";
import type { FreezeFacts } from "./freeze-message";
import { notificationMessage, webhookBody } from "./notification-message";

const freeze = (over: Partial<FreezeFacts> = {}): FreezeFacts => ({
  id: "f1",
  service: { id: "s1", slug: "checkout", name: "Checkout", tierId: "t1" },
  startedAt: "2026-03-10T09:00:00.000Z",
  reason: "availability: budget spent: 120.0 % of it used",
  recoversAt: "2026-04-02T14:30:00.000Z",
  timeZone: "Europe/Berlin",
  ...over,
});

describe("a freeze's messages", () => {
  it("say the service froze, why, and when it recovers in the organisation's zone", () => {
    const m = notificationMessage({ type: "policy.frozen", at: "2026-03-10T09:00:00.000Z", freeze: freeze() }, "internal", "https://n");
    expect(m?.title).toBe("Frozen: Checkout");
    expect(m?.text).toContain("Why: availability: budget spent: 120.0 % of it used");
    expect(m?.facts).toEqual([
      { label: "Service", value: "Checkout" },
      { label: "Frozen since", value: "2026-03-10 10:00 Europe/Berlin" },
      { label: "Recovers", value: "2026-04-02 16:30 Europe/Berlin, if nothing more is spent" },
    ]);
    expect(m?.link).toBe("https://n/services/checkout");
    expect(JSON.parse(webhookBody(m!, "k")).data).toEqual({ service: { slug: "checkout", name: "Checkout" }, freeze: { id: "f1", startedAt: "2026-03-10T09:00:00.000Z", reason: "availability: budget spent: 120.0 % of it used", recoversAt: "2026-04-02T14:30:00.000Z" } });
  });

  it("say when the recovery cannot be told", () => {
    const m = notificationMessage({ type: "policy.frozen", at: "2026-03-10T09:00:00.000Z", freeze: freeze({ recoversAt: null }) }, "internal", "https://n");
    expect(m?.facts.find((f) => f.label === "Recovers")?.value).toBe("not known: when its budget is back above the policy's threshold");
  });

  it("tell a thaw from an early lift, with who lifted it and why", () => {
    const thawed = notificationMessage({ type: "policy.thawed", at: "2026-04-02T14:31:00.000Z", freeze: freeze(), endedAt: "2026-04-02T14:31:00.000Z", state: "normal", lifted: null }, "internal", "https://n");
    expect(thawed?.title).toBe("Thawed: Checkout");
    expect(thawed?.facts).toContainEqual({ label: "State now", value: "Normal" });
    const lifted = notificationMessage({ type: "policy.thawed", at: "2026-03-11T08:00:00.000Z", freeze: freeze(), endedAt: "2026-03-11T08:00:00.000Z", state: "caution", lifted: { by: "Ada Admin", reason: "The fix shipped" } }, "internal", "https://n");
    expect(lifted?.title).toBe("Freeze lifted early: Checkout");
    expect(lifted?.text).toContain("Ada Admin lifted the freeze of Checkout");
    expect(lifted?.text).toContain("Why: The fix shipped");
    expect(lifted?.facts).toContainEqual({ label: "Frozen", value: "2026-03-10 10:00 Europe/Berlin to 2026-03-11 09:00 Europe/Berlin" });
    expect(lifted?.data.lifted).toEqual({ by: "Ada Admin", reason: "The fix shipped" });
  });

  it("never reach a public channel", () => {
    expect(notificationMessage({ type: "policy.frozen", at: "2026-03-10T09:00:00.000Z", freeze: freeze() }, "public", "https://n")).toBeNull();
    expect(notificationMessage({ type: "policy.thawed", at: "2026-03-10T09:00:00.000Z", freeze: freeze(), endedAt: "2026-03-10T09:00:00.000Z", state: "caution", lifted: null }, "public", "https://n")).toBeNull();
  });
});
