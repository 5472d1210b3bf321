"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { useRevokeToken } from "@/lib/query/mutations";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const mutation = useRevokeToken(id);
  return (
    <div className="stack-small">
      <ConfirmAction
        label="Revoke"
        context={name}
        variant="danger"
        confirmLabel="Yes, revoke"
        prompt={`Revoke “${name}”? Anything using it stops working at once.`}
        pending={mutation.isPending}
        onConfirm={() => mutation.mutate()}
      />
      {mutation.error && (
        <p className="field-error" role="alert">
          {mutation.error.message}
        </p>
      )}
    </div>
  );
}
