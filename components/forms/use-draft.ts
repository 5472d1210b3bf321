"use client";

import { useCallback, useEffect, useEffectEvent, useState } from "react";
import type { z } from "zod";
import { readDraft, removeDraft, writeDraft } from "./draft-storage";
import { setUnsaved } from "./leave-guard";

type Options<T> = {
  /** From draftKey(): one per entity and field, e.g. draftKey("incident", id, "summary"). */
  key: string;
  /** What the text is, for the leave question: "Summary", "Review notes". */
  label: string;
  /** What is on the page now; null while nothing is being edited. */
  value: T | null;
  /** What is saved: a draft equal to it is no draft. */
  saved: T;
  /** The shape a stored draft must have; anything else is ignored (stored JSON is never cast). */
  schema: z.ZodType<T>;
  /** Puts a stored draft back on the page. */
  restore: (draft: T) => void;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Keeps what a person types as a draft in local storage while it differs from what is saved,
 * puts it back when the page opens again (`restored` says so, for a visible note), and asks
 * before a navigation would leave with it unsaved. Call `committed(value)` after a save.
 */
export function useDraft<T>({ key, label, value, saved, schema, restore }: Options<T>) {
  const [restored, setRestored] = useState(false);
  // After a save, what was typed counts as saved until the page's data catches up.
  const savedJson = JSON.stringify(saved);
  const [override, setOverride] = useState<{ savedJson: string; value: T } | null>(null);
  const base = override?.savedJson === savedJson ? override.value : saved;
  // False until the stored draft was read: until then the page's value would overwrite it. State,
  // not a ref, so what was typed before the read (one task after hydration) is written then.
  const [ready, setReady] = useState(false);

  const restoreStored = useEffectEvent(() => {
    setReady(true);
    const parsed = schema.safeParse(readDraft(key));
    if (!parsed.success) return;
    if (same(parsed.data, saved)) return removeDraft(key);
    restore(parsed.data);
    setRestored(true);
  });
  // Once per key, after hydration (local storage cannot be read while rendering on the server),
  // as a task of its own so the hydrated page paints first; cancelled if the key changes.
  useEffect(() => {
    const task = window.setTimeout(restoreStored, 0);
    return () => window.clearTimeout(task);
  }, [key]);

  const dirty = value !== null && !same(value, base);
  const valueJson = JSON.stringify(value);
  useEffect(() => {
    if (!ready) return;
    if (dirty) writeDraft(key, JSON.parse(valueJson));
    else removeDraft(key);
  }, [ready, key, valueJson, dirty]);

  useEffect(() => {
    setUnsaved(key, dirty ? label : null);
    return () => setUnsaved(key, null);
  }, [key, label, dirty]);

  /** After a save: what is on the page is what is saved, so there is no draft. */
  const committed = useCallback(
    (now: T | null) => {
      removeDraft(key);
      setRestored(false);
      if (now !== null) setOverride({ savedJson, value: now });
    },
    [key, savedJson],
  );
  /** Drops the draft; the caller puts the saved text back on the page. */
  const discard = useCallback(() => {
    removeDraft(key);
    setRestored(false);
  }, [key]);

  return { restored, dirty, committed, discard };
}
