import { z } from "zod";
import { InstantText } from "./common";

/**
 * A freeze of a service's changes by its error-budget policy, as a stored period
 * (docs/decisions/0031-error-budget-policy.md), as known at the answer's instant: an end or a lift
 * still to come then is none yet. Each answer that lists freezes adds what it needs to this
 * (the service, the SLOs, the line in words); lib/server/freezes.ts freezeFields writes it.
 */
export const FreezeFields = z.strictObject({
  id: z.string(),
  startedAt: InstantText,
  /** When it stopped holding (ended or lifted early); null: it still holds. */
  endedAt: InstantText.nullable(),
  reason: z.string(),
  /** When the budget is back above the freezing threshold if nothing more is spent; null: not within the window (or burning froze it). */
  recoversAt: InstantText.nullable(),
  liftedAt: InstantText.nullable(),
  liftedBy: z.string().nullable(),
  liftReason: z.string().nullable(),
});
export type FreezeFields = z.infer<typeof FreezeFields>;

export const FreezeServiceRef = z.strictObject({ slug: z.string(), name: z.string() });
