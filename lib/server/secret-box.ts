import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// Integration secrets (a PagerDuty signing secret) must be read back to check a signature, so they
// are encrypted, not hashed: AES-256-GCM with a key derived from the app's own secret. A database
// dump alone does not reveal them.

const keyOf = (secret: string): Buffer => createHash("sha256").update(`nines-integrations:${secret}`).digest();

function key(): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return keyOf(secret);
}

/**
 * Names the key `secret` seals with, without revealing it (a hash of the key): a backup records
 * it so that a restore can say which secret it needs (scripts/db/backup.ts).
 */
export function sealingKeyId(secret: string): string {
  return createHash("sha256").update("nines-key-id:").update(keyOf(secret)).digest("hex").slice(0, 16);
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The plain secret, or null when it was sealed with another key (the app's secret changed). */
export function open(sealed: string): string | null {
  return openWith(sealed, key());
}

/** Whether `sealed` opens with the key of `secret` (a backup checks it holds the right one). */
export function opensWith(sealed: string, secret: string): boolean {
  return openWith(sealed, keyOf(secret)) !== null;
}

function openWith(sealed: string, k: Buffer): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", k, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
