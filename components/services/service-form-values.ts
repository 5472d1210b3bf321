import { formatPercent, formatWindow, percentTextToRatio, percentText, tierLabel } from "@/components/format";
import { fromOrgInputValue, toOrgInputValue } from "@/components/forms/org-datetime";
import type { ServiceDto } from "@/lib/query/types";

export type TierOption = {
  id: string;
  rank: number;
  name: string;
  sloTarget: number;
  sloWindow: string;
  maintenance: "count" | "exclude";
  archived: boolean;
};

/** What the form edits: text as typed; "" in an override means "inherit from the tier". */
export type ServiceFormValues = {
  slug: string;
  name: string;
  tier: string;
  sloTarget: string;
  sloWindow: string;
  maintenance: string;
  owner: string;
  description: string;
  dependsOn: string[];
  /** datetime-local text on the organisation's wall clock; "" on a new service = from its creation. */
  measuredSince: string;
};

export function initialValues(service: ServiceDto | undefined, defaultTierId: string, timeZone: string): ServiceFormValues {
  if (!service) {
    return { slug: "", name: "", tier: defaultTierId, sloTarget: "", sloWindow: "", maintenance: "", owner: "", description: "", dependsOn: [], measuredSince: "" };
  }
  const o = service.overrides;
  return {
    slug: service.slug,
    name: service.name,
    tier: service.tier.id,
    sloTarget: o.sloTarget === null ? "" : percentText(o.sloTarget),
    sloWindow: o.sloWindow ?? "",
    maintenance: o.maintenance ?? "",
    owner: service.owner,
    description: service.description,
    dependsOn: service.dependsOn,
    measuredSince: toOrgInputValue(service.measuredSince, timeZone),
  };
}

/**
 * The API body (ratios, nulls for "inherit"), before zod validation. The percent field is the
 * only conversion: 99.9 → 0.999; unparseable text becomes NaN and the schema rejects it.
 */
export function toPayload(v: ServiceFormValues, timeZone: string, initial: ServiceFormValues) {
  // Sent only when changed: the field shows minutes, and re-sending a creation instant cut to its
  // minute would move measuredSince by seconds nobody asked to move. Unreadable text goes to the
  // schema as typed, which names the field.
  const measuredSince = v.measuredSince === initial.measuredSince || v.measuredSince === "" ? undefined : (fromOrgInputValue(v.measuredSince, timeZone) ?? v.measuredSince);
  return {
    ...(measuredSince === undefined ? {} : { measuredSince }),
    slug: v.slug,
    name: v.name,
    tier: v.tier,
    sloTarget: percentTextToRatio(v.sloTarget),
    sloWindow: v.sloWindow || null,
    maintenance: (v.maintenance || null) as "count" | "exclude" | null,
    owner: v.owner,
    description: v.description,
    dependsOn: v.dependsOn,
  };
}

export const PERCENT_MESSAGE = "Enter a percentage such as 99.9, or leave it empty to inherit the tier's target";

export function inheritHints(tier: TierOption | undefined) {
  if (!tier) return { placeholder: undefined, target: undefined, window: "Inherit from tier", maintenance: "Inherit from tier", from: "the tier" };
  const from = tierLabel(tier);
  return {
    placeholder: percentText(tier.sloTarget),
    target: `Leave empty to inherit ${formatPercent(tier.sloTarget)} from ${from}.`,
    window: `Inherit: ${formatWindow(tier.sloWindow).toLowerCase()}`,
    maintenance: `Inherit: ${tier.maintenance === "count" ? "counts" : "excluded"}`,
    from,
  };
}

/** "Checkout API" → "checkout-api": a suggestion while the slug has not been typed by hand. */
export function suggestSlug(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}
