import type { ReactNode } from "react";

/** Frame of the pages shown before anyone is signed in. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="standalone" id="main">
      <div className="standalone-card">
        <span className="brand" aria-hidden="true">
          <span className="brand-mark">9</span>
          <span>Nines</span>
        </span>
        <h1>{title}</h1>
        {intro && <p className="muted">{intro}</p>}
        {children}
      </div>
    </main>
  );
}
