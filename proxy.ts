// Runs before every request (Next's proxy, formerly middleware): the security headers of every
// response, a nonce for each page's scripts, the page's path for the access check that runs
// before anything streams (lib/server/auth/page-guard.ts), and a calm 503 page while the database
// does not answer.
import { NextResponse, type NextRequest } from "next/server";
import { databaseUnavailableHtml, RETRY_SECONDS } from "@/components/feedback/database-unavailable";
import { PAGE_PATH_HEADER } from "@/lib/server/auth/page-access";
import { databaseAnswers } from "@/lib/server/db-probe";
import { securityHeaders } from "@/lib/server/security-headers";

/** Pages: not the API, not Next's files, not files served as they are (icon.svg, robots.txt). */
function isPage(pathname: string): boolean {
  return !pathname.startsWith("/api/") && !pathname.startsWith("/_next/") && !/\.[a-z0-9]+$/i.test(pathname);
}

export async function proxy(req: NextRequest): Promise<NextResponse> {
  const { pathname, search } = req.nextUrl;
  const page = isPage(pathname);
  const nonce = page ? Buffer.from(crypto.randomUUID()).toString("base64") : undefined;
  const headers = securityHeaders({ nonce, publicUrl: process.env.NEXTAUTH_URL, dev: process.env.NODE_ENV === "development" });

  if (page && !(await databaseAnswers())) {
    const res = new NextResponse(databaseUnavailableHtml(), {
      status: 503,
      headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_SECONDS), "cache-control": "no-store" },
    });
    for (const [name, value] of Object.entries(securityHeaders({ publicUrl: process.env.NEXTAUTH_URL }))) res.headers.set(name, value);
    return res;
  }

  const forward = new Headers(req.headers);
  // Always ours: a client's own value of either header is replaced.
  forward.delete(PAGE_PATH_HEADER);
  if (page) {
    forward.set(PAGE_PATH_HEADER, pathname + search);
    // Next reads the nonce from the request's CSP and puts it on the scripts it renders.
    forward.set("content-security-policy", headers["content-security-policy"] as string);
  }
  const res = NextResponse.next({ request: { headers: forward } });
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}
