import { describe, expect, it } from "vitest";
import { bypassesGate, requestGate } from "./request-gate";

describe("requestGate", () => {
  it("admits up to its limit, then one waiting request per release, in arrival order", async () => {
    const gate = requestGate(2, 10);
    const a = await gate.enter();
    const b = await gate.enter();
    const order: string[] = [];
    const c = gate.enter().then((r) => (order.push("c"), r));
    const d = gate.enter().then((r) => (order.push("d"), r));
    expect(gate.active).toBe(2);
    expect(gate.waiting).toBe(2);
    a?.();
    a?.(); // releasing twice frees one slot only
    const rc = await c;
    expect(order).toEqual(["c"]);
    expect(gate.waiting).toBe(1);
    b?.();
    await d;
    expect(order).toEqual(["c", "d"]);
    rc?.();
    expect(gate.active).toBe(1);
  });

  it("refuses at once when its queue is full", async () => {
    const gate = requestGate(1, 1);
    await gate.enter();
    void gate.enter();
    expect(await gate.enter()).toBeNull();
  });

  it("lets files and health checks pass", () => {
    expect(bypassesGate("/_next/static/chunks/a.js")).toBe(true);
    expect(bypassesGate("/api/health")).toBe(true);
    expect(bypassesGate("/icon.svg")).toBe(true);
    expect(bypassesGate("/api/v1/availability?x=1")).toBe(false);
    expect(bypassesGate("/")).toBe(false);
  });
});
