import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const APP = path.resolve(import.meta.dirname, "../../app");
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route file of the app, with the URL path it serves ("/api/v1/services/{slug}"). */
export function routeFiles(): { file: string; path: string }[] {
  const found: { file: string; path: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") found.push({ file: full, path: `/${path.relative(APP, dir)}`.replace(/\/\([^)]+\)/g, "").replace(/\[(\w+)\]/g, "{$1}") });
    }
  };
  walk(APP);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** Every route file's exported methods as "get /api/v1/services/{slug}", read from the source. */
export function servedRoutes(): string[] {
  const found: string[] = [];
  for (const { file, path: url } of routeFiles()) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b|export \{ \w+ as (GET|POST)/g)) found.push(`${(m[1] ?? (m[2] as string)).toLowerCase()} ${url}`);
  }
  return found.sort();
}
