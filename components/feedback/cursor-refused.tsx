import Link from "next/link";

/** Said when a list link's place in the list is one the list does not know: the list shows its start instead. */
export function CursorRefused({ start }: { start: string }) {
  return (
    <p className="alert alert-warning" role="alert">
      This link points to a place in the list that does not exist (the link was changed, or the entry it continued after was deleted), so the list is shown from its start. <Link href={start}>Open the list without it</Link>
    </p>
  );
}
