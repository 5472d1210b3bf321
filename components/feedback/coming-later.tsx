import type { ReactNode } from "react";
import { PageHeader } from "./page-header";

/** A section whose feature arrives in a later issue: says what it will do, not a blank page. */
export function ComingLater({ title, summary, items, children }: { title: string; summary: string; items: string[]; children?: ReactNode }) {
  return (
    <>
      <PageHeader title={title} description={summary} />
      <section className="card" aria-labelledby="coming-heading">
        <h2 id="coming-heading">What this page will show</h2>
        <ul className="checklist">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p className="muted">
          This page is filled in by a later issue. Until then, keep your services and tiers up to date: everything
          here builds on them.
        </p>
        {children}
      </section>
    </>
  );
}
