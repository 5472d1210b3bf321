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
  const actor = await requirePageActor();
  const settings = await getSettings();
  return (
    <AppShell user={{ name: actor.name, email: actor.email, role: actor.role }} timeZone={settings.timeZone}>
      {children}
    </AppShell>
  );
}
