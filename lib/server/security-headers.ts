// The headers every response carries, built in one place (proxy.ts sets them). Pure: no I/O.

export type HeaderOptions = {
  /** Per-request nonce for the page's scripts; absent for API responses and files. */
  nonce?: string;
  /** The public URL (NEXTAUTH_URL): HSTS and upgrade-insecure-requests only when it is https. */
  publicUrl?: string;
  /** `next dev` needs eval for its error overlay; production never does. */
  dev?: boolean;
};

/** A page: its own scripts by nonce only; styles inline (React style attributes, chart SVG). */
export function pageCsp({ nonce, publicUrl, dev }: HeaderOptions): string {
  const https = publicUrl?.startsWith("https://") ?? false;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON, files, the outage page: nothing may run, nothing may frame it. */
const STRICT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function securityHeaders(options: HeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "content-security-policy": options.nonce ? pageCsp(options) : STRICT_CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    // Incident and service URLs say what is broken: they do not leave for other sites.
    "referrer-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "cross-origin-opener-policy": "same-origin",
  };
  if (options.publicUrl?.startsWith("https://")) headers["strict-transport-security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
