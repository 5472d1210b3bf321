"use client";

import { ActionItemsEditor } from "@/components/action-items/action-items-editor";
import type { RiskDetailDto } from "@/lib/dto/risks";
import { useCreateRiskActionItem, useUpdateRiskActionItem } from "@/lib/query/risks";

/** The mitigation work for this risk (the action-items API, linked by risk). */
export function RiskActionItems({ risk, canEdit }: { risk: RiskDetailDto; canEdit: boolean }) {
  const create = useCreateRiskActionItem();
  const update = useUpdateRiskActionItem();
  return (
    <section className="card" aria-labelledby="risk-actions-heading">
      <h2 id="risk-actions-heading">Mitigation action items</h2>
      <ActionItemsEditor
        idPrefix="risk-action"
        items={risk.actionItems}
        canEdit={canEdit}
        link={{ risk: risk.id }}
        create={create}
        update={update}
        empty={canEdit ? "No mitigation work yet. Add what brings the risk to its target." : "No mitigation work yet."}
        formLabel="Add a mitigation action item"
        placeholder="Alert when the disk is 80 % full"
        showIncident
      />
    </section>
  );
}
