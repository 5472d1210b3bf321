import "server-only";
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { FORBIDDEN_HOSTNAMES, isForbiddenAddress, type ProbeMethod, type RunOutcome } from "@/lib/domain/probes";

// One HTTP check, bounded in every direction: the whole run (redirects included) stops at the
// timeout, at most MAX_REDIRECTS redirects are followed, at most MAX_BODY_BYTES are read (and only
// to look for the expected text; nothing of the body is kept), and every address the name
// resolves to is checked at connect time, so a DNS answer that changes between the check and the
// connection (rebinding) cannot reach a link-local or metadata address.

export const MAX_REDIRECTS = 5;
export const MAX_BODY_BYTES = 1024 * 1024;

export class ForbiddenTargetError extends Error {}

/**
 * The host's addresses now. A name that does not resolve yet (DNS not set up, or down) is no reason
 * to refuse the probe: every run resolves it again through guardedLookup, which checks each address.
 */
async function resolvedNow(host: string): Promise<{ address: string }[]> {
  try {
    return await lookup(host, { all: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).syscall === "getaddrinfo") return [];
    throw err;
  }
}

/** Refuses hostnames and addresses a probe must not reach (unless allowed by an admin). */
export async function assertAllowedTarget(url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (FORBIDDEN_HOSTNAMES.includes(host)) throw new ForbiddenTargetError(`${host} is a cloud metadata name`);
  const addresses = isIP(host) ? [host] : (await resolvedNow(host)).map((a) => a.address);
  const bad = addresses.find(isForbiddenAddress);
  if (bad) throw new ForbiddenTargetError(`${host} resolves to ${bad}, a link-local or metadata address`);
}

export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true })
      .then((list) => {
        const allowed = allowPrivate ? list : list.filter((a) => !isForbiddenAddress(a.address));
        if (allowed.length === 0) return callback(new ForbiddenTargetError(`${hostname} resolves only to link-local or metadata addresses`), "", 4);
        if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof allowed) => void)(null, allowed);
        const first = allowed[0] as { address: string; family: number };
        callback(null, first.address, first.family);
      })
      .catch((err: Error) => callback(err as NodeJS.ErrnoException, "", 4));
  };
}

type Hop = { status: number; location: string | null; textMatched: boolean | null };

function request(url: URL, method: ProbeMethod, expectText: string | null, signal: AbortSignal, allowPrivate: boolean): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, { method, signal, lookup: guardedLookup(allowPrivate), headers: { "user-agent": "Nines-probe/1", accept: "*/*" } }, (res) => {
      const status = res.statusCode ?? 0;
      const location = status >= 300 && status < 400 ? (res.headers.location ?? null) : null;
      if (location !== null || method === "HEAD" || expectText === null) {
        res.resume();
        res.on("end", () => resolve({ status, location, textMatched: null }));
        res.on("error", reject);
        // Without expected text the body is not needed: stop reading it.
        if (location === null && method !== "HEAD" && expectText === null) {
          res.destroy();
          resolve({ status, location, textMatched: null });
        }
        return;
      }
      // Keep a window just long enough to find the text across chunk boundaries; stop at the bound.
      let seen = 0;
      let tail = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        seen += Buffer.byteLength(chunk);
        const text = tail + chunk;
        if (text.includes(expectText)) {
          res.destroy();
          return resolve({ status, location: null, textMatched: true });
        }
        tail = text.slice(-expectText.length);
        if (seen >= MAX_BODY_BYTES) {
          res.destroy();
          resolve({ status, location: null, textMatched: false });
        }
      });
      res.on("end", () => resolve({ status, location: null, textMatched: false }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

const code = (err: unknown): string => {
  if (err instanceof ForbiddenTargetError) return "forbidden_target";
  const e = err as { name?: string; code?: string };
  if (e.name === "AbortError" || e.name === "TimeoutError" || e.code === "ABORT_ERR") return "timeout";
  if (e.code === "ENOTFOUND" || e.code === "EAI_AGAIN") return "dns";
  if (e.code === "ECONNREFUSED") return "connection_refused";
  if (e.code === "ECONNRESET" || e.code === "EPIPE") return "connection_reset";
  if (typeof e.code === "string" && e.code.startsWith("ERR_TLS") || e.code === "CERT_HAS_EXPIRED" || e.code === "DEPTH_ZERO_SELF_SIGNED_CERT") return "tls";
  return "error";
};

/** Runs one check. Never throws: a failure is an outcome with its error code. */
export async function runCheck(p: { url: string; method: ProbeMethod; timeoutSeconds: number; expectText: string | null; allowPrivate: boolean }): Promise<RunOutcome & { latencyMs: number }> {
  const started = performance.now();
  const signal = AbortSignal.timeout(p.timeoutSeconds * 1000);
  try {
    let url = new URL(p.url);
    for (let hops = 0; ; hops++) {
      await assertAllowedTarget(url, p.allowPrivate);
      const hop = await request(url, p.method, p.expectText, signal, p.allowPrivate);
      if (hop.location === null) return { status: hop.status, error: null, textMatched: hop.textMatched, latencyMs: Math.round(performance.now() - started) };
      if (hops >= MAX_REDIRECTS) return { status: hop.status, error: "too_many_redirects", textMatched: null, latencyMs: Math.round(performance.now() - started) };
      url = new URL(hop.location, url);
      if (url.protocol !== "http:" && url.protocol !== "https:") return { status: hop.status, error: "redirect_scheme", textMatched: null, latencyMs: Math.round(performance.now() - started) };
    }
  } catch (err) {
    return { status: null, error: code(err), textMatched: null, latencyMs: Math.round(performance.now() - started) };
  }
}
