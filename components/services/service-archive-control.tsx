"use client";

import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { FormAlert } from "@/components/forms/form-alert";
import { useArchiveService, useUpdateService } from "@/lib/query/mutations";

/**
 * Archive (DELETE) or restore (PATCH archived=false) a service. Archiving keeps history: past
 * incidents still point at it; it only leaves lists and reviews.
 */
export function ServiceArchiveControl({ slug, name, archived, version }: { slug: string; name: string; archived: boolean; version: number }) {
  const router = useRouter();
  const archive = useArchiveService(slug);
  const restore = useUpdateService(slug);
  const mutation = archived ? restore : archive;

  return (
    <section className="card" aria-labelledby="archive-heading">
      <h2 id="archive-heading">{archived ? "Restore this service" : "Archive this service"}</h2>
      <p className="muted" style={{ marginBottom: "0.75rem" }}>
        {archived
          ? "Restoring brings the service back into lists, reviews and dependency pickers."
          : "Archiving hides the service from lists and reviews. Its incidents and history stay; you can restore it at any time."}
      </p>
      <FormAlert message={mutation.error ? mutation.error.message : null} details={mutation.error?.status === 400 ? mutation.error.issues.map((i) => i.message) : []} />
      {archived ? (
        <ConfirmAction
          label="Restore service"
          confirmLabel="Yes, restore"
          prompt={`Restore ${name}?`}
          variant="secondary"
          pending={restore.isPending}
          onConfirm={() => restore.mutate({ archived: false, version }, { onSuccess: () => router.push(`/services/${slug}`) })}
        />
      ) : (
        <ConfirmAction
          label="Archive service"
          confirmLabel="Yes, archive"
          prompt={`Archive ${name}?`}
          pending={archive.isPending}
          onConfirm={() => archive.mutate(undefined, { onSuccess: () => router.push(`/services/${slug}`) })}
        />
      )}
    </section>
  );
}
