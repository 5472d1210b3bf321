import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";

export default function IncidentNotFound() {
  return (
    <EmptyState title="No incident with this reference" action={<Link className="btn btn-primary" href="/incidents">All incidents</Link>}>
      It may have been deleted (the audit trail keeps a copy), or the link has a typo: references look like INC-42.
    </EmptyState>
  );
}
