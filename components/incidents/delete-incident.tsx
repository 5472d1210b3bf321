"use client";

import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { useDeleteIncident } from "@/lib/query/incidents";
import type { IncidentDetailDto } from "@/lib/query/types";

/** Deleting says what goes with it: the downtime it recorded leaves every service's figures. */
export function DeleteIncident({ incident }: { incident: IncidentDetailDto }) {
  const router = useRouter();
  const remove = useDeleteIncident(incident.reference);
  const services = incident.impacts.map((i) => i.service).join(", ");
  const items = incident.actionItems.length;
  return (
    <div className="danger-zone">
      <ConfirmAction
        label={`Delete ${incident.reference}`}
        confirmLabel={`Delete ${incident.reference} for good`}
        pending={remove.isPending}
        prompt={
          <>
            This deletes {incident.reference}, its {incident.timeline.length} timeline entries and its impact on {services} (their availability
            no longer counts this downtime).{items > 0 && ` Its ${items} action item${items === 1 ? "" : "s"} stay${items === 1 ? "s" : ""}, no longer linked.`} The audit trail keeps a copy.
          </>
        }
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => router.push("/incidents") })}
      />
      {remove.error && <p role="alert" className="alert alert-error">{remove.error.message}</p>}
    </div>
  );
}
