/**
 * Drafts of typed text, kept in the browser's local storage under one key per entity and field
 * (`nines:draft:incident:<id>:summary`), so text survives a navigation, a reload or a crash.
 * Storage can be missing or full (private windows, quotas): a draft is then not kept, and the
 * leave guard still asks before the text is dropped. That is the one failure swallowed here.
 */
const PREFIX = "nines:draft:";

type Stored = { v: 1; savedAt: number; value: unknown };

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // access itself throws when storage is disabled
  }
}

export function draftKey(...parts: string[]): string {
  return PREFIX + parts.join(":");
}

export function readDraft(key: string): unknown {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Stored>;
    return parsed && parsed.v === 1 && "value" in parsed ? parsed.value : null;
  } catch {
    return null; // not a draft this version wrote
  }
}

export function writeDraft(key: string, value: unknown) {
  try {
    storage()?.setItem(key, JSON.stringify({ v: 1, savedAt: Date.now(), value } satisfies Stored));
  } catch {
    // Quota exceeded: the text stays on the page and the leave guard still protects it.
  }
}

export function removeDraft(key: string) {
  storage()?.removeItem(key);
}
