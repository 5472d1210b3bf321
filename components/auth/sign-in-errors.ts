// What the login page says when a sign-in through the identity provider came back with an error
// (next-auth's codes, and Nines' own refusals: lib/server/auth/oidc-sign-in.ts).

export function signInErrorText(code: string | undefined, provider: string): string | null {
  if (!code) return null;
  switch (code) {
    case "OAuthSignin":
      return `Could not start signing in with ${provider}: the identity provider did not answer or its settings could not be read. Try again in a moment, or sign in with your password.`;
    case "OAuthCallback":
      return `${provider} answered, but Nines could not verify the sign-in, so it was refused. Try again; if it keeps happening, tell your Nines admin.`;
    case "oidc_no_group":
      return `Your account at ${provider} is in none of the groups that give access to Nines. Ask your Nines admin which group to join.`;
    case "oidc_no_email":
      return `${provider} did not share your e-mail address, which Nines needs. Ask your Nines admin to check the provider's settings.`;
    case "oidc_email_unverified":
      return `A Nines account with your e-mail address exists, but ${provider} has not verified that address, so Nines did not link them. Verify the address at ${provider}, or ask your Nines admin.`;
    case "oidc_disabled":
      return "Your Nines account is disabled. Ask a Nines admin to enable it.";
    case "oidc_linked_elsewhere":
      return `The Nines account with your e-mail address is already linked to another ${provider} account. Ask your Nines admin.`;
    case "SessionRequired":
      return null;
    default:
      return `Signing in with ${provider} did not work. Try again, or ask your Nines admin.`;
  }
}
