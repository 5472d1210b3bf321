"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Icon } from "./icon";
import { currentState, NAV_ITEMS } from "./nav-items";

/**
 * Sidebar on wide screens, a top bar with a Menu button on narrow ones. The menu remembers the
 * path it was opened on, so any navigation closes it without an effect.
 */
export function SideNav({ footer, action }: { footer: ReactNode; action?: ReactNode }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;

  return (
    <header className="shell-side">
      <div className="brand-row">
        {/* Named by its visible text: speech users say what they see ("click Nines"). */}
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">9</span>
          <span>Nines</span>
        </Link>
        <button
          type="button"
          className="btn btn-ghost menu-toggle"
          aria-expanded={open}
          aria-controls="primary-nav"
          onClick={() => setOpenOn(open ? null : pathname)}
        >
          {open ? "Close" : "Menu"}
        </button>
      </div>
      {action && <div className="side-action">{action}</div>}
      <div id="primary-nav" className="side-body" data-open={open || undefined}>
        <nav aria-label="Main">
          <ul className="nav-list">
            {NAV_ITEMS.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="nav-link" aria-current={currentState(pathname, item.href)}>
                  <Icon name={item.icon} />
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="side-foot">{footer}</div>
      </div>
    </header>
  );
}
