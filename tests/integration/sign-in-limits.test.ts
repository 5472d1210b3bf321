import { describe, expect, it } from "vitest";
import { limitSignIn, SIGN_IN_LIMITS } from "@/lib/server/auth/sign-in-limits";
import { TooManyRequestsError } from "@/lib/server/errors";
import { unique } from "../support/api";

const wrong = async () => ({ result: 401, succeeded: false });
const right = async () => ({ result: 200, succeeded: true });

/** As if the app had restarted, or another process answered: limiters built afresh. */
function freshProcess() {
  delete (globalThis as { __ninesSignInLimits?: unknown }).__ninesSignInLimits;
}

async function burst(n: number, email: string, address: string) {
  return Promise.allSettled(Array.from({ length: n }, () => limitSignIn(email, address, wrong)));
}

describe("failed sign-ins are limited in PostgreSQL", () => {
  it("50 wrong passwords at once: the first 10 are checked, the rest get 429, and then even the right one waits", async () => {
    const email = `${unique("victim")}@example.test`;
    const results = await burst(50, email, unique("addr"));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(SIGN_IN_LIMITS.account.points);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(refused).toHaveLength(40);
    for (const err of refused) {
      expect(err).toBeInstanceOf(TooManyRequestsError);
      expect(err.status).toBe(429);
      expect(err.retryAfterSeconds).toBeGreaterThan(0);
      expect(err.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.account.blockDuration);
      expect(err.message).toMatch(/Try again in \d+m/);
    }
    // Another process (or the same after a restart) sees the same block.
    freshProcess();
    await expect(limitSignIn(email.toUpperCase(), unique("addr"), right)).rejects.toMatchObject({ status: 429 });
  });

  it("a right password clears the account's failures", async () => {
    const email = `${unique("forgetful")}@example.test`;
    const address = unique("addr");
    await burst(9, email, address);
    expect(await limitSignIn(email, address, right)).toBe(200);
    expect((await burst(9, email, address)).every((r) => r.status === "fulfilled")).toBe(true);
  });

  it("one address guessing across many accounts is limited too", async () => {
    const address = unique("addr");
    let refused = 0;
    for (let i = 0; i < SIGN_IN_LIMITS.address.points + 5; i++) {
      const r = await limitSignIn(`${unique("user")}@example.test`, address, wrong).catch((err: unknown) => err);
      if (r instanceof TooManyRequestsError) refused++;
    }
    expect(refused).toBe(5);
    expect(await limitSignIn(`${unique("user")}@example.test`, unique("addr"), right)).toBe(200);
  });
});
