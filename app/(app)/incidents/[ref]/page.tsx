import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncidentView } from "@/components/incidents/incident-view";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { roleAllows } from "@/lib/server/auth/roles";
import { NotFoundError } from "@/lib/server/errors";
import { getIncident } from "@/lib/server/incidents-read";
import { changesBeforeIncident, requiredPostmortemOf } from "@/lib/server/changes";
import { listServiceOptions } from "@/lib/server/services";
import { listPeople } from "@/lib/server/users";
import { requestTime } from "@/lib/server/request-time";
import { getSettings } from "@/lib/server/settings";

type Params = { params: Promise<{ ref: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: decodeURIComponent((await params).ref).toUpperCase() };
}

/** /incidents/INC-42 (or by id). The server renders the first paint; the page then keeps itself current. */
export default async function IncidentPage({ params }: Params) {
  const actor = await requirePageActor();
  const ref = decodeURIComponent((await params).ref);
  const canEdit = roleAllows(actor.role, "editor");
  const missing = (err: unknown): never => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  };
  const [incident, settings, services, people, changesBefore, requiredPostmortem] = await Promise.all([
    getIncident(ref).catch(missing),
    getSettings(),
    canEdit ? listServiceOptions() : Promise.resolve([]),
    canEdit ? listPeople() : Promise.resolve([]),
    changesBeforeIncident(ref).catch(missing),
    requiredPostmortemOf(ref).catch(missing),
  ]);
  const me = actor.kind === "user" ? { id: actor.userId, name: actor.name } : null;
  return <IncidentView initial={incident} timeZone={settings.timeZone} canEdit={canEdit} services={services} renderedAt={requestTime()} roles={settings.incidentRoles} people={people} me={me} changesBefore={changesBefore} requiredPostmortem={requiredPostmortem} />;
}
