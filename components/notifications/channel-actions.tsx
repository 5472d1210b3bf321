"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { useDeleteChannel, useDeleteSubscription, useTestChannel } from "@/lib/query/notifications";

/** "Send test" with what the receiver answered, and removing the channel (asked first). */
export function ChannelActions({ id, name }: { id: string; name: string }) {
  const test = useTestChannel(id);
  const remove = useDeleteChannel(id);
  const result = test.data;
  return (
    <div className="stack-small">
      <div className="button-row button-row-tight">
        <button type="button" className="btn btn-secondary btn-small" disabled={test.isPending} onClick={() => test.mutate()}>
          {test.isPending ? "Sending…" : "Send test"}
          <span className="visually-hidden"> to {name}</span>
        </button>
        <ConfirmAction label="Remove" context={name} confirmLabel="Yes, remove" prompt={`Remove “${name}”? Its pending messages are dropped; subscriptions left without a channel go too.`} pending={remove.isPending} onConfirm={() => remove.mutate()} />
      </div>
      <p role="status" className={result ? (result.delivered ? "text-success" : "field-error") : undefined}>
        {result ? (result.delivered ? "✓ Test delivered." : `Test not delivered: ${result.delivery.lastError ?? "no reason given"}.`) : ""}
      </p>
      {(test.error ?? remove.error) && (
        <p className="field-error" role="alert">
          {(test.error ?? remove.error)?.message}
        </p>
      )}
    </div>
  );
}

export function RemoveSubscription({ id, what }: { id: string; what: string }) {
  const remove = useDeleteSubscription(id);
  return (
    <div className="stack-small">
      <ConfirmAction label="Remove" context={what} confirmLabel="Yes, remove" prompt="Remove this subscription? Its channels stop hearing of these events." pending={remove.isPending} onConfirm={() => remove.mutate()} />
      {remove.error && (
        <p className="field-error" role="alert">
          {remove.error.message}
        </p>
      )}
    </div>
  );
}
