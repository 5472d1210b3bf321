import "server-only";
import type { Tx } from "./db";
import { ValidationError } from "./errors";

/**
 * Rejects a dependency set that would close a loop: a cycle makes "what does this outage take
 * down" unanswerable. Loads the edge list once (small: one row per dependency).
 */
export async function assertNoCycle(tx: Tx, serviceId: string, dependsOnIds: string[]): Promise<void> {
  if (dependsOnIds.length === 0) return;
  const edges = await tx.serviceDependency.findMany({ where: { NOT: { serviceId } } });
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.serviceId, [...(next.get(e.serviceId) ?? []), e.dependsOnId]);
  next.set(serviceId, dependsOnIds);
  const seen = new Set<string>();
  const stack = [...dependsOnIds];
  while (stack.length) {
    const id = stack.pop() as string;
    if (id === serviceId) {
      throw ValidationError.field("dependsOn", "These dependencies would create a cycle back to this service");
    }
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
}
