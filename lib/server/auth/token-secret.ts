import "server-only";
import { createHash, randomBytes } from "node:crypto";

const PREFIX = "nines_";

/** A new API token secret: shown once, only its hash is stored. */
export function newTokenSecret(): string {
  return PREFIX + randomBytes(24).toString("base64url");
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** What people see in the token list to tell tokens apart. */
export function tokenDisplayPrefix(secret: string): string {
  return secret.slice(0, PREFIX.length + 4);
}
