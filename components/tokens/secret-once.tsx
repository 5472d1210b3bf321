"use client";

import { useEffect, useRef, useState } from "react";

const TOKEN_ADVICE = "Store it in your secret manager; if you lose it, revoke the token and create a new one.";

/** A new secret (a token's, a webhook's signing secret), shown once: Nines does not show it again. */
export function SecretOnce({ name, secret, onDismiss, label = "Token secret", advice = TOKEN_ADVICE }: { name: string; secret: string; onDismiss: () => void; label?: string; advice?: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      // Clipboard needs a secure context (https or localhost); selecting the text still works.
      setCopied("failed");
    }
  }

  return (
    <div className="alert alert-warning" role="region" aria-labelledby="secret-heading">
      <h3 id="secret-heading" ref={headingRef} tabIndex={-1}>
        Copy the secret for “{name}” now
      </h3>
      <p>This is the only time Nines shows it. {advice}</p>
      <div className="secret-box">
        <code aria-label={label}>{secret}</code>
        <button type="button" className="btn btn-secondary" onClick={copy}>
          Copy
        </button>
      </div>
      <p role="status">{copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Could not copy automatically; select the text and copy it." : ""}</p>
      <button type="button" className="btn btn-secondary btn-small" onClick={onDismiss}>
        I have stored it
      </button>
    </div>
  );
}
