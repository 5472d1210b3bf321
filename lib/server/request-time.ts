import "server-only";
import { cache } from "react";

/**
 * The instant this request is rendered at, read once: every part of a page (and the client's
 * first paint, which gets it as a prop) measures "now" from the same instant.
 */
export const requestTime = cache((): number => Date.now());
