import "server-only";
import { forbidden, redirect } from "next/navigation";
import { connection } from "next/server";
import type { Role } from "@/lib/generated/prisma/enums";
import { needsSetup } from "@/lib/server/bootstrap";
import type { Actor } from "./actor";
import { sessionActor } from "./current-actor";
import { roleAllows } from "./roles";

/**
 * Every page calls this on the server (layouts do not re-run on client navigation, so a layout
 * check alone would not protect a page). No users yet → /setup; signed out → /login.
 */
export async function requirePageActor(need: Role = "viewer", from = "/"): Promise<Actor> {
  // Pages read per-request data: never prerender them at build time (no database then).
  await connection();
  if (await needsSetup()) redirect("/setup");
  const actor = await sessionActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(from)}`);
  if (!roleAllows(actor.role, need)) forbidden();
  return actor;
}
