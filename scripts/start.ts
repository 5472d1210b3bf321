// `npm start`: production server. Embedded PostgreSQL in .data/pg unless DATABASE_URL is set,
// pending migrations applied, `next build` when the build is missing or stale, then the server
// (scripts/serve.ts: Next behind our own compression).
// Ctrl-C / SIGTERM stop Next, then the database, and exit 0.
import { ROOT_DIR } from "./db/paths";
import { sourceFingerprint, isBuildCurrent, writeBuildStamp } from "./lib/build-stamp";
import { Lifecycle } from "./lib/lifecycle";
import { log, nextCli, prepareApp, runMain, serverCli } from "./lib/app-env";

const lifecycle = new Lifecycle(log);

runMain(lifecycle, async () => {
  const env = await prepareApp("production", lifecycle);
  if (!env) return 0;
  const next = nextCli();

  const fingerprint = await sourceFingerprint(ROOT_DIR);
  if (await isBuildCurrent(ROOT_DIR, fingerprint)) {
    log("production build is current");
  } else {
    log("building (next build): no build yet, or the sources changed since the last one");
    const code = await lifecycle.run(next.command, [...next.args, "build"], { cwd: ROOT_DIR, env });
    if (code !== 0 || lifecycle.stopping) return code;
    await writeBuildStamp(ROOT_DIR, fingerprint);
  }

  log(`starting the server on port ${env.PORT}`);
  const server = serverCli();
  return lifecycle.run(server.command, [...server.args, "-p", env.PORT!], { cwd: ROOT_DIR, env });
});
