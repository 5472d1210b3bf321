"use client";

/**
 * One guard for the whole page: every editor holding unsaved text registers here, and a single
 * listener asks before an in-app link or a reload/close would leave the page. One listener, not
 * one per editor, so a person with two open editors is asked once.
 */
const unsaved = new Map<string, string>();
let installed = false;

export const LEAVE_QUESTION = (what: string[]) =>
  `You have unsaved text (${what.join(", ")}). It is kept as a draft in this browser, but it is not saved. Leave this page anyway?`;

function onClick(event: MouseEvent) {
  if (unsaved.size === 0 || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // a new tab or window keeps this page
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download")) return;
  if (link.target && link.target !== "_self") return;
  const to = new URL(link.href, window.location.href);
  if (to.pathname === window.location.pathname && to.search === window.location.search) return; // a jump within the page
  if (!window.confirm(LEAVE_QUESTION([...new Set(unsaved.values())]))) {
    // Captured on the document, before React's listener on the root: the Link never navigates.
    event.preventDefault();
    event.stopPropagation();
  }
}

function onBeforeUnload(event: BeforeUnloadEvent) {
  if (unsaved.size === 0) return;
  event.preventDefault();
  // Older browsers need a returnValue to show their own question (they ignore the text).
  event.returnValue = "";
}

function install() {
  if (installed) return;
  installed = true;
  document.addEventListener("click", onClick, true);
  window.addEventListener("beforeunload", onBeforeUnload);
}

/** Marks `key` as holding unsaved text described by `label` (e.g. "Summary"), or clears it. */
export function setUnsaved(key: string, label: string | null) {
  if (typeof window === "undefined") return;
  install();
  if (label === null) unsaved.delete(key);
  else unsaved.set(key, label);
}
