// A fleet worker's entry point (see fleet-workers.ts). Plain JavaScript so that Node can start it
// as it is: it registers the TypeScript loader the server itself runs under (tsx), then loads
// the worker, which summarises services with lib/server's own code.
import { register } from "tsx/esm/api";

register();
await import("./fleet-worker.ts");
