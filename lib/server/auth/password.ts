import "server-only";
import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's minimum (19 MiB, t=2, p=1). Algorithm is a const enum in the typings,
// which isolatedModules cannot inline, hence the literal 2 (= Argon2id).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
