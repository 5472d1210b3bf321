// Where things live, resolved from this file so scripts work from any working directory.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SCHEMA_PATH = path.join(ROOT_DIR, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT_DIR, "prisma", "migrations");
/** Local state of `npm start` / `npm run dev` (git-ignored): embedded cluster, secrets. */
export const DATA_DIR = path.resolve(ROOT_DIR, process.env.NINES_DATA_DIR ?? ".data");
export const EMBEDDED_PG_DIR = path.join(DATA_DIR, "pg");
