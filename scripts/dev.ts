// `npm run dev`: like `npm start` (database, migrations, secrets) but runs `next dev`.
import { ROOT_DIR } from "./db/paths";
import { Lifecycle } from "./lib/lifecycle";
import { log, nextCli, prepareApp, runMain } from "./lib/app-env";

const lifecycle = new Lifecycle(log);

runMain(lifecycle, async () => {
  const env = await prepareApp("development", lifecycle);
  if (!env) return 0;
  const next = nextCli();
  log(`starting next dev on port ${env.PORT}`);
  return lifecycle.run(next.command, [...next.args, "dev", "-p", env.PORT!], { cwd: ROOT_DIR, env });
});
