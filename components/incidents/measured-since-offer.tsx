"use client";

import { useEffect, useRef, useState } from "react";

type Issue = { path: string; message: string };
type Offer = { text: string; day: string };

/**
 * The server's offer when an incident (or one of its impacts) starts before a service is measured
 * (docs/domain.md "Measured since"): it refuses with an issue on `moveMeasuredSince` naming the day
 * it would move to. The API's sentence tells a client to send the flag; a person ticks a box
 * instead, so the form keeps the first part and words the answer itself.
 */
function offerOf(issues: readonly Issue[]): Offer | null {
  const offers = issues.filter((i) => i.path === "moveMeasuredSince").map((i) => i.message);
  if (offers.length === 0) return null;
  const days = offers.flatMap((m) => /from (\S+ \([^)]+\))\.$/.exec(m)?.[1] ?? []);
  return { text: offers.map((m) => m.replace(/ Send moveMeasuredSince: .*$/, "")).join(" "), day: days.length === 1 ? (days[0] as string) : "that day" };
}

/** State for a form that may be offered the move: whether it was, and whether the person took it. */
export function useMeasuredSinceOffer() {
  const [offer, setOffer] = useState<Offer | null>(null);
  const [move, setMove] = useState(false);
  return {
    offer,
    move,
    setMove,
    /** Reads a refusal's issues; true when it was the offer (the form shows it, not an error). */
    take(issues: readonly Issue[]): boolean {
      const found = offerOf(issues);
      if (found) setOffer(found);
      return found !== null;
    },
    reset() {
      setOffer(null);
      setMove(false);
    },
    /** What a request adds once the person took the offer. */
    body(): { moveMeasuredSince?: true } {
      return offer && move ? { moveMeasuredSince: true } : {};
    },
  };
}

/** The offer and its box. Focus goes to the box when it appears: the answer the person has to give. */
export function MeasuredSinceOffer({ id, offer, move, onMove, invalid }: { id: string; offer: Offer | null; move: boolean; onMove: (move: boolean) => void; invalid?: boolean }) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (offer) box.current?.focus();
  }, [offer]);
  if (!offer) return null;
  return (
    <div className={`field${invalid ? " field-invalid" : ""}`}>
      <p id={`${id}-offer`} className={invalid ? "field-error" : "muted"}>{offer.text}</p>
      <label className="choice">
        <input ref={box} id={id} type="checkbox" checked={move} onChange={(e) => onMove(e.target.checked)} aria-describedby={`${id}-offer`} />{" "}
        Measure from {offer.day} instead, so this incident counts
      </label>
    </div>
  );
}
