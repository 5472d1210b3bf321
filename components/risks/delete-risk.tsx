"use client";

import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { useDeleteRisk } from "@/lib/query/risks";

export function DeleteRisk({ id, reference }: { id: string; reference: string }) {
  const router = useRouter();
  const remove = useDeleteRisk(id);
  return (
    <div className="danger-zone">
      <ConfirmAction
        label="Delete risk"
        context={reference}
        confirmLabel={`Delete ${reference}`}
        prompt={<>Delete {reference}? Its links to incidents go with it; its action items stay, unlinked. Closing it keeps the history instead.</>}
        pending={remove.isPending}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => (router.push("/risks"), router.refresh()) })}
      />
      {remove.error && <p role="alert" className="alert alert-error">{remove.error.message}</p>}
    </div>
  );
}
