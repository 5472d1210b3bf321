// A tiny round-robin HTTP proxy for the two-process check (e2e/multi-process.ts): each request
// goes to the next backend in turn, as a load balancer without sticky sessions sends it. It adds
// X-Forwarded-For (the apps run with NINES_TRUST_PROXY=1) and says on the response which backend
// answered (X-Test-Backend: its index), so a check can tell that both were used.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RoundRobinProxy = {
  url: string;
  /** How many requests each backend was sent. */
  served: number[];
  close: () => Promise<void>;
};

export async function startRoundRobinProxy(backends: string[]): Promise<RoundRobinProxy> {
  const targets = backends.map((b) => new URL(b));
  const served = targets.map(() => 0);
  // Keep-alive to the backends, as a real proxy does; the client's own connections are separate.
  const agent = new http.Agent({ keepAlive: true });
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next;
    next = (next + 1) % targets.length;
    served[index] = (served[index] ?? 0) + 1;
    const target = targets[index] as URL;
    const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, agent, headers: { ...req.headers, "x-forwarded-for": forwardedFor } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-test-backend": String(index) });
        answer.pipe(res);
      },
    );
    upstream.on("error", (err) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain", "x-test-backend": String(index) });
      res.end(`proxy: backend ${index} failed: ${err.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: async () => {
      server.closeAllConnections();
      agent.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
