import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";

/** The empty state of a new organisation, on the overview and the services list alike. */
export function NoServicesYet({ canEdit }: { canEdit: boolean }) {
  return (
    <EmptyState
      title="No services yet"
      action={canEdit ? <Link className="btn btn-primary" href="/services/new">New service</Link> : undefined}
    >
      {canEdit
        ? "Add the services your users depend on, starting with the most critical. Each service belongs to a tier and inherits its SLO target unless you set its own."
        : "An editor or admin adds services. Ask one of them to add your most critical ones first."}
    </EmptyState>
  );
}
