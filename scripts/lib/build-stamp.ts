// Is `.next` a production build of the current source tree? `npm start` rebuilds when not.
//
// "Current" = `.next/BUILD_ID` exists (the build finished) and `.next/nines-build-stamp` holds
// the fingerprint of the inputs the build was made from. The fingerprint hashes the *contents*
// of every source file (git's tracked + untracked-but-not-ignored files; a directory walk when
// there is no git), the .env files Next reads at build time and NEXT_PUBLIC_* variables (inlined
// into the bundle). Contents rather than mtimes or HEAD: a checkout, a dirty tree or a copied
// tree are all judged correctly, and hashing a few hundred files takes milliseconds. Files that
// cannot affect the build (tests, docs) are left out so editing them does not cost a rebuild.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

const STAMP_FILE = "nines-build-stamp";
const ENV_FILES = [".env", ".env.local", ".env.production", ".env.production.local"];
const WALK_SKIP = new Set(["node_modules", ".next", ".data", ".git", "coverage", "test-results", "playwright-report"]);

/** Paths that never reach the bundle. */
function irrelevant(file: string): boolean {
  return (
    /^(tests|e2e|\.ci|\.github)\//.test(file) ||
    /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) ||
    /\.md$/i.test(file) ||
    file.startsWith("lib/generated/") // generated from prisma/schema.prisma, which is hashed
  );
}

async function walk(root: string, dir = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
    if (WALK_SKIP.has(entry.name)) continue;
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(root, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

async function sourceFiles(root: string): Promise<string[]> {
  try {
    const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024,
    });
    return listed.split("\0").filter(Boolean);
  } catch {
    return walk(root); // not a git checkout (e.g. a release tarball)
  }
}

export async function sourceFingerprint(root: string): Promise<string> {
  const files = [...new Set([...(await sourceFiles(root)), ...ENV_FILES])].filter((file) => !irrelevant(file)).sort();
  const hash = createHash("sha256");
  for (const file of files) {
    const content = await readFile(path.join(root, file)).catch(() => undefined); // deleted, unstaged
    if (content === undefined) continue;
    hash.update(`${file}\0${createHash("sha256").update(content).digest("hex")}\n`);
  }
  for (const [key, value] of Object.entries(process.env).sort()) {
    if (key.startsWith("NEXT_PUBLIC_")) hash.update(`env:${key}=${value}\n`);
  }
  return hash.digest("hex");
}

/**
 * npm test builds without the build's own typecheck, typechecking beside it
 * (NINES_BUILD_TYPECHECK=beside, next.config.js): such a build is stamped so, and serves only runs
 * that typecheck beside it too. Any other start (npm start, a bench) builds again, checking types.
 */
export const typecheckBeside = (env: NodeJS.ProcessEnv = process.env) => env.NINES_BUILD_TYPECHECK === "beside";
const UNCHECKED = " types-checked-beside";

export async function isBuildCurrent(root: string, fingerprint: string): Promise<boolean> {
  const distDir = path.join(root, ".next");
  if (!existsSync(path.join(distDir, "BUILD_ID"))) return false;
  const stamp = (await readFile(path.join(distDir, STAMP_FILE), "utf8").catch(() => "")).trim();
  return stamp === fingerprint || (typecheckBeside() && stamp === `${fingerprint}${UNCHECKED}`);
}

export async function writeBuildStamp(root: string, fingerprint: string): Promise<void> {
  await writeFile(path.join(root, ".next", STAMP_FILE), `${fingerprint}${typecheckBeside() ? UNCHECKED : ""}\n`);
}
