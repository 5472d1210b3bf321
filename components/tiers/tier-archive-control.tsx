"use client";

import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { FormAlert } from "@/components/forms/form-alert";
import { useArchiveTier, useUpdateTier } from "@/lib/query/mutations";
import type { TierDto } from "@/lib/query/types";

/** Archive (DELETE; the server refuses with 409 while active services use the tier) or restore. */
export function TierArchiveControl({ tier }: { tier: TierDto }) {
  const router = useRouter();
  const archive = useArchiveTier(tier.id);
  const restore = useUpdateTier(tier.id);
  const mutation = tier.archived ? restore : archive;
  const blocked = !tier.archived && tier.activeServiceCount > 0;

  return (
    <section className="card" aria-labelledby="tier-archive-heading">
      <h2 id="tier-archive-heading">{tier.archived ? "Restore this tier" : "Archive this tier"}</h2>
      <p className="muted" style={{ marginBottom: "0.75rem" }}>
        {tier.archived
          ? "Restoring makes the tier available for services again."
          : blocked
            ? `${tier.activeServiceCount} active service${tier.activeServiceCount === 1 ? " uses" : "s use"} this tier. Move them to another tier or archive them before archiving it.`
            : "Archived tiers cannot be picked for services. Nothing is deleted; you can restore it later."}
      </p>
      <FormAlert message={mutation.error ? mutation.error.message : null} details={mutation.error?.status === 400 ? mutation.error.issues.map((i) => i.message) : []} />
      {tier.archived ? (
        <ConfirmAction
          label="Restore tier"
          confirmLabel="Yes, restore"
          prompt={`Restore ${tier.name}?`}
          variant="secondary"
          pending={restore.isPending}
          onConfirm={() => restore.mutate({ archived: false, version: tier.version }, { onSuccess: () => router.push("/settings/tiers") })}
        />
      ) : (
        <ConfirmAction
          label="Archive tier"
          confirmLabel="Yes, archive"
          prompt={`Archive ${tier.name}?`}
          pending={archive.isPending}
          onConfirm={() => archive.mutate(undefined, { onSuccess: () => router.push("/settings/tiers") })}
        />
      )}
    </section>
  );
}
