// The page measurements of `npm run bench` (issue 10): the overview and a service page, each as a
// signed-in browser asks for it, beside the JSON it wraps, and the JavaScript each page ships.
//   overview floor     = GET /api/v1/availability?incidents=0: every service in its SLO window,
//                        the one all-services computation the page is built on (the page also
//                        reads its rows' 26-week trends and the ongoing incidents: not in the floor);
//   service page floor = the JSON requests that carry the same data, sent at once, as a page
//                        rendered in the browser would: the service, its availability summary, its
//                        26-week series, the incidents of that range and its latest incidents.
//                        A signed-in page with no data (/nines) costs about 2.5x the summary alone
//                        on the benchmark machine, so the page is also reported against the
//                        summary alone, without a goal.
// A page is timed until its last streamed byte, as the JSON requests are.
import http from "node:http";

/** The service page's data as JSON: what a browser-rendered page would ask for, all at once. */
export async function serviceJson(get: (path: string) => Promise<void>, slug: string): Promise<void> {
  const trend = "bucket=week&count=26";
  await Promise.all([
    get(`/api/v1/services/${slug}`),
    get(`/api/v1/services/${slug}/availability`),
    get(`/api/v1/services/${slug}/availability/series?${trend}`),
    get(`/api/v1/services/${slug}/availability/incidents?${trend}`),
    get(`/api/v1/incidents?service=${slug}&limit=10`),
  ]);
}

/** Compressed bytes on the wire for one GET, as a browser would ask (brotli or gzip). */
function wireBytes(url: string, cookie: string): Promise<{ status: number; bytes: number; body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { cookie, "accept-encoding": "br, gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, bytes: body.length, body, encoding: String(res.headers["content-encoding"] ?? "identity") });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

export type Shipped = { path: string; scripts: number; jsBytes: number; htmlBytes: number; encodings: string };

/**
 * The JavaScript a page makes a browser download: every script chunk its HTML names (script tags,
 * and the client components' chunks listed in Next's inline payload), fetched as the browser
 * would, counted compressed; not the `noModule` polyfills, which modern browsers skip. The HTML
 * itself (with Next's inline payload) is reported apart: it is the page's data, not code.
 */
export async function shippedBytes(base: string, path: string, cookie: string): Promise<Shipped> {
  const page = await fetch(`${base}${path}`, { headers: { cookie } });
  if (!page.ok) throw new Error(`${path}: ${page.status}`);
  const html = await page.text();
  const legacy = new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*\snoModule/gi)].map((m) => m[1]));
  const sources = [...new Set([...html.matchAll(/\/_next\/static\/chunks\/[\w.-]+\.js/g)].map((m) => m[0]))].filter((s) => !legacy.has(s));
  let jsBytes = 0;
  const encodings = new Set<string>();
  for (const src of sources) {
    const res = await wireBytes(new URL(src, base).toString(), cookie);
    if (res.status !== 200) throw new Error(`${src}: ${res.status}`);
    jsBytes += res.bytes;
    encodings.add(res.encoding);
  }
  const doc = await wireBytes(`${base}${path}`, cookie);
  return { path, scripts: sources.length, jsBytes, htmlBytes: doc.bytes, encodings: [...encodings].join("+") };
}

export function reportShipped(shipped: Shipped[]): boolean {
  let ok = true;
  console.log("\nJavaScript shipped per page (compressed, as a browser downloads it):");
  for (const s of shipped) {
    const overview = s.path === "/";
    const met = !overview || s.jsBytes < 250 * 1024;
    ok &&= met;
    console.log(
      `${(overview ? "overview (/)" : s.path).padEnd(34)} ${(s.jsBytes / 1024).toFixed(1).padStart(7)} KB in ${s.scripts} scripts (${s.encodings}); HTML ${(s.htmlBytes / 1024).toFixed(1)} KB${overview ? (met ? "  met: < 250 KB" : "  MISSED: < 250 KB") : ""}`,
    );
  }
  return ok;
}
