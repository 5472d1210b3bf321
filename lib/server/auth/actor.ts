import type { Role } from "@/lib/generated/prisma/enums";

/** A signed-in person, or an API token acting for one: every request's actor. */
export type PersonActor = {
  kind: "user" | "token";
  userId: string;
  /** Shown in the audit trail. */
  label: string;
  role: Role;
  name: string;
  email: string;
};

/**
 * Nines itself, writing for someone who has no account: the people of the demo organisation
 * (lib/server/demo). Their changes are audited under their name, with no account behind it.
 */
export type SystemActor = {
  kind: "system";
  userId: null;
  label: string;
  role: Role;
  name: string;
  email: string;
};

/** Who makes a change. Only what a person does through a request needs a PersonActor (tokens, probes). */
export type Actor = PersonActor | SystemActor;
