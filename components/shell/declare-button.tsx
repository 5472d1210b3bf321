"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Alt+Shift+D from anywhere: a chord, so that typing in a field never triggers it by accident. */
const SHORTCUT = "Alt+Shift+D";
const KEYS = SHORTCUT.split("+");

/** On every page for those who may declare one: something is down, the way in must be short. */
export function DeclareButton() {
  const router = useRouter();
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === "KeyD") {
        e.preventDefault();
        router.push("/incidents/new");
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);
  return (
    <Link href="/incidents/new" className="btn btn-declare" aria-keyshortcuts={SHORTCUT} title={`Declare incident (${SHORTCUT})`}>
      Declare incident
      {/* Shown so that people learn it; announced through aria-keyshortcuts rather than read as part of the name. */}
      <span className="shortcut" aria-hidden="true">
        {KEYS.map((k, i) => (
          <span key={k}>
            {i > 0 && "+"}
            <kbd>{k}</kbd>
          </span>
        ))}
      </span>
    </Link>
  );
}
