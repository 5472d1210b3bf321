import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { mayUsePassword } from "@/lib/domain/oidc-roles";
import { prisma } from "@/lib/server/db";
import { SignInInput } from "@/lib/schemas/user";
import { currentSignInConfig, OIDC_PROVIDER_ID, type SignInConfig } from "./oidc-config";
import type { OidcEndpoints } from "./oidc-discovery";
import { oidcProvider } from "./oidc-provider";
import { signInWithOidc } from "./oidc-sign-in";
import { verifyPassword } from "./password";
import { endSession, openSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { auditRefusedPasswordSignIn } from "./sign-in-refusals";

// Dummy hash so an unknown e-mail costs the same time as a wrong password (no user enumeration).
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Vp2IW4XwFz0kJ4cQ4s7p1fX7E0Sg4cZr9fV5m3y8y3o";

/** Cookies are Secure (and __Secure- prefixed) when people reach Nines over https. */
export const secureCookies = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

/** The error next-auth reports when a correct password is refused because local passwords are off. */
export const LOCAL_PASSWORDS_OFF = "LocalPasswordsOff";

const credentials = CredentialsProvider({
  name: "Email and password",
  credentials: {
    email: { label: "Email", type: "email" },
    password: { label: "Password", type: "password" },
  },
  // Failed attempts are limited per account and per address before this runs
  // (app/api/auth/[...nextauth]/route.ts).
  async authorize(input, req) {
    const parsed = SignInInput.safeParse(input ?? {});
    if (!parsed.success) return null;
    const user = await prisma.user.findUnique({ where: { email: parsed.data.email } });
    // An account without a password (made by the identity provider) is checked against the dummy.
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, parsed.data.password);
    if (!user || !user.passwordHash || !ok || user.disabledAt) return null;
    // Said only after the password was right: it tells nothing to someone guessing.
    const { localPasswords } = await currentSignInConfig();
    if (!mayUsePassword(localPasswords, { role: user.role, hasPassword: true })) {
      await auditRefusedPasswordSignIn(user);
      throw new Error(LOCAL_PASSWORDS_OFF);
    }
    const userAgent = String(req.headers?.["user-agent"] ?? "");
    return { id: user.id, email: user.email, name: user.name, sessionId: await openSession(user.id, userAgent) };
  },
});

/**
 * What every request needs to read a session cookie (getServerSession, getToken): the cookie
 * carries only the user's id and the session row's id; the session, the role and the account's
 * status are read fresh on every request (lib/server/auth/sessions.ts).
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  secret: process.env.NEXTAUTH_SECRET,
  useSecureCookies: secureCookies,
  providers: [credentials],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      (session as { sid?: string }).sid = token.sid;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSession(token.sid, "sign_out");
    },
  },
};

/**
 * The options for one request to next-auth's routes. Built per request because an admin can
 * configure OpenID Connect in Settings at any time: the provider is there only while configured.
 */
export function authOptionsFor(config: SignInConfig, userAgent: string, endpoints: OidcEndpoints | null = null): NextAuthOptions {
  const oidc = config.oidc;
  if (!oidc) return authOptions;
  return {
    ...authOptions,
    providers: [credentials, oidcProvider(oidc, endpoints)],
    callbacks: {
      ...authOptions.callbacks,
      // The ID token was verified before this runs (openid-client: signature against the
      // provider's keys, issuer, audience = our client id, nonce, expiry).
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const result = await signInWithOidc(oidc, (profile ?? {}) as Record<string, unknown>, userAgent);
        if (!result.ok) return `/login?error=oidc_${result.reason}`;
        // The same object reaches the jwt callback: the cookie gets the Nines user and session.
        user.id = result.userId;
        user.sessionId = result.sessionId;
        return true;
      },
    },
  };
}

export { currentSignInConfig };
