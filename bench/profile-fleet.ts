// npm run bench:profile — where the all-services monthly summary spends its time: seeds the
// benchmark's full organisation, runs lib/server's allAvailabilityJson in-process (react-server
// conditions, no HTTP), and prints self time per function from the V8 CPU profiler. All of it on
// this thread: no fleet workers, so that the profile sees every function.
import { startThrowawayDatabase } from "../scripts/db/embedded";
import { applyMigrations } from "../scripts/db/migrate";
import { insertDefaultTiers, seed } from "./seed";
import { Session } from "node:inspector/promises";
import { AvailabilityListQuery } from "@/lib/schemas/availability";
process.env.NINES_FLEET_WORKERS ??= "0";
const db = await startThrowawayDatabase();
process.env.DATABASE_URL = db.url;
try {
  await applyMigrations(db.url);
  const { pool } = await import("@/lib/server/db");
  pool().on("error", () => {});
  await insertDefaultTiers(db.url);
  const asOf = Math.floor(Date.now()/60000)*60000;
  await seed(db.url, { services: 1000, incidents: 200000, days: 730 }, asOf);
  const av = await import("@/lib/server/availability-fleet");
  const q = AvailabilityListQuery.parse({ window: `month:${new Date(asOf).toISOString().slice(0, 7)}`, asOf: new Date(asOf).toISOString() });
  for (let k = 0; k < 5; k++) await av.allAvailabilityJson(q);
  const s = new Session(); s.connect(); await s.post("Profiler.enable"); await s.post("Profiler.start");
  const t = performance.now();
  for (let k = 0; k < 10; k++) await av.allAvailabilityJson(q);
  console.log(`allAvailabilityJson, mean of 10: ${((performance.now() - t) / 10).toFixed(1)} ms`);
  type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
  const { profile } = (await s.post("Profiler.stop")) as { profile: { nodes: Node[]; timeDeltas: number[]; samples: number[] } };
  // Self time per function, per request.
  const self = new Map<string, number>(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas as number[]; const samples = profile.samples as number[];
  samples.forEach((id, i) => { const n = byId.get(id) as Node; const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000); });
  console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v/10).toFixed(1).padStart(6)} ms  ${k}`).join("\n"));
} finally { await db.stop(); }
