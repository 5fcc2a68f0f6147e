// Laptop screens: no page scrolls sideways at 1024×768 or 1280×800 (wide tables scroll inside
// their own box). 1024 px is the narrow case (the sidebar still shows), so it covers every page.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs } from "../fixtures/auth";
import { ALL_PAGES, ROLE_PAGES } from "./pages";

test.describe.configure({ mode: "parallel" });

const MAIN = ["overview", "environment", "compare", "promotion", "insights", "access", "settings"];

async function as(browser: Browser, email: string, width: number, height: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  await signInAs(page, email);
  return page;
}

async function overflowing(page: Page, pages: Record<string, string>): Promise<string[]> {
  const wide: string[] = [];
  for (const [name, path] of Object.entries(pages)) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible({ timeout: 60_000 });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    if (scrollWidth > innerWidth) wide.push(`${name} (${path}): ${scrollWidth} px wide in a ${innerWidth} px window`);
  }
  return wide;
}

test("every page fits 1024×768 (platform)", async ({ browser }) => {
  test.setTimeout(600_000);
  const page = await as(browser, "platform@example.com", 1024, 768);
  expect(await overflowing(page, ALL_PAGES)).toEqual([]);
});

test("a developer's pages fit 1024×768, the main pages fit 1280×800", async ({ browser }) => {
  test.setTimeout(600_000);
  const dev = await as(browser, "dev@example.com", 1024, 768);
  expect(await overflowing(dev, ROLE_PAGES.developer)).toEqual([]);
  const platform = await as(browser, "platform@example.com", 1280, 800);
  expect(await overflowing(platform, Object.fromEntries(MAIN.map((k) => [k, ALL_PAGES[k]])))).toEqual([]);
});
