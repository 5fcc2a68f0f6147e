// The main flows with the keyboard only: skip link, nav, compare, requesting and approving a
// promotion, and the inline confirmations (Escape backs out and focus returns).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs } from "../fixtures/auth";
import { expectFocused, focusRingShown, tabTo } from "./keyboard";

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signInAs(page, email);
  return page;
}

test("skip link, then the nav and the compare page with the keyboard", async ({ browser }) => {
  test.setTimeout(300_000);
  const page = await as(browser, "platform@example.com");
  await page.goto("/");
  // The first Tab lands on the skip link, which shows itself; Enter moves focus to the main content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expectFocused(skip);
  await expect(skip).toBeInViewport();
  expect(await focusRingShown(page)).toBe(true);
  await page.keyboard.press("Enter");
  await expectFocused(page.locator("main#main"));
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.querySelector("main")!.contains(document.activeElement))).toBe(true);

  // The nav: Tab reaches it with a visible ring; Enter follows the link.
  await page.goto("/");
  await tabTo(page, page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Compare" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/compare/);
  await expect(page.getByRole("heading", { name: "Compare", level: 1 })).toBeVisible();

  // Choose Development → Staging by typing on the selects, tick "Only differences" with Space, submit with Enter.
  const filters = page.getByRole("form", { name: "Compare filters" });
  await tabTo(page, filters.locator('select[name="from"]'));
  await page.keyboard.type("Development");
  await page.keyboard.press("Tab");
  await expectFocused(filters.locator('select[name="to"]'));
  await page.keyboard.type("Staging");
  await tabTo(page, page.getByLabel("Only differences"));
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Only differences")).toBeChecked();
  await page.keyboard.press("Tab");
  await expectFocused(page.getByRole("button", { name: "Compare" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/from=development&to=staging.*only=1/);
  await expect(page.getByTestId("overall-parity")).toBeVisible();
  await expect(page.locator('[data-status="identical"]')).toHaveCount(0);
});

test("request a promotion and approve one with the keyboard", async ({ browser }) => {
  test.setTimeout(300_000);
  const platform = await as(browser, "platform@example.com");
  await platform.goto("/promotions/new");
  await tabTo(platform, platform.getByLabel("Service"));
  await platform.keyboard.type("Notifications");
  await platform.keyboard.press("Tab");
  await expectFocused(platform.getByLabel("Path"));
  await platform.keyboard.type("Staging");
  await expect(platform.getByLabel("Path").locator("option:checked")).toHaveText("Staging → Production");
  await tabTo(platform, platform.getByLabel("Reason"));
  await platform.keyboard.type("Keyboard-only release check");
  await tabTo(platform, platform.getByLabel("Change ticket"));
  await platform.keyboard.type("CHG-5150");
  await tabTo(platform, platform.getByLabel("Rollback plan"));
  await platform.keyboard.type("Redeploy the previous version");
  await tabTo(platform, platform.getByRole("button", { name: "Request promotion" }));
  await platform.keyboard.press("Enter");
  await expect(platform).toHaveURL(/\/promotions\/(?!new$)[a-z0-9]+$/, { timeout: 120_000 });
  await expect(platform.getByTestId("promotion-state")).toHaveText("Checking");

  // A second platform person approves a promotion waiting on approval (seeded, requested by a developer).
  const p2 = await as(browser, "platform2@example.com");
  await p2.goto("/promotions/seed-promo-004");
  await expect(p2.getByTestId("promotion-state")).toHaveText("Awaiting approval");
  await tabTo(p2, p2.getByLabel(/^Comment/));
  await p2.keyboard.type("Approved from the keyboard.");
  await p2.keyboard.press("Tab");
  await expectFocused(p2.getByRole("button", { name: "Approve" }));
  await p2.keyboard.press("Enter");
  await expect(p2.getByTestId("promotion-state")).toHaveText("Approved");
  await expect(p2.getByTestId("timeline")).toContainText("Approved from the keyboard.");
});

test("inline confirmations: Escape backs out and focus returns", async ({ browser }) => {
  test.setTimeout(300_000);
  const page = await as(browser, "platform@example.com");

  // Roll back… opens a confirmation with focus in its reason; Escape closes it, focus back on the button.
  await page.goto("/promotions/seed-promo-010");
  const rollBack = page.getByRole("button", { name: "Roll back…" });
  await tabTo(page, rollBack);
  await page.keyboard.press("Enter");
  await expectFocused(page.getByLabel("Reason for the rollback"));
  await page.keyboard.press("Escape");
  await expect(page.getByLabel("Reason for the rollback")).toHaveCount(0);
  await expectFocused(rollBack);

  // The access matrix: arrow to another level, Tab goes to the review of that change, Escape cancels it.
  await page.goto("/access");
  const cell = page.getByLabel("Developer on Staging");
  await tabTo(page, cell);
  const before = await cell.inputValue();
  await page.keyboard.press("ArrowDown");
  const review = page.getByRole("dialog", { name: /Change Developer on Staging/ });
  await expect(review).toBeVisible();
  await expect(review.getByTestId("grant-effect")).toBeVisible();
  await page.keyboard.press("Tab");
  expect(await review.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(review).toHaveCount(0);
  await expectFocused(cell);
  await expect(cell).toHaveValue(before);
});
