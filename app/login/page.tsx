import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/components/auth/safe-callback";
import { sessionActor } from "@/lib/server/auth/current-actor";
import { needsSetup } from "@/lib/server/bootstrap";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await needsSetup()) redirect("/setup");
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl, (await headers()).get("host"));
  // Already signed in (e.g. a bookmarked /login): go straight on.
  if (await sessionActor()) redirect(callbackUrl);
  return (
    <AuthCard title="Sign in" intro="Use the e-mail address and password your Nines admin gave you.">
      <LoginForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
