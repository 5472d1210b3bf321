"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A destructive action in two steps (no modal): the first click asks, the second does it.
 * Focus moves to the confirm button and back to the trigger on cancel, for keyboard users.
 */
export function ConfirmAction({
  label,
  confirmLabel,
  prompt,
  onConfirm,
  pending,
  variant = "danger",
  context,
}: {
  label: string;
  /** Hidden from sight, read after the label: "Revoke" + " pagerduty-sync" in a list of rows. */
  context?: string;
  confirmLabel: string;
  prompt: ReactNode;
  onConfirm: () => void;
  pending: boolean;
  variant?: "danger" | "secondary";
}) {
  const [asking, setAsking] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (returnFocus.current) triggerRef.current?.focus();
    returnFocus.current = false;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={triggerRef} type="button" className={`btn btn-${variant}`} onClick={() => setAsking(true)}>
        {label}
        {context && <span className="visually-hidden"> {context}</span>}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={label}>
      <span className="confirm-prompt">{prompt}</span>
      <button
        ref={confirmRef}
        type="button"
        className={`btn btn-${variant}`}
        disabled={pending}
        aria-busy={pending || undefined}
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => {
          returnFocus.current = true;
          setAsking(false);
        }}
      >
        Cancel
      </button>
    </div>
  );
}
