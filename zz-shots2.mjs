import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3100";
const out = "/work/shots";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const pages = { status: "/status", notifications: "/settings/notifications", "status-settings": "/settings/status-page" };
const report = [];
for (const [name, path] of Object.entries(pages)) {
  const ctx = await browser.newContext({ javaScriptEnabled: name !== "status" });
  const page = await ctx.newPage();
  if (name !== "status") {
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Password").fill("correct horse battery staple");
    await page.getByRole("button", { name: /sign in/i }).click();
    await page.waitForURL(`${base}/`);
  }
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 844 });
    await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
    await page.waitForTimeout(300);
    const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    report.push(`${name} ${width}: scroll ${m.scroll} client ${m.client}${m.scroll > m.client ? " OVERFLOW" : ""}`);
    await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
  }
  await ctx.close();
}
console.log(report.join("\n"));
await browser.close();
