"use client";

/** Says that the text below came back from a draft, and offers to drop it for the saved text. */
export function DraftNote({ show, onDiscard, what }: { show: boolean; onDiscard: () => void; what: string }) {
  if (!show) return null;
  return (
    <p role="status" className="draft-note">
      <span>Draft restored: your unsaved {what} from this browser.</span>{" "}
      <span aria-hidden="true">·</span>{" "}
      <button type="button" className="link-button" onClick={onDiscard}>
        Discard<span className="visually-hidden"> the draft of the {what}</span>
      </button>
    </p>
  );
}
