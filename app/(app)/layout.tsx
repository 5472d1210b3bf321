import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { sessionActor } from "@/lib/server/auth/current-actor";
import { getSettings } from "@/lib/server/settings";

/**
 * The signed-in shell. Access control is NOT done here: layouts do not re-run on client
 * navigation, and a redirect from here would lose the page's own callbackUrl. Every page calls
 * requirePageActor itself; without a session this layout renders the bare page, which redirects.
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await sessionActor();
  if (!actor) return <>{children}</>;
  const settings = await getSettings();
  return (
    <AppShell user={{ name: actor.name, email: actor.email, role: actor.role }} timeZone={settings.timeZone}>
      {children}
    </AppShell>
  );
}
