import { getCsrfToken } from "next-auth/react";
import type { SignInInput } from "@/lib/schemas/user";

export type SignInOutcome =
  | { kind: "ok" }
  | { kind: "wrong" }
  /** The password was right, but local passwords are off for this account (lib/server/auth/options.ts). */
  | { kind: "passwords_off" }
  /** Too many failed sign-ins: the server's sentence and how long to wait. */
  | { kind: "limited"; message: string; retryAfterSeconds: number }
  | { kind: "failed" };

/**
 * next-auth's credentials sign-in, posted here rather than through `signIn()`, which hides the
 * status and headers: a 429 must show how long to wait (its Retry-After).
 */
export async function credentialsSignIn(input: SignInInput, callbackUrl: string): Promise<SignInOutcome> {
  const csrfToken = (await getCsrfToken()) ?? "";
  const res = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: input.email, password: input.password, csrfToken, callbackUrl, json: "true" }),
  });
  if (res.status === 429) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    const seconds = Number(res.headers.get("retry-after"));
    return { kind: "limited", message: body.message ?? "Too many failed sign-ins.", retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 60 };
  }
  if (res.status !== 401 && !res.ok) return { kind: "failed" };
  // A 200 whose redirect names an error is a refusal too (next-auth's older answer).
  const { url } = (await res.json().catch(() => ({}))) as { url?: string };
  const error = url ? new URL(url, window.location.origin).searchParams.get("error") : null;
  if (error === "LocalPasswordsOff") return { kind: "passwords_off" };
  return error || res.status === 401 ? { kind: "wrong" } : { kind: "ok" };
}
