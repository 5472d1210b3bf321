import type { Page } from "@playwright/test";

/** A full-page screenshot for a person to look at (test-results/shots/<name>-<width>.png). */
export async function shot(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `test-results/shots/${name}-${width}.png`, fullPage: true });
}
