// Response types of the tiers API, shared by the server, the client hooks and components.

export type TierDto = {
  id: string;
  rank: number;
  name: string;
  description: string;
  sloTarget: number;
  sloWindow: string;
  maintenance: "count" | "exclude";
  archived: boolean;
  archivedAt: string | null;
  activeServiceCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
};
