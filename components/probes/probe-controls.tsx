"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import type { ProbeDto } from "@/lib/dto/probes";
import { useDeleteProbe, useUpdateProbe } from "@/lib/query/probes";

/** Pause or resume a probe, or delete it (editors). */
export function ProbeControls({ probe }: { probe: ProbeDto }) {
  const update = useUpdateProbe(probe.id);
  const remove = useDeleteProbe(probe.id);
  return (
    <div className="button-row">
      <button type="button" className="btn btn-secondary btn-small" disabled={update.isPending} onClick={() => update.mutate({ enabled: !probe.enabled, version: probe.version })}>
        {probe.enabled ? "Pause" : "Resume"}<span className="visually-hidden"> the probe of {probe.url}</span>
      </button>
      <ConfirmAction label="Delete" context={`the probe of ${probe.url}`} confirmLabel="Delete probe and its runs" prompt="Its runs go with it; incidents it opened stay." pending={remove.isPending} onConfirm={() => remove.mutate()} />
      {(update.error ?? remove.error) && <p role="alert" className="alert alert-error">{(update.error ?? remove.error)?.message}</p>}
    </div>
  );
}
