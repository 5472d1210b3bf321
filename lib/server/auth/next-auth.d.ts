// What Nines keeps in next-auth's objects: the session row's id travels in the signed cookie.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** Session row id (lib/server/auth/sessions.ts). */
    sid?: string;
  }
}
