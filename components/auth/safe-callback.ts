/**
 * The path to return to after sign-in, only if it stays on this origin. Accepts a relative path
 * ("/services?tier=1") or an absolute URL on `host` (next-auth builds those); anything else,
 * including protocol-relative "//evil" and "/\evil", falls back to the overview. Pointing back
 * at /login or /setup would loop, so those fall back too.
 */
export function safeCallbackPath(raw: string | string[] | undefined, host: string | null): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return "/";
  let path: string;
  if (value.startsWith("/")) {
    if (value.startsWith("//") || value.startsWith("/\\")) return "/";
    path = value;
  } else {
    try {
      const url = new URL(value);
      if (!host || url.host !== host || (url.protocol !== "http:" && url.protocol !== "https:")) return "/";
      path = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      return "/";
    }
  }
  if (/[\u0000-\u001f\\]/.test(path)) return "/";
  if (/^\/(login|setup)(\/|\?|#|$)/.test(path)) return "/";
  return path;
}
