import path from "node:path";
import { fileURLToPath } from "node:url";

/** True when the module at `moduleUrl` is the script being run (`tsx scripts/x.ts`), not imported. */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  const self = fileURLToPath(moduleUrl);
  const resolved = path.resolve(entry);
  // tsx lets people omit the extension.
  return resolved === self || resolved === self.replace(/\.[cm]?ts$/, "");
}
