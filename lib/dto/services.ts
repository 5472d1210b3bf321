// Response types of the services API, shared by the server, the client hooks and components.

export type ServiceDto = {
  id: string;
  slug: string;
  name: string;
  description: string;
  owner: string;
  /** The tier, with the defaults the service inherits from it (what the service page shows). */
  tier: { id: string; rank: number; name: string; sloTarget: number; sloWindow: string; maintenance: "count" | "exclude" };
  /** Effective SLO: the service's override, else its tier's default. */
  sloTarget: number;
  sloWindow: string;
  maintenance: "count" | "exclude";
  /** What the service sets itself; null = inherited from the tier. */
  overrides: { sloTarget: number | null; sloWindow: string | null; maintenance: "count" | "exclude" | null };
  dependsOn: string[];
  dependedOnBy: string[];
  archived: boolean;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** What pickers need of every active service: a thousand of them in two small reads. */
export type ServiceOption = { slug: string; name: string; tier: number; dependedOnBy: string[] };
