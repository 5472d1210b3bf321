// The part of oidc-provider 9 (which ships no typings) that e2e/oidc-harness.ts uses.
declare module "oidc-provider" {
  import type { Server } from "node:http";

  type Context = { path: string; body: unknown };
  type Account = { accountId: string; claims: () => Promise<Record<string, unknown>> };

  export default class Provider {
    constructor(
      issuer: string,
      configuration: {
        clients: Record<string, unknown>[];
        jwks?: { keys: Record<string, unknown>[] };
        cookies?: { keys: string[] };
        claims?: Record<string, string[]>;
        conformIdTokenClaims?: boolean;
        findAccount: (ctx: unknown, id: string) => Promise<Account>;
      },
    );
    use(middleware: (ctx: Context, next: () => Promise<void>) => Promise<void>): void;
    listen(port: number): Server;
  }
}
