import Link from "next/link";

/** Said when a list link's place in the list is one the list does not know: what is shown instead. */
export function CursorRefused({ newest, what }: { newest: string; what: string }) {
  return (
    <p className="alert alert-warning" role="alert">
      This link points to a place in the list that does not exist (it was changed, or the entry it started after was deleted), so the newest {what} are shown. <Link href={newest}>Start from the newest</Link>
    </p>
  );
}
