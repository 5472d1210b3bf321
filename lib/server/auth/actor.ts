import type { Role } from "@/lib/generated/prisma/enums";

/** Who is making a request: a signed-in person or an API token acting for one. */
export type Actor = {
  kind: "user" | "token";
  userId: string;
  /** Shown in the audit trail. */
  label: string;
  role: Role;
  name: string;
  email: string;
};
