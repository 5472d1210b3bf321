import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as incidentItem from "@/app/api/v1/incidents/[id]/route";
import * as probeItem from "@/app/api/v1/probes/[id]/route";
import * as probeRuns from "@/app/api/v1/probes/[id]/runs/route";
import * as probes from "@/app/api/v1/services/[slug]/probes/route";
import * as reconcile from "@/app/api/v1/services/[slug]/reconcile/route";
import { prisma } from "@/lib/server/db";
import { runCheck } from "@/lib/server/probe-check";
import * as settings from "@/app/api/v1/settings/route";
import { pruneRuns, startProbeScheduler } from "@/lib/server/probe-scheduler";
import { call } from "../support/api";
import { tokensForAllRoles, type Tokens } from "../support/fixtures";
import { logIncident, makeService } from "../support/incidents";

/** A real local HTTP server whose behaviour the test switches: healthy, failing, slow, huge, looping. */
let mode: "ok" | "fail" = "ok";
let hits: number[] = [];
let base = "";
const server = http.createServer((req, res) => {
  if (req.url === "/count") hits.push(Date.now());
  if (req.url === "/hang") return; // never answers
  if (req.url === "/huge") {
    res.writeHead(200, { "content-type": "text/plain" });
    const chunk = "x".repeat(64 * 1024);
    let sent = 0;
    const pump = () => {
      while (sent < 200 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
      if (sent < 200 * 1024 * 1024) res.once("drain", pump);
      else res.end();
    };
    res.on("close", () => (sent = Number.POSITIVE_INFINITY));
    return pump();
  }
  if (req.url === "/loop") {
    res.writeHead(302, { location: "/loop" });
    return res.end();
  }
  res.writeHead(mode === "ok" ? 200 : 503, { "content-type": "text/plain" });
  res.end(mode === "ok" ? "all healthy" : "down");
});

let tokens: Tokens;
beforeAll(async () => {
  ({ tokens } = await tokensForAllRoles());
  // Other files' probes (the fuzz test's, say) must not run under this file's schedulers.
  await prisma.probe.updateMany({ data: { enabled: false } });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 40_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return Date.now();
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
};
const runsOf = (id: string) => prisma.probeRun.findMany({ where: { probeId: id }, orderBy: { at: "asc" } });

describe("probe checks are bounded", () => {
  it("cuts a target that hangs at its timeout, reads a huge body only so far, and stops a redirect loop", async () => {
    const hang = await runCheck({ url: `${base}/hang`, method: "GET", timeoutSeconds: 1, expectText: null, allowPrivate: false });
    expect(hang).toMatchObject({ status: null, error: "timeout" });
    expect(hang.latencyMs).toBeLessThan(2500);
    const huge = await runCheck({ url: `${base}/huge`, method: "GET", timeoutSeconds: 10, expectText: "needle", allowPrivate: false });
    expect(huge).toMatchObject({ status: 200, error: null, textMatched: false });
    expect(huge.latencyMs).toBeLessThan(5000);
    const loop = await runCheck({ url: `${base}/loop`, method: "GET", timeoutSeconds: 5, expectText: null, allowPrivate: false });
    expect(loop).toMatchObject({ status: 302, error: "too_many_redirects" });
    const found = await runCheck({ url: `${base}/health`, method: "GET", timeoutSeconds: 5, expectText: "healthy", allowPrivate: false });
    expect(found).toMatchObject({ status: 200, error: null, textMatched: true });
    const metadata = await runCheck({ url: "http://169.254.169.254/latest/meta-data/", method: "GET", timeoutSeconds: 2, expectText: null, allowPrivate: false });
    expect(metadata.error).toBe("forbidden_target");
  });

  it("refuses bad probes with a 400 naming the field, and metadata targets unless an admin allows them", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const post = (body: Record<string, unknown>, token = tokens.editor) => call(probes.POST, { method: "POST", token, params: { slug }, body: { url: `${base}/health`, intervalSeconds: 30, ...body } });
    for (const [body, field] of [
      [{ url: "ftp://example.com/" }, "url"],
      [{ url: "http://user:pw@example.com/" }, "url"],
      [{ url: "http://169.254.169.254/" }, "url"],
      [{ url: "http://[fe80::1]/" }, "url"],
      [{ intervalSeconds: 5 }, "intervalSeconds"],
      [{ timeoutSeconds: 40 }, "timeoutSeconds"],
      [{ expectedStatus: "2xx" }, "expectedStatus"],
      [{ failuresToOpen: 0 }, "failuresToOpen"],
    ] as const) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.issues[0].path).toBe(field);
    }
    expect((await post({ url: "http://169.254.169.254/", allowPrivate: true })).status).toBe(403);
    expect((await post({ url: "http://169.254.169.254/", allowPrivate: true, enabled: false }, tokens.admin)).status).toBe(201);
    expect((await post({}, tokens.viewer)).status).toBe(403);
    expect(await prisma.probe.count({ where: { service: { slug } } })).toBe(1);
  });
});

describe("probe runs are kept for the retention setting", () => {
  it("an admin sets the days; older runs are deleted; a bad value names the field", async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const created = await call(probes.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { url: `${base}/health`, intervalSeconds: 60, enabled: false } });
    const day = 86_400_000;
    await prisma.probeRun.createMany({ data: [40, 20, 1].map((d) => ({ probeId: created.body.id, at: new Date(Date.now() - d * day), scheduledAt: new Date(Date.now() - d * day), ok: true, status: 200, latencyMs: 5 })) });
    const read = await call(settings.GET, { token: tokens.admin });
    expect(read.body.probeRetentionDays).toBe(3);
    const bad = await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { probeRetentionDays: 0, version: read.body.version } });
    expect(bad.body.issues[0].path).toBe("probeRetentionDays");
    const set = await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { probeRetentionDays: 10, version: read.body.version } });
    try {
      expect(set.body.probeRetentionDays).toBe(10);
      await pruneRuns();
      expect((await runsOf(created.body.id)).length).toBe(1);
    } finally {
      await call(settings.PATCH, { method: "PATCH", token: tokens.admin, body: { probeRetentionDays: read.body.probeRetentionDays, version: set.body.version } });
    }
  });
});

describe("the scheduler", () => {
  it("opens an incident within an interval of a failure, resolves it within an interval of recovery, and reconciles with the record", { timeout: 120_000 }, async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    const created = await call(probes.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { url: `${base}/health`, intervalSeconds: 10, timeoutSeconds: 2, expectText: "healthy", failuresToOpen: 2 } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const scheduler = startProbeScheduler({ tickMs: 200, log: () => {} });
    try {
      await until("two healthy runs", async () => (await runsOf(id)).filter((r) => r.ok).length >= 2);
      const failedAt = Date.now();
      mode = "fail";
      await until("the probe's incident", async () => (await prisma.probe.findUniqueOrThrow({ where: { id } })).openIncidentId !== null);
      const recoveredAt = Date.now();
      mode = "ok";
      const incidentId = (await prisma.probe.findUniqueOrThrow({ where: { id } })).openIncidentId as string;
      await until("its resolution", async () => (await prisma.incident.findUniqueOrThrow({ where: { id: incidentId } })).resolvedAt !== null);
      const incident = (await call(incidentItem.GET, { token: tokens.viewer, params: { id: incidentId } })).body;
      expect(incident).toMatchObject({ source: "probe", status: "resolved", impacts: [{ service: slug, fraction: 1 }] });
      expect(Date.parse(incident.startedAt)).toBeGreaterThanOrEqual(failedAt);
      expect(Date.parse(incident.startedAt) - failedAt).toBeLessThanOrEqual(10_000 + 1_000);
      expect(Date.parse(incident.resolvedAt)).toBeGreaterThanOrEqual(recoveredAt);
      expect(Date.parse(incident.resolvedAt) - recoveredAt).toBeLessThanOrEqual(10_000 + 1_000);

      // One failed run, not enough to open an incident: an outage only the probe saw.
      const runs = (await runsOf(id)).length;
      mode = "fail";
      await until("one failed run", async () => (await runsOf(id)).length > runs);
      mode = "ok";
      await until("a healthy run after it", async () => (await runsOf(id)).at(-1)?.ok === true);
      // And an incident logged by hand while the probe saw the service up: one the probe did not see.
      const all = await runsOf(id);
      const upRun = all[0] as { at: Date };
      const logged = await logIncident(tokens.editor, { startedAt: new Date(upRun.at.getTime() + 1000).toISOString(), resolvedAt: new Date(upRun.at.getTime() + 4000).toISOString(), impacts: [{ service: slug }] });
      expect(logged.status).toBe(201);
      const from = new Date(all[0]!.at.getTime() - 60_000).toISOString();
      const to = new Date(Date.now() + 1000).toISOString();
      const rec = await call(reconcile.GET, { token: tokens.viewer, params: { slug }, path: `/x?window=range:${from}/${to}&asOf=${to}` });
      expect(rec.status).toBe(200);
      const kinds = rec.body.disagreements.map((d: { kind: string }) => d.kind);
      expect(kinds).toContain("probe_only");
      expect(kinds).toContain("incident_only");
      expect(rec.body.probe.unknownSeconds).toBeGreaterThanOrEqual(59); // the minute before the probe existed
      const probe = (await call(probeItem.GET, { token: tokens.viewer, params: { id } })).body;
      expect(probe).toMatchObject({ state: "up", openIncident: null });
      // Nobody watched most of the last 24 hours: unknown, not down.
      expect(probe.last24h.unknownSeconds).toBeGreaterThan(86_000);
      expect(probe.last24h.downSeconds).toBeLessThan(60);
      const listed = await call(probeRuns.GET, { token: tokens.viewer, params: { id }, path: "/x?limit=2" });
      expect(listed.body.runs).toHaveLength(2);
      expect(Object.keys(listed.body.runs[0]).sort()).toEqual(["at", "error", "id", "lagMs", "latencyMs", "ok", "scheduledAt", "status", "textMatched"]);
    } finally {
      await scheduler.stop();
      await call(probeItem.DELETE, { method: "DELETE", token: tokens.editor, params: { id } });
    }
  });

  it("runs each probe once per interval with two processes on one database", { timeout: 90_000 }, async () => {
    const slug = await makeService(tokens.editor, tokens.admin);
    hits = [];
    // Two schedulers, each in a process of its own. The probe is created only once both run, and
    // both are stopped at a chosen instant: the window in which its slots fall due is then the
    // test's, not however long each process took to start (seconds, on a busy machine).
    const workers = [startWorker(), startWorker()];
    try {
      await Promise.all(workers.map((w) => w.ready));
      const created = await call(probes.POST, { method: "POST", token: tokens.editor, params: { slug }, body: { url: `${base}/count`, intervalSeconds: 10, timeoutSeconds: 2 } });
      const id = created.body.id as string;
      const first = new Date(created.body.nextRunAt as string).getTime();
      // Slots fall due at first, +10 s and +20 s; stopping at +25 s leaves the third 5 s to be claimed.
      await new Promise((r) => setTimeout(r, Math.max(0, first + 25_000 - Date.now())));
      const codes = await Promise.all(workers.map((w) => w.stop()));
      expect(codes).toEqual([0, 0]);
      const runs = await runsOf(id);
      await call(probeItem.DELETE, { method: "DELETE", token: tokens.editor, params: { id } });
      // Each slot run exactly once, by one of the two processes, and no other.
      expect(runs.map((r) => r.scheduledAt.getTime() - first)).toEqual([0, 10_000, 20_000]);
      expect(hits.length).toBe(3);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  });
});

/** A process running the probe scheduler (tests/support/probe-worker.ts): ready once it ticks. */
function startWorker(): { ready: Promise<void>; stop: () => Promise<number | null> } {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve(import.meta.dirname, "../support/probe-worker.ts")], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, DATABASE_POOL_SIZE: "2" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    void exited.then((code) => reject(new Error(`the probe worker exited (${code}) before it was ready`)));
  });
  return {
    ready,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
