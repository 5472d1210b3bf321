import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getSettings } from "@/lib/server/settings";

/**
 * The signed-in shell. It renders before the pages' loading boundaries stream anything, so the
 * access check here answers a signed-out visit with a real 307 to /login and a refused one with a
 * real 403. Pages check again (cached): layouts do not re-run on client navigation.
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  // Side by side: the settings read is small, and every page waits for this layout's answer.
  const [actor, settings] = await Promise.all([requirePageActor(), getSettings()]);
  return (
    <AppShell user={{ name: actor.name, email: actor.email, role: actor.role }} timeZone={settings.timeZone}>
      {children}
    </AppShell>
  );
}
