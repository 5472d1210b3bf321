import "server-only";
import { ForbiddenError } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins people reach Nines at: the public URL, and the host this request was sent to. */
function ownOrigins(req: Request): Set<string> {
  const own = new Set<string>();
  const publicUrl = process.env.NEXTAUTH_URL;
  if (publicUrl) own.add(new URL(publicUrl).origin);
  const host = req.headers.get("host");
  if (host) for (const proto of ["http", "https"]) own.add(`${proto}://${host}`);
  return own;
}

/**
 * Cross-site request forgery: a browser sends the session cookie with a request another site
 * makes it send. A write that relies on the cookie (no Authorization header) must come from a
 * page of Nines itself, as the browser's Origin (or Sec-Fetch-Site) says. Scripts send a token
 * and are not affected; reads change nothing and are not checked.
 */
export function assertSameOriginWrite(req: Request): void {
  if (SAFE_METHODS.has(req.method) || req.headers.has("authorization")) return;
  // Browsers send Origin with every write; a cookie write without it is not from a Nines page.
  if (sameOrigin(req) !== true) throw crossSite();
}

/**
 * For writes that need no sign-in (the first-run setup): refused only when the browser says the
 * request comes from another site. A script sends neither header, and carries no cookie to abuse.
 */
export function assertNotCrossSite(req: Request): void {
  if (!SAFE_METHODS.has(req.method) && sameOrigin(req) === false) throw crossSite();
}

/** What the browser's headers say: from our own origin, from another, or (null) nothing. */
function sameOrigin(req: Request): boolean | null {
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  if (origin !== null) return ownOrigins(req).has(origin);
  return site === "same-origin" ? true : null;
}

function crossSite(): ForbiddenError {
  return new ForbiddenError("Cross-site request refused: a signed-in write must come from a Nines page (or send an API token)");
}
