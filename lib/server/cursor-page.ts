import "server-only";
import { ValidationError } from "./errors";

/** The lists' refusal of a page cursor: made up, mangled, or naming a row deleted since. */
export function isCursorRefusal(err: unknown): boolean {
  return err instanceof ValidationError && (err.issues ?? []).some((i) => i.path === "cursor");
}

/**
 * A list page read from the URL's cursor. A cursor the list refuses is the link's fault: the page
 * then shows the first page as the first page (not under "Older") and says so (`cursorRefused`).
 * Anything else, the database away or a bug, is thrown on to the error page.
 */
export async function readFromCursor<T>(cursor: string, read: (cursor: string | undefined) => Promise<T>): Promise<{ page: T; cursorRefused: boolean }> {
  if (!cursor) return { page: await read(undefined), cursorRefused: false };
  try {
    return { page: await read(cursor), cursorRefused: false };
  } catch (err) {
    if (!isCursorRefusal(err)) throw err;
    return { page: await read(undefined), cursorRefused: true };
  }
}
