// Runs before every page (Next's proxy, formerly middleware): the security headers with a nonce for
// the page's scripts, the page's path for the access check that runs before anything streams
// (lib/server/auth/page-guard.ts), and a calm 503 page while the database does not answer. The API
// and files get the same headers, without a nonce, from scripts/serve.ts (a proxy run costs ~1 ms).
import { NextResponse, type NextRequest } from "next/server";
import { databaseUnavailableHtml, RETRY_SECONDS } from "@/components/feedback/database-unavailable";
import { PAGE_PATH_HEADER } from "@/lib/server/auth/page-access";
import { databaseAnswers } from "@/lib/server/db-probe";
import { securityHeaders } from "@/lib/server/security-headers";

/**
 * Every path but the API (and /metrics), Next's files and the files public/ and app/ serve as they are. Files are
 * named one by one (not "anything with a dot"): every page path must pass here, or a page would
 * see a client's own x-nines-page header (scripts/serve.ts drops those too).
 */
export const config = {
  matcher: ["/((?!api/|metrics$|_next/|favicon\\.ico$|icon\\.svg$|icon-192\\.png$|icon-512\\.png$|apple-touch-icon\\.png$|robots\\.txt$|site\\.webmanifest$).*)"],
};

export async function proxy(req: NextRequest): Promise<NextResponse> {
  const { pathname, search } = req.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = securityHeaders({ nonce, publicUrl: process.env.NEXTAUTH_URL, dev: process.env.NODE_ENV === "development" });

  // The public status page serves its last snapshot while the database is away (lib/server/status-snapshot.ts).
  const statusPage = pathname === "/status" || pathname === "/status.json" || pathname.startsWith("/status/");
  if (!statusPage && !(await databaseAnswers())) {
    const res = new NextResponse(databaseUnavailableHtml(), {
      status: 503,
      headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_SECONDS), "cache-control": "no-store" },
    });
    for (const [name, value] of Object.entries(securityHeaders({ publicUrl: process.env.NEXTAUTH_URL }))) res.headers.set(name, value);
    return res;
  }

  const forward = new Headers(req.headers);
  // Always ours: a client's own value of either header is replaced.
  forward.set(PAGE_PATH_HEADER, pathname + search);
  // Next reads the nonce from the request's CSP and puts it on the scripts it renders.
  forward.set("content-security-policy", headers["content-security-policy"] as string);
  const res = NextResponse.next({ request: { headers: forward } });
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}
