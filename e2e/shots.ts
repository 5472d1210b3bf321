import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe";

/**
 * Screenshots are for a person to look at before a change is done (`E2E_SHOTS=1 npm run test:e2e`,
 * then test-results/shots/); the rest of the time the tests skip them, as writing full pages of
 * PNG costs the run minutes and checks nothing.
 */
export const SHOTS_WANTED = process.env.E2E_SHOTS === "1";

/** A screenshot (full page unless `fullPage: false`) as test-results/shots/<name>-<width><suffix>.png. */
export async function shot(page: Page, name: string, { fullPage = true, suffix = "" }: { fullPage?: boolean; suffix?: string } = {}): Promise<void> {
  if (!SHOTS_WANTED) return;
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `test-results/shots/${name}-${width}${suffix}.png`, fullPage });
}

/** The page as it is, on a desktop and on a phone: an axe scan at each width, and its screenshot. */
export async function scanAndShoot(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `${name} at ${width} px`);
    await shot(page, name);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
