"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/**
 * Starts the sign-in at the identity provider (next-auth's OpenID Connect provider). The browser
 * leaves for the provider; an error comes back to the login page as ?error=…
 */
export function OidcSignInButton({ provider, callbackUrl }: { provider: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <div className="stack-small">
      <button
        type="button"
        className="btn btn-primary btn-wide"
        disabled={pending}
        aria-busy={pending || undefined}
        onClick={() => {
          setPending(true);
          setFailed(false);
          signIn("oidc", { callbackUrl }).catch(() => {
            setPending(false);
            setFailed(true);
          });
        }}
      >
        {pending && <span className="spinner" aria-hidden="true" />}
        Sign in with {provider}
      </button>
      {failed && (
        <p role="alert" className="field-error">
          Could not reach Nines. Check your connection and try again.
        </p>
      )}
    </div>
  );
}
