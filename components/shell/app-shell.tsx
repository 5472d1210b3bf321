import type { ReactNode } from "react";
import { DeclareButton } from "./declare-button";
import { SideNav } from "./side-nav";
import { SignOutButton } from "./sign-out-button";

type ShellUser = { name: string; email: string; role: "viewer" | "editor" | "admin" };

export function AppShell({ user, timeZone, children }: { user: ShellUser; timeZone: string; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="shell">
        <SideNav
          action={user.role === "viewer" ? undefined : <DeclareButton />}
          footer={
            <>
              <div className="who">
                <span className="who-name">{user.name}</span>
                <span className="who-meta">
                  <span className={`badge badge-role-${user.role}`}>{user.role}</span>
                  <span className="who-email" title={user.email}>{user.email}</span>
                </span>
              </div>
              <p className="side-zone">
                Times in <strong>{timeZone}</strong>
              </p>
              <SignOutButton />
            </>
          }
        />
        <main id="main" className="shell-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </>
  );
}
