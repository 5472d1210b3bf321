import type { Metadata } from "next";
import { ComingLater } from "@/components/feedback/coming-later";
import { requirePageActor } from "@/lib/server/auth/page-guard";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  await requirePageActor();
  return (
    <ComingLater
      title="Incidents"
      summary="Log an incident fast while it is happening and complete it afterwards."
      items={[
        "A list of incidents, newest first, filterable by service, severity (SEV1–SEV5), status and kind (unplanned or planned maintenance).",
        "A quick form to open an incident in seconds: title, severity, affected services and how badly each is hit.",
        "The incident page: timeline, impact per service, detection and resolution times, root cause, postmortem and action items.",
        "The downtime each incident cost every service it touched, counted once even when incidents overlap.",
      ]}
    />
  );
}
