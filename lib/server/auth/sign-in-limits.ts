import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { formatDuration } from "@/lib/domain/format";
import { pool } from "@/lib/server/db";
import { TooManyRequestsError } from "@/lib/server/errors";

/**
 * Failed sign-ins are limited per account and per client address, in PostgreSQL (the
 * rate_limits table, rate-limiter-flexible's store), so the limits hold across processes and
 * restarts. Each attempt takes a point before the password is checked, so a burst of parallel
 * guesses cannot slip past the count; a successful sign-in gives its points back.
 */
export const SIGN_IN_LIMITS = {
  /** Guesses at one account: 10 failures in 15 minutes, then 15 minutes blocked. */
  account: { points: 10, duration: 15 * 60, blockDuration: 15 * 60 },
  /** Guesses from one address across accounts (an office behind one NAT stays well below). */
  address: { points: 50, duration: 15 * 60, blockDuration: 15 * 60 },
  /** Refused sign-ins written to the audit trail: one a minute per person and reason. */
  refusalAudit: { points: 1, duration: 60 },
} as const;

type Limiters = { account: RateLimiterPostgres; address: RateLimiterPostgres; refusalAudit: RateLimiterPostgres };
const globalForLimits = globalThis as unknown as { __ninesSignInLimits?: Limiters };

function limiters(): Limiters {
  globalForLimits.__ninesSignInLimits ??= {
    account: new RateLimiterPostgres({ storeClient: pool(), storeType: "pool", tableName: "rate_limits", tableCreated: true, keyPrefix: "sign_in_account", ...SIGN_IN_LIMITS.account }),
    address: new RateLimiterPostgres({ storeClient: pool(), storeType: "pool", tableName: "rate_limits", tableCreated: true, keyPrefix: "sign_in_address", ...SIGN_IN_LIMITS.address }),
    refusalAudit: new RateLimiterPostgres({ storeClient: pool(), storeType: "pool", tableName: "rate_limits", tableCreated: true, keyPrefix: "sign_in_refusal_audit", ...SIGN_IN_LIMITS.refusalAudit }),
  };
  return globalForLimits.__ninesSignInLimits;
}

// Keys are hashes: the table never holds an e-mail address, and any length fits its column.
const key = (value: string) => createHash("sha256").update(value.trim().toLowerCase()).digest("hex");

/** The client's address as scripts/serve.ts saw it on the socket (never the client's own claim). */
export function clientAddress(headers: Headers): string {
  return headers.get("x-nines-client-address") ?? "unknown";
}

/** Takes one point of each limit, or throws a 429 saying how long to wait. */
async function take(limiter: RateLimiterPostgres, k: string, what: string): Promise<void> {
  try {
    await limiter.consume(k);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err; // the store failed: not the client's fault
    const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    throw new TooManyRequestsError(`Too many failed sign-ins ${what}. Try again in ${formatDuration(seconds)}.`, seconds);
  }
}

/**
 * Runs one sign-in attempt under the limits. `attempt` answers whether the password was right;
 * a right one clears the account's failures and gives the address its point back.
 */
export async function limitSignIn<T>(email: string, address: string, attempt: () => Promise<{ result: T; succeeded: boolean }>): Promise<T> {
  const { account, address: byAddress } = limiters();
  const [accountKey, addressKey] = [key(email), key(address)];
  await take(account, accountKey, "for this account");
  await take(byAddress, addressKey, "from your address");
  const { result, succeeded } = await attempt();
  if (succeeded) await Promise.all([account.delete(accountKey), byAddress.reward(addressKey, 1)]);
  return result;
}

/**
 * Whether a refused sign-in of `who` for `reason` is the first this minute, and so goes to the
 * audit trail. Someone retrying (or scripting) sign-ins that Nines refuses cannot flood the trail:
 * the later ones of the minute are refused all the same, unrecorded. Kept in PostgreSQL like the
 * limits above, so it holds across processes.
 */
export async function firstRefusalThisMinute(who: string, reason: string): Promise<boolean> {
  try {
    await limiters().refusalAudit.consume(key(`${reason} ${who}`));
    return true;
  } catch (err) {
    if (err instanceof RateLimiterRes) return false;
    throw err;
  }
}
