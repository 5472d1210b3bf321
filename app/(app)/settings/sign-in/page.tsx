import type { Metadata } from "next";
import { PageHeader } from "@/components/feedback/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { LocalPasswordsForm, OidcSettingsForm } from "@/components/settings/sign-in-form";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getSignInSettings } from "@/lib/server/sign-in-settings";

export const metadata: Metadata = { title: "Sign-in" };

const SOURCE = {
  settings: "The configuration below (stored settings win over the environment).",
  environment: "The server's environment (NINES_OIDC_*). Saving a configuration here takes over from it.",
  none: "None: people sign in with a password only.",
} as const;

/** How people sign in: OpenID Connect and local passwords (admin). */
export default async function SignInSettingsPage() {
  await requirePageActor();
  const settings = await getSignInSettings();
  const env = settings.environment;
  return (
    <>
      <PageHeader title="Sign-in" description="Let people sign in with the company's identity provider (OpenID Connect), and decide whether local passwords stay." />
      <SettingsNav current="sign-in" isAdmin />
      <section className="card" aria-labelledby="oidc-heading">
        <h2 id="oidc-heading">OpenID Connect</h2>
        <dl className="props">
          <dt>In force</dt>
          <dd>{SOURCE[settings.source]}</dd>
          <dt>Redirect URI</dt>
          <dd>
            <code>{settings.redirectUri}</code>
            <span className="inherited">Register it at the identity provider for the client below (authorization code flow; Nines uses PKCE, state and nonce).</span>
          </dd>
          {env && (
            <>
              <dt>Environment</dt>
              <dd>
                {env.displayName} at <code>{env.issuer}</code>, client <code>{env.clientId}</code>, scopes <code>{env.scopes}</code>
                <span className="inherited">{settings.source === "environment" ? "Used while no configuration is stored here." : "Not used: the stored configuration wins. Remove it to use this one again."}</span>
              </dd>
            </>
          )}
        </dl>
        <OidcSettingsForm settings={settings} />
        <p className="muted">
          Roles follow the groups at every sign-in: someone removed from a group keeps their role in Nines until they sign in again. To end a person&apos;s access at once, change their role or disable them under Users: that ends their sessions.
        </p>
      </section>
      <section className="card" aria-labelledby="local-passwords-heading">
        <h2 id="local-passwords-heading">Local passwords</h2>
        <LocalPasswordsForm settings={settings} />
      </section>
    </>
  );
}
