import Link from "next/link";
import { EmptyState } from "@/components/feedback/empty-state";

export default function ServiceNotFound() {
  return (
    <EmptyState title="No service with this slug" action={<Link className="btn btn-primary" href="/services">All services</Link>}>
      It may have been renamed: a service&apos;s slug can change when someone edits it. Search the service list by name.
    </EmptyState>
  );
}
