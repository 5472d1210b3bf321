import "server-only";
import { parentPort } from "node:worker_threads";
import { seriesOf, summarize } from "./availability-summaries";
import { unpackImpacts } from "./impact-rows";
import type { FleetJobMessage, FleetWorkerReply } from "./fleet-workers";

// Runs in a worker thread (fleet-workers.ts): the summaries or series of the services it is sent,
// as JSON. Pure computation: everything it needs comes in the message.
const port = parentPort;
if (!port) throw new Error("fleet-worker.ts runs in a worker thread (see fleet-workers.ts)");

port.on("message", ({ id, job }: FleetJobMessage) => {
  let reply: FleetWorkerReply;
  try {
    const loaded = unpackImpacts(
      job.services.map((s) => s.id),
      job.packed,
    );
    const figures = job.kind === "series" ? seriesOf(job.services, job.windows, loaded, job.opts) : summarize(job.services, job.windows, loaded, job.opts);
    reply = { id, json: JSON.stringify(figures) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies FleetWorkerReply);
