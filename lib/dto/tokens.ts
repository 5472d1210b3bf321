// Response types of the API tokens API, shared by the server, the client hooks and components.

export type ApiTokenDto = {
  id: string;
  name: string;
  prefix: string;
  role: "viewer" | "editor" | "admin";
  /** What the token may do now: the lesser of its role and its owner's current role. */
  effectiveRole: "viewer" | "editor" | "admin";
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revoked: boolean;
  revokedAt: string | null;
  /** Not revoked and not expired: the token still signs requests in. */
  active: boolean;
};
