// The registry these machines reach does not serve some optional platform packages (e.g.
// @next/swc-darwin-arm64), so npm leaves them out of package-lock.json, and `npm ci` then refuses
// the lockfile as out of sync. Run after every install (postinstall): it records each missing
// optional platform package with its os/cpu, which npm skips on other platforms without fetching.
import { readFileSync, writeFileSync } from "node:fs";
const lockPath = process.argv[2] ?? new URL("../../package-lock.json", import.meta.url).pathname;
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const pkgs = lock.packages;
const platform = (name) => {
  const n = name.split("/").pop();
  const os = ["darwin", "win32", "android", "freebsd", "openharmony", "linux"].find((o) => n.includes(`-${o}-`));
  const cpu = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x"].find((c) => n.includes(`-${c}`));
  const libc = n.includes("musl") ? "musl" : n.includes("-gnu") ? "glibc" : null;
  return { os, cpu, libc };
};
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [dep, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (pkgs[base] || pkgs[hoisted]) continue;
    const { os, cpu, libc } = platform(dep);
    if (!os || !cpu) { console.error("cannot infer platform of", dep); continue; }
    pkgs[hoisted] = { version: spec.replace(/^[\^~=]/, ""), cpu: [cpu], ...(libc ? { libc: [libc] } : {}), optional: true, os: [os] };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
if (added) console.log(`package-lock.json: recorded ${added} optional platform packages this registry does not serve`);
