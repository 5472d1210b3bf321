import type { ReactNode } from "react";

/** The label never changes while pending, so the button keeps its accessible name. */
export function SubmitButton({ pending, children, variant = "primary" }: { pending: boolean; children: ReactNode; variant?: "primary" | "secondary" | "danger" }) {
  return (
    <button type="submit" className={`btn btn-${variant}`} disabled={pending} aria-busy={pending || undefined}>
      {pending && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
