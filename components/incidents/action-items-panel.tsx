"use client";

import { ActionItemsEditor } from "@/components/action-items/action-items-editor";
import { useCreateActionItem, useUpdateActionItem } from "@/lib/query/incidents";
import type { IncidentDetailDto } from "@/lib/query/types";

/** Follow-up work: one line to add (title, owner, due date), a status to change in place. */
export function ActionItemsPanel({ incident, canEdit }: { incident: IncidentDetailDto; canEdit: boolean }) {
  const create = useCreateActionItem(incident.reference);
  const update = useUpdateActionItem(incident.reference);
  return (
    <section className="card" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Action items</h2>
      <ActionItemsEditor
        idPrefix="action"
        items={incident.actionItems}
        canEdit={canEdit}
        link={{ incident: incident.id }}
        create={create}
        update={update}
        empty={canEdit ? "No follow-up work yet. Add what must change so this does not happen again." : "No follow-up work yet."}
        formLabel="Add an action item"
        placeholder="e.g. Alert on the error rate"
      />
    </section>
  );
}
