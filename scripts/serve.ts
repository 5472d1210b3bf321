// The production HTTP server: Next's request handler behind our own response compression.
//
// Why not `next start`: Next compresses every response with gzip at level 6 and gives an app no
// way to choose (it also strips a Content-Encoding a route handler sets). The all-services
// availability summary is about 2 MB of JSON for a thousand services; level 6 took longer than
// computing every figure in it, for a body only 15 % smaller than level 1 (nginx's default level).
// Here: brotli at quality 1 when the client offers it (on that summary: 8 ms and 355 kB, where
// quality 4 took 29 ms for 293 kB), else gzip at level 1 (12 ms, 383 kB); `compress: false` in
// next.config.js keeps Next from compressing a second time.
//
// Usage: tsx scripts/serve.ts [-p PORT] [-H HOSTNAME]   (PORT from the environment too; without
// -H it listens on every interface, like `next start`)
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import compression from "compression";
import next from "next";
import { securityHeaders } from "../lib/server/security-headers";
import { ROOT_DIR } from "./db/paths";
import { bypassesGate, requestGate } from "./lib/request-gate";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Not $HOSTNAME: shells and containers set it to the machine's name, and binding to that would
// make the server unreachable on localhost.
const hostname = values.hostname;

const app = next({ dev: false, dir: ROOT_DIR, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
// Typed for Express; it only uses Node's request and response.
const compress = compression({
  level: 1,
  // Fewer, larger zlib steps: each one is a round trip between the thread pool and the event loop.
  chunkSize: 64 * 1024,
  brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
}) as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

// The client's address as this socket sees it, for the sign-in limits (lib/server/auth/
// sign-in-limits.ts). Next keeps a client's own X-Forwarded-For, so that cannot be trusted; behind
// N proxies of yours, set NINES_TRUST_PROXY=N and the address is the entry the outermost appended.
const trustedProxies = Number(process.env.NINES_TRUST_PROXY ?? 0) || 0;
function clientAddress(req: IncomingMessage): string {
  const socket = req.socket.remoteAddress ?? "unknown";
  if (trustedProxies <= 0) return socket;
  const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded[forwarded.length - trustedProxies] ?? socket;
}

// The headers every response carries (lib/server/security-headers.ts). Set here for the API and
// files: Next's proxy would add a millisecond to each; proxy.ts sets them for pages, with a nonce.
const headers = Object.entries(securityHeaders({ publicUrl: process.env.NEXTAUTH_URL }));

// At most NINES_MAX_CONCURRENT_REQUESTS pages and API requests at once (scripts/lib/request-gate.ts).
const positive = (name: string, fallback: number) => (Number(process.env[name]) > 0 ? Math.floor(Number(process.env[name])) : fallback);
const gate = requestGate(positive("NINES_MAX_CONCURRENT_REQUESTS", 8), positive("NINES_REQUEST_QUEUE", 1000));

await app.prepare();
const server = createServer((req, res) => {
  req.headers["x-nines-client-address"] = clientAddress(req);
  // Only proxy.ts may say which page is asked for (lib/server/auth/page-access.ts).
  delete req.headers["x-nines-page"];
  for (const [name, value] of headers) res.setHeader(name, value);
  if (bypassesGate(req.url)) return void serve(req, res);
  gate
    .enter()
    .then((leave) => {
      if (!leave) {
        res.writeHead(503, { "content-type": "application/json", "retry-after": "5" });
        res.end(JSON.stringify({ error: "overloaded", message: "Nines is answering as many requests as it can; try again in a few seconds" }));
        return;
      }
      if (res.destroyed || req.socket.destroyed) return leave(); // the client left while it waited
      // The slot is free once the work is done AND the response is closed: a client that goes
      // away does not stop the work its request started.
      let open = 2;
      const done = () => {
        if (--open === 0) leave();
      };
      res.once("close", done);
      void serve(req, res).finally(done);
    })
    .catch((error: unknown) => {
      console.error("[serve] request gate failed", error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
});

/** Compression, then Next's handler; settles when the handler has. */
function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    compress(req, res, () => {
      handle(req, res)
        .catch((error: unknown) => {
          console.error("[serve] unhandled request error", error);
          if (!res.headersSent) res.statusCode = 500;
          res.end();
        })
        .finally(resolve);
    });
  });
}

// An idle keep-alive connection is closed after 65 s, not Node's 5 s: a client (or a proxy, whose
// idle timeout is commonly 60 s) that sends on a connection the moment the server closes it gets
// ECONNRESET — seen once in the browser tests after a 5 s pause between API requests.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

const ready = () => console.log(`[serve] ready on http://${hostname ?? "localhost"}:${port}`);
if (hostname === undefined) server.listen(port, ready);
else server.listen(port, hostname, ready);

// Finish requests in flight, then exit 0: the supervisor (scripts/start.ts) stops PostgreSQL next.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
