// Every page, for each role, in light and dark mode: no serious or critical axe violation
// (WCAG 2.0/2.1 A and AA rules). Platform visits every page; the other roles visit the pages
// whose content differs for them (e2e/a11y/pages.ts).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs } from "../fixtures/auth";
import { seriousViolations } from "./axe";
import { ALL_PAGES, ROLE_PAGES, ROLES, type RoleKey } from "./pages";

test.describe.configure({ mode: "parallel" });

type Mode = "light" | "dark";

async function open(browser: Browser, mode: Mode): Promise<Page> {
  const context = await browser.newContext({ colorScheme: mode, viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/** Visits each page and returns a readable report of what axe found, empty when nothing. */
async function audit(page: Page, pages: Record<string, string>, mode: Mode): Promise<string> {
  const report: string[] = [];
  for (const [name, path] of Object.entries(pages)) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible({ timeout: 60_000 });
    // The theme follows the system preference when nothing is saved (app/layout.tsx).
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("dark")).catch(() => null)).toBe(mode === "dark");
    const found = await seriousViolations(page);
    if (found.length) report.push(`${name} (${path}, ${mode}):\n${found.join("\n")}`);
  }
  return report.join("\n\n");
}

for (const mode of ["light", "dark"] as const) {
  test(`sign-in page, ${mode}`, async ({ browser }) => {
    const page = await open(browser, mode);
    expect(await audit(page, { "sign-in": "/signin" }, mode)).toBe("");
  });

  for (const role of Object.keys(ROLES) as RoleKey[]) {
    const pages = role === "platform" ? ALL_PAGES : ROLE_PAGES[role];
    test(`${role}: ${Object.keys(pages).length} pages, ${mode}`, async ({ browser }) => {
      test.setTimeout(600_000);
      const page = await open(browser, mode);
      await signInAs(page, ROLES[role]);
      expect(await audit(page, pages, mode)).toBe("");
    });
  }
}
