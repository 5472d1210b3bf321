import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/server/db";
import { SignInInput } from "@/lib/schemas/user";
import { verifyPassword } from "./password";
import { endSession, openSession, SESSION_MAX_AGE_SECONDS } from "./sessions";

// Dummy hash so an unknown e-mail costs the same time as a wrong password (no user enumeration).
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Vp2IW4XwFz0kJ4cQ4s7p1fX7E0Sg4cZr9fV5m3y8y3o";

/** Cookies are Secure (and __Secure- prefixed) when people reach Nines over https. */
export const secureCookies = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  secret: process.env.NEXTAUTH_SECRET,
  useSecureCookies: secureCookies,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      // Failed attempts are limited per account and per address before this runs
      // (app/api/auth/[...nextauth]/route.ts).
      async authorize(credentials, req) {
        const parsed = SignInInput.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const user = await prisma.user.findUnique({ where: { email: parsed.data.email } });
        const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, parsed.data.password);
        if (!user || !ok || user.disabledAt) return null;
        const userAgent = String(req.headers?.["user-agent"] ?? "");
        return { id: user.id, email: user.email, name: user.name, sessionId: await openSession(user.id, userAgent) };
      },
    }),
  ],
  callbacks: {
    // Only the user id and the session row's id travel in the cookie; the session, the role and
    // the account's status are read fresh on every request (lib/server/auth/sessions.ts).
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
