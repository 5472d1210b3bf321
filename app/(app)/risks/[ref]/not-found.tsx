import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";

export default function RiskNotFound() {
  return (
    <EmptyState title="No risk with this reference" action={<Link className="btn btn-primary" href="/risks">The register</Link>}>
      It may have been deleted (the audit trail keeps a copy), or the link has a typo: references look like RISK-12.
    </EmptyState>
  );
}
