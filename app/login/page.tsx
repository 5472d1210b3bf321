import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { OidcSignInButton } from "@/components/auth/oidc-sign-in-button";
import { safeCallbackPath } from "@/components/auth/safe-callback";
import { signInErrorText } from "@/components/auth/sign-in-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { sessionActor } from "@/lib/server/auth/current-actor";
import { currentSignInConfig } from "@/lib/server/auth/oidc-config";
import { needsSetup } from "@/lib/server/bootstrap";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await needsSetup()) redirect("/setup");
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, (await headers()).get("host"));
  // Already signed in (e.g. a bookmarked /login): go straight on.
  if (await sessionActor()) redirect(callbackUrl);
  const { oidc, localPasswords } = await currentSignInConfig();
  const provider = oidc?.displayName ?? "the identity provider";
  const error = signInErrorText(typeof params.error === "string" ? params.error : undefined, provider);

  if (!oidc) {
    return (
      <AuthCard title="Sign in" intro="Use the e-mail address and password your Nines admin gave you.">
        <FormAlert message={error} />
        <LoginForm callbackUrl={callbackUrl} />
      </AuthCard>
    );
  }
  // The identity provider's button leads; the password form is the second way in.
  const passwordForm = <LoginForm callbackUrl={callbackUrl} autoFocus={false} secondary />;
  return (
    <AuthCard title="Sign in" intro={localPasswords ? `Use your ${provider} account, or the e-mail address and password your Nines admin gave you.` : `Use your ${provider} account.`}>
      <FormAlert message={error} />
      <OidcSignInButton provider={oidc.displayName} callbackUrl={callbackUrl} />
      {localPasswords ? (
        <>
          <p className="auth-divider">
            <span>or with a password</span>
          </p>
          {passwordForm}
        </>
      ) : (
        <details className="auth-recovery">
          <summary>Admin recovery: sign in with a password</summary>
          <p className="muted">Local passwords are off; admins who have one keep it for when {provider} fails.</p>
          {passwordForm}
        </details>
      )}
    </AuthCard>
  );
}
