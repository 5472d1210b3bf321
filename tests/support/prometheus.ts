// A real Prometheus for the measured-SLO tests (Debian's package, which `npm test` installs when
// missing: scripts/tools/required.ts), scraping a small exporter the test serves every second.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

export const PROMETHEUS = process.env.PROMETHEUS_PATH ?? "/usr/bin/prometheus";
export const PROMTOOL = process.env.PROMTOOL_PATH ?? "/usr/bin/promtool";

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Counters that grow in real time at the rates set: `http_requests_total{code="200"}` by
 * `goodPerSecond`, `{code="500"}` by `badPerSecond`, integrated every 50 ms.
 */
export async function startExporter(rates: { goodPerSecond: number; badPerSecond: number }) {
  let good = 0;
  let bad = 0;
  let last = Date.now();
  const advance = () => {
    const now = Date.now();
    good += (rates.goodPerSecond * (now - last)) / 1000;
    bad += (rates.badPerSecond * (now - last)) / 1000;
    last = now;
  };
  const timer = setInterval(advance, 50);
  const server = http.createServer((_req, res) => {
    advance();
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
    res.end(`# TYPE http_requests_total counter\nhttp_requests_total{code="200"} ${good}\nhttp_requests_total{code="500"} ${bad}\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    target: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Changes the rates from now on. */
    set(next: { goodPerSecond: number; badPerSecond: number }) {
      advance();
      Object.assign(rates, next);
    },
    stop: async () => {
      clearInterval(timer);
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type RunningPrometheus = { url: string; dataDir: string; stop: () => Promise<void>; deleteData: () => Promise<void> };

/** Prometheus scraping `target` every second, on a free port, with its data in a fresh directory. */
export async function startPrometheus(target: string): Promise<RunningPrometheus> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "nines-prometheus-"));
  const dataDir = path.join(dir, "data");
  const config = path.join(dir, "prometheus.yml");
  await writeFile(config, `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: app\n    static_configs:\n      - targets: ["${target}"]\n`);
  const port = await freePort();
  const child: ChildProcess = spawn(PROMETHEUS, [`--config.file=${config}`, `--storage.tsdb.path=${dataDir}`, `--web.listen-address=127.0.0.1:${port}`, "--log.level=warn"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited (${child.exitCode}): ${stderr}`);
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`prometheus did not become ready: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  return { url, dataDir, stop, deleteData: () => rm(dir, { recursive: true, force: true }) };
}

/** Waits until `query` has a value at least `min` (Prometheus has scraped long enough). */
export async function waitForValue(url: string, query: string, min: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = (await (await fetch(`${url}/api/v1/query?${new URLSearchParams({ query })}`)).json()) as { data?: { result?: { value: [number, string] }[] } };
    const v = Number(body.data?.result?.[0]?.value[1]);
    if (Number.isFinite(v) && v >= min) return;
    if (Date.now() > deadline) throw new Error(`${query} did not reach ${min}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
