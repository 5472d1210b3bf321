import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { needsSetup } from "@/lib/server/bootstrap";
import type { Actor } from "./actor";
import { sessionActor } from "./current-actor";
import { PAGE_PATH_HEADER, roleForPage } from "./page-access";
import { roleAllows } from "./roles";

/**
 * The signed-in person allowed to see the page being rendered, by the one table of page roles
 * (page-access.ts) and the path proxy.ts passes on. No users yet → /setup; signed out → /login.
 *
 * The (app) layout calls it before anything streams, so a refusal is a real 307 or 403, not a
 * 200 whose body redirects; every page calls it too, because layouts do not re-run on client
 * navigation. Cached per request: the second call costs nothing.
 */
export const requirePageActor = cache(async (): Promise<Actor> => {
  // Pages read per-request data: never prerender them at build time (no database then).
  await connection();
  if (await needsSetup()) redirect("/setup");
  // Without the proxy's header the page is unknown: ask for the highest role rather than guess.
  const page = (await headers()).get(PAGE_PATH_HEADER);
  const actor = await sessionActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(page ?? "/")}`);
  const need = page === null ? "admin" : roleForPage(page.split("?")[0] ?? "/");
  if (!roleAllows(actor.role, need)) forbidden();
  return actor;
});
