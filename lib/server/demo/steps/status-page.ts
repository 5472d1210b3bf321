import "server-only";
import { StatusPageUpdate } from "@/lib/schemas/status-page";
import { getStatusPageSettings, updateStatusPage } from "../../status-page";
import type { DemoContext } from "../context";

// The demo's public status page: its services grouped under the names customers know, published,
// so a new user sees what /status shows (and that nothing internal is on it).

const COMPONENTS = [
  { name: "Checkout and payments", services: ["checkout", "payments", "cart"] },
  { name: "Search and catalogue", services: ["search", "catalog"] },
  { name: "Sign-in", services: ["identity"] },
  { name: "Partner API", services: ["api-gateway"] },
];

export async function fillStatusPage(ctx: DemoContext): Promise<number> {
  if (!ctx.creator) return 0; // the status page is an admin's
  const { version } = await getStatusPageSettings();
  await updateStatusPage(ctx.creator, StatusPageUpdate.parse({ enabled: true, title: "Shop status", components: COMPONENTS, version }));
  return COMPONENTS.length;
}
