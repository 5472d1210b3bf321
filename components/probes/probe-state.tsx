import type { ProbeDto } from "@/lib/dto/probes";

const LABEL = { up: "up", down: "down", unknown: "unknown" } as const;

/** The probe's state in words and colour; unknown (not run lately, or disabled) is its own state, never down. */
export function ProbeState({ state }: { state: ProbeDto["state"] }) {
  return <span className={`badge probe-${state}`}>{LABEL[state]}</span>;
}
